package dev.rowguard.sample;

import dev.rowguard.sample.domain.Asset;
import dev.rowguard.sample.domain.Asset.AssetType;
import dev.rowguard.sample.domain.Asset.Criticality;
import dev.rowguard.sample.domain.Asset.MappingStatus;
import dev.rowguard.sample.domain.Asset.SixRStrategy;
import dev.rowguard.sample.domain.AssetDependency;
import dev.rowguard.sample.domain.ClientAccount;
import dev.rowguard.sample.domain.DataImport;
import dev.rowguard.sample.domain.DiscoveryFlow;
import dev.rowguard.sample.domain.DiscoveryFlow.Phase;
import dev.rowguard.sample.domain.Engagement;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Two client accounts of the migration platform, each with one engagement and what was discovered in it. The
 * entities carry no tenant keys: the repositories fill them in from the bound tenant.
 */
final class SampleData {
  /** When the sample's discovery ran; a fixed instant keeps the data the same from run to run. */
  static final Instant DISCOVERED_AT = Instant.parse("2026-10-05T14:30:00Z");

  private SampleData() {}

  /** One tenant's rows: its account (the client level), its engagement and the engagement's contents. */
  record TenantData(
      ClientAccount account,
      Engagement engagement,
      List<Asset> assets,
      List<AssetDependency> dependencies,
      List<DataImport> dataImports,
      List<DiscoveryFlow> discoveryFlows) {

    String name() {
      return account.name();
    }

    Asset asset(String hostname) {
      return assets.stream().filter(a -> a.getHostname().equals(hostname)).findFirst().orElseThrow();
    }
  }

  static TenantData northwind() {
    UUID client = UUID.randomUUID();
    Asset web = asset("dal-web-01", "10.20.1.11", AssetType.SERVER, "Ubuntu", "22.04", 4, "16", "200",
        Criticality.HIGH, SixRStrategy.REHOST, "Shipment Tracker", 92, 88, true, MappingStatus.MAPPED);
    Asset db = asset("dal-db-01", "10.20.2.21", AssetType.DATABASE, "Red Hat Enterprise Linux", "8.9", 16, "128",
        "2000", Criticality.MISSION_CRITICAL, SixRStrategy.REPLATFORM, "Shipment Tracker", 85, 90, false,
        MappingStatus.NEEDS_REVIEW);
    Asset ftp = asset("dal-ftp-01", "10.20.3.5", AssetType.SERVER, "Windows Server", "2012 R2", 2, "8", "500",
        Criticality.LOW, SixRStrategy.RETIRE, "Carrier EDI drop box", 60, 55, true, null);
    return new TenantData(
        new ClientAccount(client, "Northwind Logistics", "Logistics", ClientAccount.Status.ACTIVE, null, null),
        new Engagement(UUID.randomUUID(), client, "Dallas DC1 exit", Engagement.Status.DISCOVERY,
            Engagement.TargetCloud.AWS, LocalDate.of(2026, 9, 1), LocalDate.of(2027, 6, 30), null),
        List.of(web, db, ftp),
        List.of(dependency(web, db, "tcp", 5432)),
        List.of(dataImport("dc1-cmdb-export.csv", 482_113, "text/csv", "ServiceNow CMDB", 3)),
        List.of(flow(Phase.DEPENDENCY_ANALYSIS, Phase.DATA_IMPORT, Phase.FIELD_MAPPING, Phase.DATA_CLEANSING,
            Phase.INVENTORY)));
  }

  static TenantData contoso() {
    UUID client = UUID.randomUUID();
    Asset app = asset("ehr-app-01", "172.16.4.20", AssetType.APPLICATION, "Windows Server", "2019", 8, "32", "250",
        Criticality.MISSION_CRITICAL, SixRStrategy.REFACTOR, "Patient Records", 78, 81, true, null);
    Asset db = asset("ehr-db-01", "172.16.4.30", AssetType.DATABASE, "Windows Server", "2019", 32, "256", "4000",
        Criticality.MISSION_CRITICAL, SixRStrategy.REPLATFORM, "Patient Records", 81, 84, false, null);
    return new TenantData(
        new ClientAccount(client, "Contoso Health", "Healthcare", ClientAccount.Status.ACTIVE, null, null),
        new Engagement(UUID.randomUUID(), client, "EHR platform to Azure", Engagement.Status.ASSESSMENT,
            Engagement.TargetCloud.AZURE, LocalDate.of(2026, 11, 2), LocalDate.of(2027, 12, 17), null),
        List.of(app, db),
        List.of(dependency(app, db, "tcp", 1433)),
        List.of(dataImport("rvtools-export.xlsx", 1_204_877,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "RVTools", 2)),
        List.of(flow(Phase.INVENTORY, Phase.DATA_IMPORT, Phase.FIELD_MAPPING)));
  }

  private static Asset asset(String hostname, String ipAddress, AssetType type, String operatingSystem,
      String osVersion, int cpuCores, String memoryGb, String storageGb, Criticality criticality,
      SixRStrategy strategy, String applicationName, int completenessScore, int qualityScore,
      boolean virtualMachine, MappingStatus mappingStatus) {
    Asset asset = new Asset(UUID.randomUUID(), hostname, type);
    asset.setIpAddress(ipAddress);
    asset.setOperatingSystem(operatingSystem);
    asset.setOsVersion(osVersion);
    asset.setCpuCores(cpuCores);
    asset.setMemoryGb(new BigDecimal(memoryGb));
    asset.setStorageGb(new BigDecimal(storageGb));
    asset.setEnvironment(Asset.Environment.PRODUCTION);
    asset.setBusinessCriticality(criticality);
    asset.setSixRStrategy(strategy);
    asset.setApplicationName(applicationName);
    asset.setCompletenessScore(completenessScore);
    asset.setQualityScore(qualityScore);
    asset.setVirtualMachine(virtualMachine);
    asset.setMappingStatus(mappingStatus); // null takes the column's default, 'pending'
    asset.setDiscoveredAt(DISCOVERED_AT);
    return asset;
  }

  private static AssetDependency dependency(Asset dependent, Asset dependency, String protocol, int port) {
    AssetDependency link =
        new AssetDependency(UUID.randomUUID(), dependent, dependency, AssetDependency.Kind.DATABASE);
    link.setProtocol(protocol);
    link.setPort(port);
    link.setDiscoveredAt(DISCOVERED_AT);
    return link;
  }

  private static DataImport dataImport(String filename, long fileSize, String mimeType, String sourceSystem,
      int records) {
    DataImport dataImport = new DataImport(UUID.randomUUID(), filename, DataImport.Status.COMPLETED);
    dataImport.setFileSize(fileSize);
    dataImport.setMimeType(mimeType);
    dataImport.setSourceSystem(sourceSystem);
    dataImport.setRecordsTotal(records);
    dataImport.setRecordsImported(records);
    dataImport.setStartedAt(DISCOVERED_AT);
    dataImport.setCompletedAt(DISCOVERED_AT);
    return dataImport;
  }

  /** A run now in {@code current}, with {@code done} behind it. */
  private static DiscoveryFlow flow(Phase current, Phase... done) {
    DiscoveryFlow flow = new DiscoveryFlow(UUID.randomUUID(), current);
    List<Phase> completed = List.of(done);
    // Stored as the JSON array of the phases' stored (lower-case) values.
    flow.setPhasesCompleted(Stream.of(done)
        .map(phase -> '"' + phase.name().toLowerCase(Locale.ROOT) + '"')
        .collect(Collectors.joining(", ", "[", "]")));
    flow.setDataImportCompleted(completed.contains(Phase.DATA_IMPORT));
    flow.setFieldMappingCompleted(completed.contains(Phase.FIELD_MAPPING));
    flow.setDataCleansingCompleted(completed.contains(Phase.DATA_CLEANSING));
    flow.setInventoryCompleted(completed.contains(Phase.INVENTORY));
    flow.setDependencyAnalysisCompleted(completed.contains(Phase.DEPENDENCY_ANALYSIS));
    flow.setStartedAt(DISCOVERED_AT);
    return flow;
  }
}
