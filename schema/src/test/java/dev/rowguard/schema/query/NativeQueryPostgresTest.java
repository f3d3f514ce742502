package dev.rowguard.schema.query;

import static com.google.common.truth.Truth.assertThat;
import static dev.rowguard.schema.query.NativeQueryModel.ANALYZER;
import static dev.rowguard.schema.query.NativeQueryModel.ASSET;
import static dev.rowguard.schema.query.NativeQueryModel.parameter;

import dev.rowguard.postgres.Database;
import dev.rowguard.postgres.PostgresExtension;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The SQL the analyzer prepares runs on PostgreSQL, bound as its bindings say, and sees one tenant's rows. */
@ExtendWith(PostgresExtension.class)
final class NativeQueryPostgresTest {
  private static final UUID ACCOUNT = UUID.fromString("00000000-0000-0000-0000-00000000000a");
  private static final UUID ENGAGEMENT = UUID.fromString("00000000-0000-0000-0000-0000000000e1");
  private static final UUID OTHER_ENGAGEMENT = UUID.fromString("00000000-0000-0000-0000-0000000000e2");
  private static final UUID WEB = UUID.fromString("00000000-0000-0000-0000-000000000001");
  private static final UUID DB = UUID.fromString("00000000-0000-0000-0000-000000000002");
  private static final UUID OTHER_WEB = UUID.fromString("00000000-0000-0000-0000-000000000003");

  private static Database database;

  @BeforeAll
  static void createTables(Database created) {
    database = created;
    database.executeScript("""
        CREATE SCHEMA app;
        CREATE TABLE app.asset (id uuid PRIMARY KEY, client_account_id uuid NOT NULL, engagement_id uuid NOT NULL,
            hostname varchar(255), ip_address varchar(45), mapping_status varchar(20), cpu_cores integer,
            created_at timestamptz);
        CREATE TABLE app.asset_dependency (id uuid PRIMARY KEY, client_account_id uuid NOT NULL,
            engagement_id uuid NOT NULL, dependent_asset_id uuid, dependency_asset_id uuid);
        INSERT INTO app.asset VALUES
            ('%1$s', '%4$s', '%5$s', 'web-1', NULL, 'UNMAPPED', 4, now()),
            ('%2$s', '%4$s', '%5$s', 'db-1', NULL, 'UNMAPPED', 8, now()),
            ('%3$s', '%4$s', '%6$s', 'web-2', NULL, 'UNMAPPED', 2, now());
        INSERT INTO app.asset_dependency VALUES
            (gen_random_uuid(), '%4$s', '%5$s', '%1$s', '%2$s'),
            (gen_random_uuid(), '%4$s', '%6$s', '%3$s', '%2$s');
        """.formatted(WEB, DB, OTHER_WEB, ACCOUNT, ENGAGEMENT, OTHER_ENGAGEMENT));
  }

  @Test
  void entityRowsOfTheBoundTenantOnly() throws SQLException {
    NativeQueryAnalysis analysis = ANALYZER.analyze(
        "SELECT a.* FROM asset a WHERE rowguard_tenant(a) AND a.hostname LIKE :pattern ORDER BY a.hostname",
        List.of(parameter("pattern", "java.lang.String")), new ResultShape.Rows(ASSET));
    assertThat(analysis.problems()).isEmpty();
    assertThat(query(analysis, Map.of("pattern", "web%"))).containsExactly("web-1");
  }

  @Test
  void aJoinWithAPlaceholderPerTable() throws SQLException {
    NativeQueryAnalysis analysis = ANALYZER.analyze("SELECT a.hostname, count(*) AS dependency_count"
        + " FROM asset a JOIN asset_dependency d ON rowguard_tenant(d) AND d.dependent_asset_id = a.id"
        + " WHERE rowguard_tenant(a) GROUP BY a.hostname", List.of(), new ResultShape.Projection("dev.x.Row",
            List.of(new ResultShape.Projection.Component("hostname", "java.lang.String"),
                new ResultShape.Projection.Component("dependencyCount", "long"))));
    assertThat(analysis.problems()).isEmpty();
    assertThat(query(analysis, Map.of())).containsExactly("web-1");
  }

  @Test
  void anUpdateCountsTheBoundTenantsRowsOnly() throws SQLException {
    NativeQueryAnalysis analysis = ANALYZER.analyze(
        "UPDATE asset SET mapping_status = :status WHERE rowguard_tenant() AND cpu_cores >= :cores",
        List.of(parameter("status", "java.lang.String"), parameter("cores", "int")), new ResultShape.UpdateCount());
    assertThat(analysis.problems()).isEmpty();
    try (Connection connection = database.ownerDataSource().getConnection();
        PreparedStatement statement = prepare(connection, analysis, Map.of("status", "MAPPED", "cores", 2))) {
      connection.setAutoCommit(false);
      assertThat(statement.executeUpdate()).isEqualTo(2);
      connection.rollback();
    }
  }

  @Test
  void aSubqueryRestrictedByItsOwnPlaceholder() throws SQLException {
    NativeQueryAnalysis analysis = ANALYZER.analyze("SELECT a.hostname FROM asset a WHERE rowguard_tenant(a)"
        + " AND EXISTS (SELECT 1 FROM asset_dependency WHERE rowguard_tenant() AND dependency_asset_id = a.id)",
        List.of(), new ResultShape.Scalar("java.lang.String"));
    assertThat(analysis.problems()).isEmpty();
    assertThat(query(analysis, Map.of())).containsExactly("db-1");
  }

  @Test
  void theSqlRunsWithAnySearchPathAndATemporaryViewDoesNotShadowItsTables() throws SQLException {
    NativeQueryAnalysis analysis = ANALYZER.analyze(
        "SELECT a.* FROM asset a WHERE rowguard_tenant(a) AND a.hostname LIKE :pattern ORDER BY a.hostname",
        List.of(parameter("pattern", "java.lang.String")), new ResultShape.Rows(ASSET));
    assertThat(analysis.problems()).isEmpty();
    List<String> values = new ArrayList<>();
    try (Connection connection = database.ownerDataSource().getConnection()) {
      try (var setup = connection.createStatement()) {
        // The session of a pooled connection, left by another tenant: pg_temp is searched before any schema.
        setup.execute("SET search_path TO public");
        setup.execute("CREATE TEMP VIEW asset AS SELECT * FROM app.asset"
            + " UNION ALL SELECT gen_random_uuid(), '%s'::uuid, '%s'::uuid, 'web-shadow', NULL, 'UNMAPPED', 1, now()"
                .formatted(ACCOUNT, ENGAGEMENT));
      }
      try (PreparedStatement statement = bind(connection, analysis, Map.of("pattern", "web%"));
          ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          values.add(rows.getString("hostname"));
        }
      }
    }
    assertThat(values).containsExactly("web-1");
  }

  /** Runs the prepared SQL as the bound tenant (account, engagement) and returns the first column. */
  private static List<String> query(NativeQueryAnalysis analysis, Map<String, Object> parameters)
      throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection connection = database.ownerDataSource().getConnection();
        PreparedStatement statement = prepare(connection, analysis, parameters);
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        values.add(rows.getString("hostname"));
      }
    }
    return values;
  }

  private static PreparedStatement prepare(
      Connection connection, NativeQueryAnalysis analysis, Map<String, Object> parameters) throws SQLException {
    try (var search = connection.createStatement()) {
      search.execute("SET search_path TO app");
    }
    return bind(connection, analysis, parameters);
  }

  private static PreparedStatement bind(
      Connection connection, NativeQueryAnalysis analysis, Map<String, Object> parameters) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(analysis.jdbcSql());
    for (int i = 0; i < analysis.bindings().size(); i++) {
      BoundValue binding = analysis.bindings().get(i);
      Object value = binding instanceof BoundValue.TenantKey key
          ? (key.column().equals("client_account_id") ? ACCOUNT : ENGAGEMENT)
          : parameters.get(((BoundValue.Parameter) binding).name());
      statement.setObject(i + 1, value);
    }
    return statement;
  }
}
