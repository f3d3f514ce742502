package dev.rowguard.sample;

import dev.rowguard.sample.domain.Asset;
import dev.rowguard.sample.domain.AssetDependency;
import dev.rowguard.sample.domain.ClientAccount;
import dev.rowguard.sample.domain.DataImport;
import dev.rowguard.sample.domain.DiscoveryFlow;
import dev.rowguard.sample.domain.Engagement;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Two client accounts of the migration platform, each with one engagement and what was discovered in it. */
final class SampleData {
  /** When the sample's discovery ran; a fixed instant keeps the data the same from run to run. */
  static final Instant DISCOVERED_AT = Instant.parse("2026-10-05T14:30:00Z");

  private SampleData() {}

  /** One tenant's rows: its account (the client level), its engagement and the engagement's contents. */
  record TenantData(
      ClientAccount account,
      Engagement engagement,
      List<AssetRow> assets,
      DependencyRow dependency,
      ImportRow dataImport,
      FlowRow flow) {

    String name() {
      return account.name();
    }

    AssetRow asset(String hostname) {
      return assets.stream().filter(a -> a.hostname().equals(hostname)).findFirst().orElseThrow();
    }
  }

  record AssetRow(
      UUID id,
      String hostname,
      String ipAddress,
      Asset.AssetType type,
      String operatingSystem,
      String osVersion,
      int cpuCores,
      BigDecimal memoryGb,
      BigDecimal storageGb,
      Asset.Environment environment,
      Asset.Criticality criticality,
      Asset.SixRStrategy strategy,
      String applicationName,
      int completenessScore,
      int qualityScore,
      boolean virtualMachine) {}

  record DependencyRow(
      UUID id, UUID dependent, UUID dependency, AssetDependency.Kind kind, String protocol, int port) {}

  record ImportRow(
      UUID id, String filename, long fileSize, String mimeType, String sourceSystem, DataImport.Status status,
      int recordsTotal, int recordsImported) {}

  record FlowRow(UUID id, DiscoveryFlow.Phase currentPhase, List<DiscoveryFlow.Phase> phasesCompleted) {}

  static TenantData northwind() {
    UUID client = UUID.randomUUID();
    AssetRow web = new AssetRow(UUID.randomUUID(), "dal-web-01", "10.20.1.11", Asset.AssetType.SERVER,
        "Ubuntu", "22.04", 4, gb("16"), gb("200"), Asset.Environment.PRODUCTION, Asset.Criticality.HIGH,
        Asset.SixRStrategy.REHOST, "Shipment Tracker", 92, 88, true);
    AssetRow db = new AssetRow(UUID.randomUUID(), "dal-db-01", "10.20.2.21", Asset.AssetType.DATABASE,
        "Red Hat Enterprise Linux", "8.9", 16, gb("128"), gb("2000"), Asset.Environment.PRODUCTION,
        Asset.Criticality.MISSION_CRITICAL, Asset.SixRStrategy.REPLATFORM, "Shipment Tracker", 85, 90, false);
    AssetRow ftp = new AssetRow(UUID.randomUUID(), "dal-ftp-01", "10.20.3.5", Asset.AssetType.SERVER,
        "Windows Server", "2012 R2", 2, gb("8"), gb("500"), Asset.Environment.PRODUCTION, Asset.Criticality.LOW,
        Asset.SixRStrategy.RETIRE, "Carrier EDI drop box", 60, 55, true);
    return new TenantData(
        new ClientAccount(client, "Northwind Logistics", "Logistics", ClientAccount.Status.ACTIVE, null, null),
        new Engagement(UUID.randomUUID(), client, "Dallas DC1 exit", Engagement.Status.DISCOVERY,
            Engagement.TargetCloud.AWS, LocalDate.of(2026, 9, 1), LocalDate.of(2027, 6, 30), null),
        List.of(web, db, ftp),
        new DependencyRow(UUID.randomUUID(), web.id(), db.id(), AssetDependency.Kind.DATABASE, "tcp", 5432),
        new ImportRow(UUID.randomUUID(), "dc1-cmdb-export.csv", 482_113, "text/csv", "ServiceNow CMDB",
            DataImport.Status.COMPLETED, 3, 3),
        new FlowRow(UUID.randomUUID(), DiscoveryFlow.Phase.DEPENDENCY_ANALYSIS, List.of(
            DiscoveryFlow.Phase.DATA_IMPORT, DiscoveryFlow.Phase.FIELD_MAPPING, DiscoveryFlow.Phase.DATA_CLEANSING,
            DiscoveryFlow.Phase.INVENTORY)));
  }

  static TenantData contoso() {
    UUID client = UUID.randomUUID();
    AssetRow app = new AssetRow(UUID.randomUUID(), "ehr-app-01", "172.16.4.20", Asset.AssetType.APPLICATION,
        "Windows Server", "2019", 8, gb("32"), gb("250"), Asset.Environment.PRODUCTION,
        Asset.Criticality.MISSION_CRITICAL, Asset.SixRStrategy.REFACTOR, "Patient Records", 78, 81, true);
    AssetRow db = new AssetRow(UUID.randomUUID(), "ehr-db-01", "172.16.4.30", Asset.AssetType.DATABASE,
        "Windows Server", "2019", 32, gb("256"), gb("4000"), Asset.Environment.PRODUCTION,
        Asset.Criticality.MISSION_CRITICAL, Asset.SixRStrategy.REPLATFORM, "Patient Records", 81, 84, false);
    return new TenantData(
        new ClientAccount(client, "Contoso Health", "Healthcare", ClientAccount.Status.ACTIVE, null, null),
        new Engagement(UUID.randomUUID(), client, "EHR platform to Azure", Engagement.Status.ASSESSMENT,
            Engagement.TargetCloud.AZURE, LocalDate.of(2026, 11, 2), LocalDate.of(2027, 12, 17), null),
        List.of(app, db),
        new DependencyRow(UUID.randomUUID(), app.id(), db.id(), AssetDependency.Kind.DATABASE, "tcp", 1433),
        new ImportRow(UUID.randomUUID(), "rvtools-export.xlsx", 1_204_877,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "RVTools",
            DataImport.Status.COMPLETED, 2, 2),
        new FlowRow(UUID.randomUUID(), DiscoveryFlow.Phase.INVENTORY, List.of(
            DiscoveryFlow.Phase.DATA_IMPORT, DiscoveryFlow.Phase.FIELD_MAPPING)));
  }

  private static BigDecimal gb(String value) {
    return new BigDecimal(value);
  }
}
