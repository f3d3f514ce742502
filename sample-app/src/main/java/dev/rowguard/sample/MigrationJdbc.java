package dev.rowguard.sample;

import dev.rowguard.annotations.AllowRawSql;
import dev.rowguard.sample.SampleData.AssetRow;
import dev.rowguard.sample.SampleData.DependencyRow;
import dev.rowguard.sample.SampleData.FlowRow;
import dev.rowguard.sample.SampleData.ImportRow;
import dev.rowguard.sample.domain.ClientAccount;
import dev.rowguard.sample.domain.DiscoveryFlow.Phase;
import dev.rowguard.sample.domain.Engagement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The sample's data access: plain JDBC prepared statements on the {@code migration} schema (generated
 * repositories come later). Nothing here mentions a tenant: the connection carries it, and PostgreSQL's
 * policies apply it. That is what the sample demonstrates, so the statements on tenanted tables are left
 * without a tenant filter on purpose, and say so.
 */
@AllowRawSql("hand-written data access of the sample, until generated repositories replace it")
@SuppressWarnings("UnfilteredTenantQuery") // the sample shows that the policies alone isolate tenants
final class MigrationJdbc {
  /** The tenanted tables, outermost first; constants, so they may be spliced into SQL. */
  static final List<String> TENANTED_TABLES =
      List.of("engagement", "asset", "asset_dependency", "data_import", "discovery_flow");

  private static final String INSERT_CLIENT_ACCOUNT =
      "INSERT INTO migration.client_account (id, name, industry, status) VALUES (?, ?, ?, ?)";
  private static final String INSERT_ENGAGEMENT = """
      INSERT INTO migration.engagement
          (id, client_account_id, name, status, target_cloud, start_date, planned_end_date)
      VALUES (?, ?, ?, ?, ?, ?, ?)""";
  private static final String INSERT_ASSET = """
      INSERT INTO migration.asset
          (id, client_account_id, engagement_id, hostname, ip_address, asset_type, operating_system, os_version,
           cpu_cores, memory_gb, storage_gb, environment, business_criticality, six_r_strategy, application_name,
           completeness_score, quality_score, virtual_machine, discovered_at, version)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)""";
  private static final String INSERT_DEPENDENCY = """
      INSERT INTO migration.asset_dependency
          (id, client_account_id, engagement_id, dependent_asset_id, dependency_asset_id, kind, protocol, port,
           discovered_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";
  private static final String INSERT_DATA_IMPORT = """
      INSERT INTO migration.data_import
          (id, client_account_id, engagement_id, filename, file_size, mime_type, source_system, status,
           records_total, records_imported, started_at, completed_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
  private static final String INSERT_DISCOVERY_FLOW = """
      INSERT INTO migration.discovery_flow
          (id, client_account_id, engagement_id, current_phase, phases_completed, data_import_completed,
           field_mapping_completed, data_cleansing_completed, inventory_completed, dependency_analysis_completed,
           started_at)
      VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?)""";

  private MigrationJdbc() {}

  static void insert(Connection connection, ClientAccount account) throws SQLException {
    update(connection.prepareStatement(INSERT_CLIENT_ACCOUNT), account.id(), account.name(), account.industry(),
        stored(account.status()));
  }

  static void insert(Connection connection, Engagement engagement) throws SQLException {
    update(connection.prepareStatement(INSERT_ENGAGEMENT), engagement.id(), engagement.clientAccountId(), engagement.name(),
        stored(engagement.status()), stored(engagement.targetCloud()), engagement.startDate(),
        engagement.plannedEndDate());
  }

  static void insert(Connection connection, UUID clientAccountId, UUID engagementId, AssetRow asset)
      throws SQLException {
    update(connection.prepareStatement(INSERT_ASSET), asset.id(), clientAccountId, engagementId, asset.hostname(), asset.ipAddress(),
        stored(asset.type()), asset.operatingSystem(), asset.osVersion(), asset.cpuCores(), asset.memoryGb(),
        asset.storageGb(), stored(asset.environment()), stored(asset.criticality()), stored(asset.strategy()),
        asset.applicationName(), asset.completenessScore(), asset.qualityScore(), asset.virtualMachine(),
        Timestamp.from(SampleData.DISCOVERED_AT));
  }

  static void insert(Connection connection, UUID clientAccountId, UUID engagementId, DependencyRow dependency)
      throws SQLException {
    update(connection.prepareStatement(INSERT_DEPENDENCY), dependency.id(), clientAccountId, engagementId, dependency.dependent(),
        dependency.dependency(), stored(dependency.kind()), dependency.protocol(), dependency.port(),
        Timestamp.from(SampleData.DISCOVERED_AT));
  }

  static void insert(Connection connection, UUID clientAccountId, UUID engagementId, ImportRow dataImport)
      throws SQLException {
    Timestamp at = Timestamp.from(SampleData.DISCOVERED_AT);
    update(connection.prepareStatement(INSERT_DATA_IMPORT), dataImport.id(), clientAccountId, engagementId, dataImport.filename(),
        dataImport.fileSize(), dataImport.mimeType(), dataImport.sourceSystem(), stored(dataImport.status()),
        dataImport.recordsTotal(), dataImport.recordsImported(), at, at);
  }

  static void insert(Connection connection, UUID clientAccountId, UUID engagementId, FlowRow flow)
      throws SQLException {
    String completed = flow.phasesCompleted().stream()
        .map(phase -> '"' + stored(phase) + '"')
        .collect(Collectors.joining(", ", "[", "]"));
    update(connection.prepareStatement(INSERT_DISCOVERY_FLOW), flow.id(), clientAccountId, engagementId, stored(flow.currentPhase()),
        completed, done(flow, Phase.DATA_IMPORT), done(flow, Phase.FIELD_MAPPING), done(flow, Phase.DATA_CLEANSING),
        done(flow, Phase.INVENTORY), done(flow, Phase.DEPENDENCY_ANALYSIS), Timestamp.from(SampleData.DISCOVERED_AT));
  }

  /** Rows of {@code table} (one of {@link #TENANTED_TABLES} or {@code client_account}) this connection sees. */
  @SuppressWarnings("SqlConcatenation") // the table is one of the constant names above, never input
  static long count(Connection connection, String table) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM migration." + table);
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** The host names of the assets with this id that the connection sees: none, or one. */
  static List<String> assetHostnames(Connection connection, UUID id) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT hostname FROM migration.asset WHERE id = ?")) {
      statement.setObject(1, id);
      try (ResultSet rows = statement.executeQuery()) {
        List<String> hostnames = new ArrayList<>();
        while (rows.next()) {
          hostnames.add(rows.getString(1));
        }
        return hostnames;
      }
    }
  }

  /** The version of the asset with this id, if the connection sees it; the sample inserts version 1. */
  static Optional<Long> assetVersion(Connection connection, UUID id) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT version FROM migration.asset WHERE id = ?")) {
      statement.setObject(1, id);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
      }
    }
  }

  /** Moves an asset to the next migration wave; returns the rows changed. */
  static int postponeAsset(Connection connection, UUID id) throws SQLException {
    return update(connection.prepareStatement(
        "UPDATE migration.asset SET migration_wave = coalesce(migration_wave, 0) + 1, updated_at = now(),"
            + " version = version + 1 WHERE id = ?"),
        id);
  }

  /** Returns the rows deleted. */
  static int deleteAsset(Connection connection, UUID id) throws SQLException {
    return update(connection.prepareStatement("DELETE FROM migration.asset WHERE id = ?"), id);
  }

  /** The value a {@code @CheckEnum(storedCase = LOWER)} constant is stored as. */
  static String stored(Enum<?> value) {
    return value == null ? null : value.name().toLowerCase(Locale.ROOT);
  }

  private static boolean done(FlowRow flow, Phase phase) {
    return flow.phasesCompleted().contains(phase);
  }

  /** Binds the parameters, runs the statement and closes it. */
  private static int update(PreparedStatement prepared, Object... parameters) throws SQLException {
    try (PreparedStatement statement = prepared) {
      for (int i = 0; i < parameters.length; i++) {
        if (parameters[i] == null) {
          statement.setNull(i + 1, Types.OTHER);
        } else {
          statement.setObject(i + 1, parameters[i]);
        }
      }
      return statement.executeUpdate();
    }
  }
}
