package dev.rowguard.runtime;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.zaxxer.hikari.HikariDataSource;
import dev.rowguard.postgres.Database;
import dev.rowguard.postgres.PostgresExtension;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two levels, {@code client_account_id bigint} then {@code engagement_id uuid}, each carried by its own
 * setting. {@code contract} is scoped by the client only, {@code work_paper} by client and engagement.
 */
@ExtendWith(PostgresExtension.class)
@SuppressWarnings("try") // scopes are opened for their close(), not referenced
class HierarchicalTenantKeysTest {
  private static final TenantKeys KEYS =
      TenantKeys.of(TenantKeyLevel.of("client_account_id", Long.class), TenantKeyLevel.uuid("engagement_id"));
  private static final long CLIENT_1 = 1;
  private static final long CLIENT_2 = 2;
  private static final UUID ENGAGEMENT_1A = new UUID(1, 0xA);
  private static final UUID ENGAGEMENT_1B = new UUID(1, 0xB);
  private static final UUID ENGAGEMENT_2A = new UUID(2, 0xA);

  private static TestRoles roles;
  private static HikariDataSource pool;
  private static TenantBindingDataSource dataSource;

  @BeforeAll
  static void createSchemaAndRows(Database database) throws SQLException {
    roles = new TestRoles(database);
    var app = roles.create("app", "NOINHERIT");
    String client = "client_account_id = (SELECT NULLIF(current_setting('rowguard.client_account_id', true), '')::bigint)";
    String engagement = client
        + " AND engagement_id = (SELECT NULLIF(current_setting('rowguard.engagement_id', true), '')::uuid)";
    database.executeScript("""
        CREATE TABLE contract (id bigint PRIMARY KEY, client_account_id bigint NOT NULL);
        CREATE TABLE work_paper (
          id bigint PRIMARY KEY, client_account_id bigint NOT NULL, engagement_id uuid NOT NULL);
        ALTER TABLE contract ENABLE ROW LEVEL SECURITY;
        ALTER TABLE contract FORCE ROW LEVEL SECURITY;
        ALTER TABLE work_paper ENABLE ROW LEVEL SECURITY;
        ALTER TABLE work_paper FORCE ROW LEVEL SECURITY;
        CREATE POLICY tenant_isolation ON contract USING (%1$s) WITH CHECK (%1$s);
        CREATE POLICY tenant_isolation ON work_paper USING (%2$s) WITH CHECK (%2$s);
        GRANT USAGE ON SCHEMA public TO %3$s;
        GRANT SELECT, INSERT, UPDATE, DELETE ON contract, work_paper TO %3$s;
        """.formatted(client, engagement, app.user()));
    pool = TestPools.singleConnection(app);
    dataSource = TenantBindingDataSource.wrap(pool, KEYS);
    RlsRoleCheck.forTables("contract", "work_paper").verify(dataSource);

    insert("INSERT INTO contract VALUES (10, 1)", KEYS.tenant(CLIENT_1));
    insert("INSERT INTO contract VALUES (20, 2)", KEYS.tenant(CLIENT_2));
    insert("INSERT INTO work_paper VALUES (11, 1, '" + ENGAGEMENT_1A + "')", KEYS.tenant(CLIENT_1, ENGAGEMENT_1A));
    insert("INSERT INTO work_paper VALUES (12, 1, '" + ENGAGEMENT_1B + "')", KEYS.tenant(CLIENT_1, ENGAGEMENT_1B));
    insert("INSERT INTO work_paper VALUES (21, 2, '" + ENGAGEMENT_2A + "')", KEYS.tenant(CLIENT_2, ENGAGEMENT_2A));
  }

  @AfterAll
  static void dropRoles() {
    pool.close();
    roles.close();
  }

  @Test
  void engagementLevelBindingSetsBothSettingsAndSeesItsEngagementAndItsClient() throws SQLException {
    try (TenantScope scope = TenantContext.bind(KEYS.tenant(CLIENT_1, ENGAGEMENT_1A));
        Connection connection = dataSource.getConnection()) {
      assertThat(settings(connection)).containsExactly("1", ENGAGEMENT_1A.toString()).inOrder();
      assertThat(ids(connection, "work_paper")).containsExactly(11L);
      assertThat(ids(connection, "contract")).containsExactly(10L);
    }
  }

  @Test
  void clientLevelBindingSeesItsClientRowsButNoEngagementScopedRows() throws SQLException {
    try (TenantScope scope = TenantContext.bind(KEYS.tenant(CLIENT_1));
        Connection connection = dataSource.getConnection()) {
      assertThat(settings(connection)).containsExactly("1", "").inOrder();
      assertThat(ids(connection, "contract")).containsExactly(10L);
      assertThat(ids(connection, "work_paper")).isEmpty();
    }
  }

  @Test
  void clientLevelCheckoutAfterAnEngagementLevelOneOnTheSameConnectionDoesNotKeepTheEngagement()
      throws SQLException {
    try (TenantScope scope = TenantContext.bind(KEYS.tenant(CLIENT_1, ENGAGEMENT_1B));
        Connection connection = dataSource.getConnection()) {
      assertThat(ids(connection, "work_paper")).containsExactly(12L);
    }
    try (TenantScope scope = TenantContext.bind(KEYS.tenant(CLIENT_1));
        Connection connection = dataSource.getConnection()) {
      assertThat(ids(connection, "work_paper")).isEmpty();
    }
  }

  @Test
  void anEngagementOfAnotherClientIsInvisibleEvenWithTheRightEngagementId() throws SQLException {
    try (TenantScope scope = TenantContext.bind(KEYS.tenant(CLIENT_1, ENGAGEMENT_2A));
        Connection connection = dataSource.getConnection()) {
      assertThat(ids(connection, "work_paper")).isEmpty();
      assertThat(ids(connection, "contract")).containsExactly(10L);
    }
  }

  @Test
  void clientLevelBindingCannotWriteEngagementScopedRows() throws SQLException {
    try (TenantScope scope = TenantContext.bind(KEYS.tenant(CLIENT_1));
        Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      SQLException e = assertThrows(SQLException.class,
          () -> statement.executeUpdate("INSERT INTO work_paper VALUES (13, 1, '" + ENGAGEMENT_1A + "')"));

      assertThat(e.getSQLState()).isEqualTo("42501");
      assertThat(e.getMessage())
          .isEqualTo("ERROR: new row violates row-level security policy for table \"work_paper\"");
    }
  }

  private static void insert(String sql, Tenant tenant) throws SQLException {
    try (TenantScope scope = TenantContext.bind(tenant);
        Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.executeUpdate(sql);
    }
  }

  private static List<Long> ids(Connection connection, String table) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT id FROM " + table + " ORDER BY id")) {
      while (rows.next()) {
        ids.add(rows.getLong(1));
      }
    }
    return ids;
  }

  private static List<String> settings(Connection connection) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(
            "SELECT current_setting('rowguard.client_account_id', true), current_setting('rowguard.engagement_id', true)");
        ResultSet row = statement.executeQuery()) {
      row.next();
      return List.of(row.getString(1), row.getString(2));
    }
  }
}
