package dev.rowguard.sample;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rowguard.runtime.TenantContext;
import dev.rowguard.runtime.TenantScope;
import dev.rowguard.sample.PooledSampleDatabase.SeededTenant;
import dev.rowguard.schema.Distribution;
import dev.rowguard.schema.Schema;
import dev.rowguard.schema.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The sample's schema.sql for Citus, applied to the cluster: distributed and colocated as schema.json says, row-level
 * security on every shard, and fail-closed on the workers for the application login without the binding.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings("try") // tenant scopes are opened for their close(), not referenced
class CitusSchemaTest {
  private final Schema model = GeneratedSchema.model();
  private CitusCluster cluster;
  private PooledSampleDatabase app;
  private SeededTenant tenant;

  @BeforeAll
  void apply() throws SQLException {
    cluster = CitusCluster.withFreshSchema();
    app = cluster.pooled(31L); // its start-up RlsRoleCheck accepts the Citus policies
    tenant = app.newTenant();
  }

  @AfterAll
  void close() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void everyTableIsDistributedAsSchemaJsonSaysInOneColocationGroup() throws SQLException {
    Set<Integer> groups = new HashSet<>();
    try (Connection owner = cluster.owner.getConnection();
        PreparedStatement statement = owner.prepareStatement("SELECT partmethod, "
            + "column_to_column_name(logicalrelid, partkey) AS column_name, colocationid FROM pg_dist_partition "
            + "WHERE logicalrelid = ?::regclass")) {
      for (Table table : model.tables()) {
        statement.setString(1, table.name().sql());
        try (ResultSet row = statement.executeQuery()) {
          assertWithMessage("%s in pg_dist_partition", table.name()).that(row.next()).isTrue();
          if (table.distribution().kind() == Distribution.Kind.REFERENCE) {
            assertWithMessage("%s", table.name()).that(row.getString("partmethod")).isEqualTo("n");
          } else {
            assertWithMessage("%s", table.name()).that(row.getString("partmethod")).isEqualTo("h");
            assertThat(row.getString("column_name")).isEqualTo(table.distribution().column());
            groups.add(row.getInt("colocationid"));
          }
        }
      }
    }
    assertThat(groups).hasSize(1);
    assertThat(model.tables().stream().filter(Table::tenanted).count()).isAtLeast(5);
  }

  @Test
  void everyShardOfATenantedTableHasForcedRowLevelSecurityAndThePolicy() throws SQLException {
    List<String> unguarded = new ArrayList<>();
    int shards = 0;
    try (Connection owner = cluster.owner.getConnection();
        PreparedStatement statement = owner.prepareStatement("SELECT shardid, result FROM run_command_on_shards(?, "
            + "$$SELECT c.relrowsecurity AND c.relforcerowsecurity AND (SELECT count(*) FROM pg_policy p "
            + "WHERE p.polrelid = c.oid AND p.polname = 'tenant_isolation') = 1 FROM pg_class c "
            + "WHERE c.oid = '%s'::regclass$$)")) {
      for (Table table : model.tables().stream().filter(Table::tenanted).toList()) {
        statement.setString(1, table.name().sql());
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            shards++;
            if (!"t".equals(rows.getString("result"))) {
              unguarded.add(table.name() + " shard " + rows.getLong("shardid") + ": " + rows.getString("result"));
            }
          }
        }
      }
    }
    assertThat(unguarded).isEmpty();
    System.out.println("Citus: row-level security forced with the policy on " + shards + " shards");
    assertThat(shards).isAtLeast(5 * 2);
  }

  /** The login without the runtime's binding, or with a session-level set_config, sees nothing on the workers. */
  @Test
  void withoutTheTransactionBindingTheWorkersSeeNoTenant() throws SQLException {
    List<Table> tenanted = model.tables().stream().filter(Table::tenanted).toList();
    String engagement = "migration.engagement";
    try (TenantScope scope = TenantContext.bind(tenant.tenant()); Connection bound = app.dataSource.getConnection()) {
      assertThat(count(bound, engagement)).isEqualTo(1);
    }
    try (Connection login = cluster.appLogin.getConnection(); Statement statement = login.createStatement()) {
      for (Table table : tenanted) {
        assertWithMessage("rows of %s without a tenant", table.name()).that(count(login, table.name().sql()))
            .isEqualTo(0);
      }
      statement.execute("SELECT set_config('rowguard.client_account_id', '" + tenant.keys().get("client_account_id")
          + "', false)");
      assertWithMessage("rows with a session-level set_config").that(count(login, engagement)).isEqualTo(0);
      SQLException refused = assertThrows(SQLException.class, () -> statement.executeUpdate(
          "INSERT INTO migration.engagement (id, client_account_id, name, status) VALUES (gen_random_uuid(), '"
              + tenant.keys().get("client_account_id") + "', 'x', 'planning')"));
      assertThat(refused.getSQLState()).isEqualTo("42501");
    }
  }

  private static long count(Connection connection, String table) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
