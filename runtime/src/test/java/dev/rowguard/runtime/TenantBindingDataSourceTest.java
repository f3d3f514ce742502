package dev.rowguard.runtime;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.zaxxer.hikari.HikariDataSource;
import dev.rowguard.postgres.Database;
import dev.rowguard.postgres.DevPostgres.ServerAddress;
import dev.rowguard.postgres.PostgresExtension;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Connected as an application role that is neither superuser nor owner, so the policies really apply. */
@ExtendWith(PostgresExtension.class)
@SuppressWarnings("try") // scopes are opened for their close(), not referenced
class TenantBindingDataSourceTest {
  private static final UUID TENANT_A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
  private static final UUID TENANT_B = UUID.fromString("00000000-0000-0000-0000-00000000000b");
  private static final long B_INVOICE = 201;

  private static Database database;
  private static TestRoles roles;
  private static ServerAddress app;
  private static HikariDataSource pool;
  private static TenantBindingDataSource dataSource;

  @BeforeAll
  static void createSchemaAndRows(Database db) throws SQLException {
    database = db;
    roles = new TestRoles(database);
    app = roles.create("app", "NOINHERIT");
    InvoiceSchema.create(database, app.user());
    pool = TestPools.singleConnection(app);
    dataSource = TenantBindingDataSource.wrap(pool, InvoiceSchema.KEYS);
    RlsRoleCheck.forTables("invoice").verify(dataSource); // or every test below would pass vacuously
    insertAs(TENANT_A, 101, 102, 103);
    insertAs(TENANT_B, B_INVOICE, 202);
  }

  @AfterAll
  static void dropRoles() {
    pool.close();
    roles.close();
  }

  @Test
  void refusesAConnectionWhenNoTenantIsBound_withoutAskingThePool() {
    DataSource untouchable = (DataSource) Proxy.newProxyInstance(
        DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
          throw new AssertionError("the pool was asked for a connection: " + method);
        });
    TenantBindingDataSource guarded = TenantBindingDataSource.wrap(untouchable, InvoiceSchema.KEYS);

    TenantNotBoundException e = assertThrows(TenantNotBoundException.class, guarded::getConnection);

    assertThat(e.getMessage()).isEqualTo("no tenant is bound on thread \"" + Thread.currentThread().getName()
        + "\" for a database connection. Bind one first: try (var scope = TenantContext.bind(keys.tenant(id)))"
        + " { … }. Migrations and administration jobs use dataSource.withoutTenant(\"why\") instead.");
  }

  @Test
  void boundTenantSeesOnlyItsOwnRows() throws SQLException {
    try (TenantScope scope = TenantContext.bind(InvoiceSchema.KEYS.tenant(TENANT_A));
        Connection connection = dataSource.getConnection()) {
      assertThat(tenantsOfVisibleRows(connection)).containsExactly(TENANT_A, TENANT_A, TENANT_A);
    }
  }

  @Test
  void insertingARowWithAnotherTenantsKeyFails() throws SQLException {
    try (TenantScope scope = TenantContext.bind(InvoiceSchema.KEYS.tenant(TENANT_A));
        Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement("INSERT INTO invoice (id, tenant_id, amount) VALUES (?, ?, 1)")) {
      insert.setLong(1, 999);
      insert.setObject(2, TENANT_B);

      SQLException e = assertThrows(SQLException.class, insert::executeUpdate);

      assertThat(e.getSQLState()).isEqualTo("42501");
      assertThat(e.getMessage())
          .isEqualTo("ERROR: new row violates row-level security policy for table \"invoice\"");
    }
  }

  @Test
  void updatingARowIntoAnotherTenantFails() throws SQLException {
    try (TenantScope scope = TenantContext.bind(InvoiceSchema.KEYS.tenant(TENANT_A));
        Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement("UPDATE invoice SET tenant_id = ? WHERE id = 101")) {
      update.setObject(1, TENANT_B);

      SQLException e = assertThrows(SQLException.class, update::executeUpdate);

      assertThat(e.getSQLState()).isEqualTo("42501");
      assertThat(e.getMessage())
          .isEqualTo("ERROR: new row violates row-level security policy for table \"invoice\"");
    }
  }

  @Test
  void updatesAndDeletesDoNotReachAnotherTenantsRows() throws SQLException {
    try (TenantScope scope = TenantContext.bind(InvoiceSchema.KEYS.tenant(TENANT_A));
        Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      assertThat(statement.executeUpdate("UPDATE invoice SET amount = 0 WHERE id = " + B_INVOICE)).isEqualTo(0);
      assertThat(statement.executeUpdate("DELETE FROM invoice WHERE id = " + B_INVOICE)).isEqualTo(0);
    }
    try (TenantScope scope = TenantContext.bind(InvoiceSchema.KEYS.tenant(TENANT_B));
        Connection connection = dataSource.getConnection()) {
      assertThat(tenantsOfVisibleRows(connection)).containsExactly(TENANT_B, TENANT_B);
    }
  }

  @Test
  void theSettingsDoNotOutliveTheStatementsThatBoundThem() throws SQLException {
    try (TenantScope scope = TenantContext.bind(InvoiceSchema.KEYS.tenant(TENANT_A));
        Connection connection = dataSource.getConnection()) {
      assertThat(setting(connection)).isEqualTo(TENANT_A.toString());
    }

    try (Connection raw = pool.getConnection()) {
      assertThat(setting(raw)).isEmpty();
      assertThat(tenantsOfVisibleRows(raw)).isEmpty();
    }
  }

  @Test
  void closeClearsTheSettingsEvenWhenTheTransactionHasFailed() throws SQLException {
    try (TenantScope scope = TenantContext.bind(InvoiceSchema.KEYS.tenant(TENANT_A));
        Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.executeUpdate("UPDATE invoice SET amount = 0 WHERE id = 101");
        assertThrows(SQLException.class, () -> statement.execute("SELECT 1 / 0"));
      }
    } // closed inside the failed transaction, without a rollback

    try (Connection raw = pool.getConnection()) {
      assertThat(setting(raw)).isEmpty();
    }
    try (TenantScope scope = TenantContext.bind(InvoiceSchema.KEYS.tenant(TENANT_A));
        Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT count(*) FROM invoice WHERE amount = 0")) {
      rows.next();
      assertThat(rows.getInt(1)).isEqualTo(0); // the unfinished update was rolled back
    }
  }

  @Test
  void settingsHoldAcrossCommitsAndRollbacksOnOneConnection() throws SQLException {
    try (TenantScope scope = TenantContext.bind(InvoiceSchema.KEYS.tenant(TENANT_A));
        Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      assertThat(tenantsOfVisibleRows(connection)).hasSize(3);
      connection.commit();
      assertThat(tenantsOfVisibleRows(connection)).hasSize(3);
      connection.rollback();
      assertThat(tenantsOfVisibleRows(connection)).hasSize(3);
    }
  }

  @Test
  void aManualCommitPoolKeepsTheTenantAfterARollbackAndStillClearsOnClose() throws SQLException {
    try (HikariDataSource manualCommit = TestPools.singleConnectionManualCommit(app)) {
      TenantBindingDataSource binding = TenantBindingDataSource.wrap(manualCommit, InvoiceSchema.KEYS);
      try (TenantScope scope = TenantContext.bind(InvoiceSchema.KEYS.tenant(TENANT_A));
          Connection connection = binding.getConnection()) {
        connection.rollback();
        assertThat(tenantsOfVisibleRows(connection)).hasSize(3);
        connection.rollback();
      }
      try (Connection raw = manualCommit.getConnection()) {
        assertThat(setting(raw)).isEmpty();
      }
    }
  }

  @Test
  void aStaleValueLeftOnAPooledConnectionIsShadowedForEveryStatement() throws SQLException {
    try (Connection raw = pool.getConnection();
        PreparedStatement poison = raw.prepareStatement("SELECT set_config('rowguard.tenant_id', ?, false)")) {
      poison.setString(1, TENANT_B.toString());
      poison.execute();
    } // returned to the pool still carrying tenant B

    try {
      try (TenantScope scope = TenantContext.bind(InvoiceSchema.KEYS.tenant(TENANT_A));
          Connection connection = dataSource.getConnection()) {
        assertThat(tenantsOfVisibleRows(connection)).containsExactly(TENANT_A, TENANT_A, TENANT_A);
        assertThat(setting(connection)).isEqualTo(TENANT_A.toString());
      }
      try (Connection admin = dataSource.withoutTenant("test: the poisoned session").getConnection()) {
        assertThat(tenantsOfVisibleRows(admin)).isEmpty();
      }
    } finally {
      try (Connection raw = pool.getConnection();
          PreparedStatement cure = raw.prepareStatement("SELECT set_config('rowguard.tenant_id', '', false)")) {
        cure.execute();
      }
    }
  }

  @Test
  void escapeHatchNeedsNoTenantAndCarriesNone() throws SQLException {
    try (TenantScope scope = TenantContext.bind(InvoiceSchema.KEYS.tenant(TENANT_A))) {
      try (Connection connection = dataSource.getConnection()) {
        assertThat(setting(connection)).isEqualTo(TENANT_A.toString());
      }
    }

    try (Connection admin = dataSource.withoutTenant("test: administration job").getConnection()) {
      assertThat(setting(admin)).isEmpty();
      assertThat(tenantsOfVisibleRows(admin)).isEmpty();
      assertThat(admin.toString()).isEqualTo("TenantBoundConnection[without tenant: test: administration job]");
    }
  }

  @Test
  void escapeHatchRequiresAReason() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> dataSource.withoutTenant(" "));

    assertThat(e.getMessage()).isEqualTo("withoutTenant needs a reason, e.g. withoutTenant(\"schema migration\");"
        + " it is how a reader finds out why this code may run without a tenant");
  }

  @Test
  void refusesATenantBuiltForOtherKeys() {
    TenantKeys other = TenantKeys.of(TenantKeyLevel.uuid("account_id"));
    try (TenantScope scope = TenantContext.bind(other.tenant(TENANT_A))) {
      InvalidTenantException e = assertThrows(InvalidTenantException.class, dataSource::getConnection);

      assertThat(e.getMessage()).isEqualTo("the bound Tenant[account_id=" + TENANT_A + "] was built for"
          + " TenantKeys[account_id uuid (rowguard.account_id)], but this data source binds"
          + " TenantKeys[tenant_id uuid (rowguard.tenant_id)]; build tenants from the same TenantKeys");
    }
  }

  @Test
  void aClosedConnectionRefusesFurtherUse() throws SQLException {
    Connection connection;
    try (TenantScope scope = TenantContext.bind(InvoiceSchema.KEYS.tenant(TENANT_A))) {
      connection = dataSource.getConnection();
    }
    connection.close();
    connection.close(); // closing twice is harmless

    SQLException e = assertThrows(SQLException.class, connection::createStatement);

    assertThat(e.getMessage()).isEqualTo("this connection is closed");
    assertThat(e.getSQLState()).isEqualTo("08003");
    assertThat(connection.isClosed()).isTrue();
  }

  @Test
  void unwrapReachesTheDriverConnection() throws SQLException {
    try (TenantScope scope = TenantContext.bind(InvoiceSchema.KEYS.tenant(TENANT_A));
        Connection connection = dataSource.getConnection()) {
      assertThat(connection.unwrap(Connection.class)).isSameInstanceAs(connection);
      assertThat(connection.isWrapperFor(org.postgresql.PGConnection.class)).isTrue();
      assertThat(connection.unwrap(org.postgresql.PGConnection.class)).isNotNull();
    }
  }

  @Test
  void bindsConnectionsAskedForWithAnExplicitLogin() throws SQLException {
    TenantBindingDataSource unpooled = TenantBindingDataSource.wrap(app.dataSource(), InvoiceSchema.KEYS);
    assertThrows(TenantNotBoundException.class, () -> unpooled.getConnection(app.user(), app.password()));

    try (TenantScope scope = TenantContext.bind(InvoiceSchema.KEYS.tenant(TENANT_B));
        Connection connection = unpooled.getConnection(app.user(), app.password())) {
      assertThat(tenantsOfVisibleRows(connection)).containsExactly(TENANT_B, TENANT_B);
    }
  }

  @Test
  void aResetThatFailsOnCloseIsReportedWithItsSqlStateAndThePoolRecovers() throws SQLException {
    SQLException e;
    try (TenantScope scope = TenantContext.bind(InvoiceSchema.KEYS.tenant(TENANT_A))) {
      Connection connection = dataSource.getConnection();
      try (Statement statement = connection.createStatement()) {
        statement.execute("SET application_name = 'left behind'"); // session state: close must reset
      }
      terminateBackendOf(connection);

      e = assertThrows(SQLException.class, connection::close);
    }

    assertThat(e.getSQLState()).isEqualTo(((SQLException) e.getCause()).getSQLState());
    assertThat(e.getSQLState()).startsWith("57P01");
    assertThat(e.getMessage()).startsWith("could not clear the tenant settings [tenant_id] on close: ");
    try (TenantScope scope = TenantContext.bind(InvoiceSchema.KEYS.tenant(TENANT_A));
        Connection connection = dataSource.getConnection()) {
      assertThat(tenantsOfVisibleRows(connection)).containsExactly(TENANT_A, TENANT_A, TENANT_A);
    }
  }

  private static void terminateBackendOf(Connection connection) throws SQLException {
    int pid;
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT pg_backend_pid()")) {
      row.next();
      pid = row.getInt(1);
    }
    try (Connection owner = database.ownerDataSource().getConnection();
        PreparedStatement terminate = owner.prepareStatement("SELECT pg_terminate_backend(?, 5000)")) {
      terminate.setInt(1, pid);
      terminate.execute();
    }
  }

  private static void insertAs(UUID tenant, long... ids) throws SQLException {
    try (TenantScope scope = TenantContext.bind(InvoiceSchema.KEYS.tenant(tenant));
        Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement("INSERT INTO invoice (id, tenant_id, amount) VALUES (?, ?, 10)")) {
      for (long id : ids) {
        insert.setLong(1, id);
        insert.setObject(2, tenant);
        insert.executeUpdate();
      }
    }
  }

  static List<UUID> tenantsOfVisibleRows(Connection connection) throws SQLException {
    List<UUID> tenants = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT tenant_id FROM invoice ORDER BY id")) {
      while (rows.next()) {
        tenants.add(rows.getObject(1, UUID.class));
      }
    }
    return tenants;
  }

  static String setting(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT current_setting('rowguard.tenant_id', true)")) {
      row.next();
      return row.getString(1);
    }
  }
}
