package dev.rowguard.benchmarks.repository.domain;

import dev.rowguard.annotations.CheckEnum;
import dev.rowguard.annotations.Tenanted;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

// One class serves Rowguard (which derives the table from it) and Hibernate (which maps it to that table): both
// read the same JPA annotations, and each ignores the other's. Javadoc here becomes the table's comments.
/** A tenant's asset, as the repository benchmark reads and writes it. */
@Entity
@Tenanted
@Table(
    uniqueConstraints = @UniqueConstraint(columnNames = {"tenant_id", "hostname"}),
    indexes = @Index(columnList = "category"))
public class BenchAsset {
  @Id private UUID id;

  // Rowguard's tenant key; for Hibernate, the discriminator it fills on insert and adds to its queries.
  @TenantId
  @Column(nullable = false)
  private UUID tenantId;

  @Column(nullable = false)
  private String hostname;

  @Column(nullable = false)
  private String category;

  // Stored as the constant's name, as both Rowguard's @CheckEnum (AS_DECLARED) and Hibernate's STRING do.
  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;

  private Integer cpuCores;

  @Column(precision = 12, scale = 2)
  private BigDecimal monthlyCost;

  private Instant discoveredAt;

  /** Where the asset is in its migration. */
  @CheckEnum
  public enum Status { ACTIVE, IN_REVIEW, MIGRATING, RETIRED }

  /** For Hibernate and the generated repository. */
  public BenchAsset() {}

  public BenchAsset(UUID id, UUID tenantId, String hostname, String category, Status status, Integer cpuCores,
      BigDecimal monthlyCost, Instant discoveredAt) {
    this.id = id;
    this.tenantId = tenantId;
    this.hostname = hostname;
    this.category = category;
    this.status = status;
    this.cpuCores = cpuCores;
    this.monthlyCost = monthlyCost;
    this.discoveredAt = discoveredAt;
  }

  public UUID getId() {
    return id;
  }

  public void setId(UUID id) {
    this.id = id;
  }

  public UUID getTenantId() {
    return tenantId;
  }

  public void setTenantId(UUID tenantId) {
    this.tenantId = tenantId;
  }

  public String getHostname() {
    return hostname;
  }

  public void setHostname(String hostname) {
    this.hostname = hostname;
  }

  public String getCategory() {
    return category;
  }

  public void setCategory(String category) {
    this.category = category;
  }

  public Status getStatus() {
    return status;
  }

  public void setStatus(Status status) {
    this.status = status;
  }

  public Integer getCpuCores() {
    return cpuCores;
  }

  public void setCpuCores(Integer cpuCores) {
    this.cpuCores = cpuCores;
  }

  public BigDecimal getMonthlyCost() {
    return monthlyCost;
  }

  public void setMonthlyCost(BigDecimal monthlyCost) {
    this.monthlyCost = monthlyCost;
  }

  public Instant getDiscoveredAt() {
    return discoveredAt;
  }

  public void setDiscoveredAt(Instant discoveredAt) {
    this.discoveredAt = discoveredAt;
  }

  @Override
  public String toString() {
    return "BenchAsset[id=" + id + ", tenantId=" + tenantId + ", hostname=" + hostname + ", category=" + category
        + ", status=" + status + ", cpuCores=" + cpuCores + ", monthlyCost=" + monthlyCost + ", discoveredAt="
        + discoveredAt + "]";
  }
}
