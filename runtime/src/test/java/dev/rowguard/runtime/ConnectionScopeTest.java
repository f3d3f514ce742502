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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

/**
 * A connection checked out in tenant A's scope is A's connection only inside that scope. Before the guard it
 * kept running as A after the scope closed, and inside tenant B's scope, so B's code read A's rows. As a
 * non-owner login, so that the rows seen are what the policies let through.
 */
@ExtendWith(PostgresExtension.class)
@SuppressWarnings("try") // scopes are opened for their close(), not referenced
class ConnectionScopeTest {
  private static final Tenant A = InvoiceSchema.KEYS.tenant(UUID.fromString("00000000-0000-0000-0000-0000000000a1"));
  private static final Tenant B = InvoiceSchema.KEYS.tenant(UUID.fromString("00000000-0000-0000-0000-0000000000b1"));

  private static TestRoles roles;
  private static HikariDataSource pool;
  private static TenantBindingDataSource dataSource;

  private final List<Connection> opened = new ArrayList<>();

  @BeforeAll
  static void createSchemaAndRows(Database database) throws SQLException {
    roles = new TestRoles(database);
    var app = roles.create("app", "NOINHERIT");
    InvoiceSchema.create(database, app.user());
    pool = TestPools.singleConnection(app);
    dataSource = TenantBindingDataSource.wrap(pool, InvoiceSchema.KEYS);
    RlsRoleCheck.forTables("invoice").verify(dataSource);
    insert(A, 1);
    insert(B, 2);
  }

  @AfterAll
  static void dropRoles() {
    pool.close();
    roles.close();
  }

  @AfterEach
  void closeConnections() throws SQLException {
    for (Connection connection : opened) {
      connection.close();
    }
  }

  @Test
  void aConnectionRefusesNewStatementsOnceItsScopeHasClosed() throws SQLException {
    Connection connection;
    int line = new Throwable().getStackTrace()[0].getLineNumber() + 1;
    try (TenantScope scope = TenantContext.bind(A)) {
      connection = open();
    }

    String message = "this connection was checked out for " + A + " in the scope bound at "
        + ConnectionScopeTest.class.getName() + ".aConnectionRefusesNewStatementsOnceItsScopeHasClosed"
        + "(ConnectionScopeTest.java:" + line + "), which has been closed; it refuses to run statements outside that"
        + " scope. Close the connection inside the scope: try (var scope = TenantContext.bind(tenant); var"
        + " connection = dataSource.getConnection()) { … }";
    assertRefused(message, connection::createStatement);
    assertRefused(message, () -> connection.prepareStatement("SELECT tenant_id FROM invoice"));
    assertRefused(message, () -> connection.prepareCall("SELECT tenant_id FROM invoice"));
    // Inside another tenant's scope, the closed scope is still what is reported.
    try (TenantScope scope = TenantContext.bind(B)) {
      assertRefused(message, connection::createStatement);
    }
  }

  @Test
  void aStatementPreparedInsideTheScopeRefusesToRunAfterIt() throws SQLException {
    PreparedStatement select;
    Statement plain;
    try (TenantScope scope = TenantContext.bind(A)) {
      Connection connection = open();
      select = connection.prepareStatement("SELECT tenant_id FROM invoice");
      plain = connection.createStatement();
      assertThat(tenants(select)).containsExactly(A.settingValues().get(0));
    }

    assertThrows(ConnectionOutOfScopeException.class, select::executeQuery);
    assertThrows(ConnectionOutOfScopeException.class, select::execute);
    assertThrows(ConnectionOutOfScopeException.class, () -> plain.executeQuery("SELECT tenant_id FROM invoice"));
    assertThrows(ConnectionOutOfScopeException.class, () -> plain.executeUpdate("DELETE FROM invoice"));
    select.addBatch();
    assertThrows(ConnectionOutOfScopeException.class, select::executeBatch);
  }

  @Test
  void aConnectionOfTenantARefusesStatementsInsideTenantBsScopeAndWorksAgainAfterIt() throws SQLException {
    try (TenantScope outer = TenantContext.bind(A)) {
      Connection connection = open();
      PreparedStatement select = connection.prepareStatement("SELECT tenant_id FROM invoice");
      int line = new Throwable().getStackTrace()[0].getLineNumber() + 1;
      try (TenantScope inner = TenantContext.bind(B)) {
        ConnectionOutOfScopeException e = assertThrows(ConnectionOutOfScopeException.class, select::executeQuery);
        assertThat(e).hasMessageThat().endsWith(", but " + B + " is bound on thread \""
            + Thread.currentThread().getName() + "\" now (scope bound at " + ConnectionScopeTest.class.getName()
            + ".aConnectionOfTenantARefusesStatementsInsideTenantBsScopeAndWorksAgainAfterIt(ConnectionScopeTest.java:"
            + line + ")); it refuses to run statements for another tenant. Take a new connection inside the scope of "
            + B);
        assertThrows(ConnectionOutOfScopeException.class, () -> connection.prepareStatement("SELECT 1"));
      }
      assertThat(tenants(select)).containsExactly(A.settingValues().get(0));
    }
  }

  @Test
  void aNestedScopeOfTheSameTenantMayUseTheConnection() throws SQLException {
    try (TenantScope outer = TenantContext.bind(A)) {
      Connection connection = open();
      List<String> seen = TenantContext.call(A, () -> {
        try (PreparedStatement select = connection.prepareStatement("SELECT tenant_id FROM invoice")) {
          return tenants(select);
        }
      });
      assertThat(seen).containsExactly(A.settingValues().get(0));
    }
  }

  @Test
  void aConnectionHandedToAnotherThreadRefusesStatementsThere() throws Exception {
    ExecutorService executor = Executors.newSingleThreadExecutor(task -> new Thread(task, "other-thread"));
    try (TenantScope scope = TenantContext.bind(A)) {
      Connection connection = open();
      java.util.concurrent.Callable<Statement> unboundTask = connection::createStatement;
      Future<Statement> unbound = executor.submit(unboundTask);
      java.util.concurrent.Callable<Statement> asB = () -> TenantContext.call(B, connection::createStatement);
      Future<Statement> otherTenant = executor.submit(asB);

      Exception e = assertThrows(Exception.class, unbound::get);
      assertThat(e).hasCauseThat().isInstanceOf(ConnectionOutOfScopeException.class);
      assertThat(e).hasCauseThat().hasMessageThat().contains(", but no tenant is bound on thread \"other-thread\"; it"
          + " refuses to run statements there. Use a connection only inside the scope it was checked out in, and hand"
          + " work to another thread with TenantContext.propagate(..) and a connection of its own");
      assertThat(assertThrows(Exception.class, otherTenant::get))
          .hasCauseThat().isInstanceOf(ConnectionOutOfScopeException.class);
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void aStatementLeadsBackToItsGuardedConnection() throws SQLException {
    try (TenantScope scope = TenantContext.bind(A)) {
      Connection connection = open();
      try (PreparedStatement select = connection.prepareStatement("SELECT 1")) {
        assertThat(select.getConnection()).isSameInstanceAs(connection);
        assertThat(select.unwrap(PreparedStatement.class)).isSameInstanceAs(select);
        assertThat(select.isWrapperFor(org.postgresql.PGStatement.class)).isTrue();
      }
    }
  }

  @Test
  void aConnectionWithoutTenantIsNotTiedToAScope() throws SQLException {
    try (Connection admin = dataSource.withoutTenant("test: no scope").getConnection()) {
      try (TenantScope scope = TenantContext.bind(B);
          PreparedStatement select = admin.prepareStatement("SELECT tenant_id FROM invoice")) {
        assertThat(tenants(select)).isEmpty(); // it carries no tenant, whichever scope is current
      }
    }
  }

  private Connection open() throws SQLException {
    Connection connection = dataSource.getConnection();
    opened.add(connection);
    return connection;
  }

  private static void assertRefused(String message, Executable use) {
    ConnectionOutOfScopeException e = assertThrows(ConnectionOutOfScopeException.class, use);
    assertThat(e).hasMessageThat().isEqualTo(message);
  }

  private static List<String> tenants(PreparedStatement select) throws SQLException {
    List<String> tenants = new ArrayList<>();
    try (ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        tenants.add(rows.getString(1));
      }
    }
    return tenants;
  }

  private static void insert(Tenant tenant, long id) throws SQLException {
    try (TenantScope scope = TenantContext.bind(tenant);
        Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement(
            "INSERT INTO invoice (id, tenant_id, amount) VALUES (?, ?::uuid, 1)")) {
      insert.setLong(1, id);
      insert.setString(2, tenant.settingValues().get(0));
      insert.executeUpdate();
    }
  }
}
