package dev.rowguard.sample.domain;

import dev.rowguard.annotations.Check;
import dev.rowguard.annotations.CheckEnum;
import dev.rowguard.annotations.ColumnDefault;
import dev.rowguard.annotations.Jsonb;
import dev.rowguard.annotations.StoredValue;
import jakarta.persistence.Column;
import dev.rowguard.annotations.Tenanted;
import jakarta.persistence.Entity;
import jakarta.persistence.Enumerated;
import jakarta.persistence.EnumType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A server, database, application or device discovered in the client's estate. */
@Entity
@Tenanted
@Table(
    uniqueConstraints = @UniqueConstraint(columnNames = {"engagement_id", "hostname"}),
    indexes = {
      @Index(columnList = "engagement_id, six_r_strategy"),
      @Index(columnList = "engagement_id, mapping_status")
    })
public class Asset {
  @Id private UUID id;

  /** The client account that owns the asset. */
  @Column(nullable = false)
  private UUID clientAccountId;

  /** The engagement the asset was discovered in. */
  @Column(nullable = false)
  private UUID engagementId;

  /** Host name as discovered, without domain. */
  @Column(length = 255, nullable = false)
  private String hostname;

  /** IPv4 or IPv6 address; 45 characters hold the longest IPv6 text form. */
  @Column(length = 45)
  private String ipAddress;

  @Column(length = 255)
  private String fqdn;

  @Column(nullable = false)
  private AssetType assetType;

  @Column(length = 100)
  private String operatingSystem;

  @Column(length = 50)
  private String osVersion;

  @Check("cpu_cores > 0")
  private Integer cpuCores;

  @Column(precision = 10, scale = 2)
  private BigDecimal memoryGb;

  @Column(precision = 12, scale = 2)
  private BigDecimal storageGb;

  private Environment environment;

  @Column(length = 100)
  private String location;

  @Column(length = 100)
  private String datacenter;

  /** Who runs the asset day to day. */
  @Column(length = 200)
  private String technicalOwner;

  /** Who answers for the asset to the business. */
  @Column(length = 200)
  private String businessOwner;

  @Column(length = 100)
  private String department;

  @Column(length = 200)
  private String applicationName;

  private Criticality businessCriticality;

  /** The migration strategy chosen for the asset (the "six Rs"). */
  private SixRStrategy sixRStrategy;

  private Integer migrationWave;

  @Column(nullable = false)
  @ColumnDefault("'pending'")
  private MappingStatus mappingStatus;

  /** Share of the expected attributes that are filled in, 0 to 100. */
  @Check("completeness_score BETWEEN 0 AND 100")
  private int completenessScore;

  /** Confidence in the discovered data, 0 to 100. */
  @Check("quality_score BETWEEN 0 AND 100")
  private int qualityScore;

  /** Attributes the client tracks beyond the standard ones. */
  @Jsonb
  @ColumnDefault("'{}'::jsonb")
  private String customAttributes;

  private boolean virtualMachine;

  @Enumerated(EnumType.STRING)
  private PowerState powerState;

  private Instant discoveredAt;

  private Instant lastSeenAt;

  @Column(nullable = false)
  @ColumnDefault("now()")
  private Instant createdAt;

  private Instant updatedAt;

  @Version private long version;

  /** What kind of thing the asset is. */
  @CheckEnum(storedCase = CheckEnum.Case.LOWER)
  public enum AssetType { SERVER, DATABASE, APPLICATION, NETWORK_DEVICE, STORAGE, VIRTUAL_MACHINE }

  @CheckEnum(storedCase = CheckEnum.Case.LOWER)
  public enum Environment { PRODUCTION, STAGING, TEST, DEVELOPMENT, DISASTER_RECOVERY }

  @CheckEnum(storedCase = CheckEnum.Case.LOWER)
  public enum Criticality { LOW, MEDIUM, HIGH, MISSION_CRITICAL }

  /** The six Rs; early imports wrote 'lift_and_shift', which is still accepted. */
  @CheckEnum(storedCase = CheckEnum.Case.LOWER, legacyValues = "lift_and_shift")
  public enum SixRStrategy { REHOST, REPLATFORM, REFACTOR, REPURCHASE, RETIRE, RETAIN }

  @CheckEnum(storedCase = CheckEnum.Case.LOWER)
  public enum MappingStatus { PENDING, @StoredValue("in_review") NEEDS_REVIEW, MAPPED, REJECTED }

  public enum PowerState { ON, OFF, SUSPENDED, UNKNOWN }
}
