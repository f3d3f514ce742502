package dev.rowguard.sample.domain;

import dev.rowguard.annotations.Check;
import dev.rowguard.annotations.CheckEnum;
import jakarta.persistence.Column;
import dev.rowguard.annotations.Tenanted;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.util.UUID;

/** One asset depends on another: both must move together or the link must be re-pointed. */
@Entity
@Tenanted
@Table(uniqueConstraints = @UniqueConstraint(columnNames = {"dependent_asset_id", "dependency_asset_id"}))
@Check(name = "not_self", value = "dependent_asset_id <> dependency_asset_id")
public class AssetDependency {
  @Id private UUID id;

  @Column(nullable = false)
  private UUID clientAccountId;

  @Column(nullable = false)
  private UUID engagementId;

  /** The asset that needs the other one. */
  @ManyToOne(optional = false)
  @JoinColumn(name = "dependent_asset_id")
  private Asset dependent;

  /** The asset that is needed. */
  @ManyToOne(optional = false)
  @JoinColumn(name = "dependency_asset_id")
  private Asset dependency;

  @Column(nullable = false)
  private Kind kind;

  @Column(length = 20)
  private String protocol;

  private Integer port;

  private Instant discoveredAt;

  public AssetDependency() {}

  /** A new dependency of the bound engagement; the repository fills in the tenant keys. */
  public AssetDependency(UUID id, Asset dependent, Asset dependency, Kind kind) {
    this.id = id;
    this.dependent = dependent;
    this.dependency = dependency;
    this.kind = kind;
  }

  public UUID getId() { return id; }
  public void setId(UUID id) { this.id = id; }
  public UUID getClientAccountId() { return clientAccountId; }
  public void setClientAccountId(UUID clientAccountId) { this.clientAccountId = clientAccountId; }
  public UUID getEngagementId() { return engagementId; }
  public void setEngagementId(UUID engagementId) { this.engagementId = engagementId; }
  public Asset getDependent() { return dependent; }
  public void setDependent(Asset dependent) { this.dependent = dependent; }
  public Asset getDependency() { return dependency; }
  public void setDependency(Asset dependency) { this.dependency = dependency; }
  public Kind getKind() { return kind; }
  public void setKind(Kind kind) { this.kind = kind; }
  public String getProtocol() { return protocol; }
  public void setProtocol(String protocol) { this.protocol = protocol; }
  public Integer getPort() { return port; }
  public void setPort(Integer port) { this.port = port; }
  public Instant getDiscoveredAt() { return discoveredAt; }
  public void setDiscoveredAt(Instant discoveredAt) { this.discoveredAt = discoveredAt; }

  @CheckEnum(storedCase = CheckEnum.Case.LOWER)
  public enum Kind { NETWORK, DATABASE, FILE_SHARE, API, BATCH }
}
