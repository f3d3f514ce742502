package dev.rowguard.sample.domain;

import dev.rowguard.annotations.Check;
import dev.rowguard.annotations.CheckEnum;
import dev.rowguard.annotations.ColumnDefault;
import dev.rowguard.annotations.Jsonb;
import dev.rowguard.annotations.RenamedFrom;
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
  @RenamedFrom("tech_owner")
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

  public Asset() {}

  /** A new asset of the bound engagement; the repository fills in the tenant keys. */
  public Asset(UUID id, String hostname, AssetType assetType) {
    this.id = id;
    this.hostname = hostname;
    this.assetType = assetType;
  }

  public UUID getId() { return id; }
  public void setId(UUID id) { this.id = id; }
  public UUID getClientAccountId() { return clientAccountId; }
  public void setClientAccountId(UUID clientAccountId) { this.clientAccountId = clientAccountId; }
  public UUID getEngagementId() { return engagementId; }
  public void setEngagementId(UUID engagementId) { this.engagementId = engagementId; }
  public String getHostname() { return hostname; }
  public void setHostname(String hostname) { this.hostname = hostname; }
  public String getIpAddress() { return ipAddress; }
  public void setIpAddress(String ipAddress) { this.ipAddress = ipAddress; }
  public String getFqdn() { return fqdn; }
  public void setFqdn(String fqdn) { this.fqdn = fqdn; }
  public AssetType getAssetType() { return assetType; }
  public void setAssetType(AssetType assetType) { this.assetType = assetType; }
  public String getOperatingSystem() { return operatingSystem; }
  public void setOperatingSystem(String operatingSystem) { this.operatingSystem = operatingSystem; }
  public String getOsVersion() { return osVersion; }
  public void setOsVersion(String osVersion) { this.osVersion = osVersion; }
  public Integer getCpuCores() { return cpuCores; }
  public void setCpuCores(Integer cpuCores) { this.cpuCores = cpuCores; }
  public BigDecimal getMemoryGb() { return memoryGb; }
  public void setMemoryGb(BigDecimal memoryGb) { this.memoryGb = memoryGb; }
  public BigDecimal getStorageGb() { return storageGb; }
  public void setStorageGb(BigDecimal storageGb) { this.storageGb = storageGb; }
  public Environment getEnvironment() { return environment; }
  public void setEnvironment(Environment environment) { this.environment = environment; }
  public String getLocation() { return location; }
  public void setLocation(String location) { this.location = location; }
  public String getDatacenter() { return datacenter; }
  public void setDatacenter(String datacenter) { this.datacenter = datacenter; }
  public String getTechnicalOwner() { return technicalOwner; }
  public void setTechnicalOwner(String technicalOwner) { this.technicalOwner = technicalOwner; }
  public String getBusinessOwner() { return businessOwner; }
  public void setBusinessOwner(String businessOwner) { this.businessOwner = businessOwner; }
  public String getDepartment() { return department; }
  public void setDepartment(String department) { this.department = department; }
  public String getApplicationName() { return applicationName; }
  public void setApplicationName(String applicationName) { this.applicationName = applicationName; }
  public Criticality getBusinessCriticality() { return businessCriticality; }
  public void setBusinessCriticality(Criticality businessCriticality) {
    this.businessCriticality = businessCriticality;
  }
  public SixRStrategy getSixRStrategy() { return sixRStrategy; }
  public void setSixRStrategy(SixRStrategy sixRStrategy) { this.sixRStrategy = sixRStrategy; }
  public Integer getMigrationWave() { return migrationWave; }
  public void setMigrationWave(Integer migrationWave) { this.migrationWave = migrationWave; }
  public MappingStatus getMappingStatus() { return mappingStatus; }
  public void setMappingStatus(MappingStatus mappingStatus) { this.mappingStatus = mappingStatus; }
  public int getCompletenessScore() { return completenessScore; }
  public void setCompletenessScore(int completenessScore) { this.completenessScore = completenessScore; }
  public int getQualityScore() { return qualityScore; }
  public void setQualityScore(int qualityScore) { this.qualityScore = qualityScore; }
  public String getCustomAttributes() { return customAttributes; }
  public void setCustomAttributes(String customAttributes) { this.customAttributes = customAttributes; }
  public boolean isVirtualMachine() { return virtualMachine; }
  public void setVirtualMachine(boolean virtualMachine) { this.virtualMachine = virtualMachine; }
  public PowerState getPowerState() { return powerState; }
  public void setPowerState(PowerState powerState) { this.powerState = powerState; }
  public Instant getDiscoveredAt() { return discoveredAt; }
  public void setDiscoveredAt(Instant discoveredAt) { this.discoveredAt = discoveredAt; }
  public Instant getLastSeenAt() { return lastSeenAt; }
  public void setLastSeenAt(Instant lastSeenAt) { this.lastSeenAt = lastSeenAt; }
  public Instant getCreatedAt() { return createdAt; }
  public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
  public Instant getUpdatedAt() { return updatedAt; }
  public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
  public long getVersion() { return version; }
  public void setVersion(long version) { this.version = version; }

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
