package dev.rowguard.runtime;

import static com.google.common.truth.Truth.assertThat;

import dev.rowguard.postgres.Database;
import dev.rowguard.postgres.DevPostgres.ServerAddress;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The tenant binding costs no round trip of its own: a call shaped as a generated repository's (check out,
 * prepare, execute, read, close) makes exactly one, the statement's, counted from pgjdbc's protocol log on one
 * physical connection that the test's pool neither validates nor resets. As a non-owner login, so the rows seen
 * prove the binding reached the policy.
 */
@ExtendWith(PostgresExtension.class)
@SuppressWarnings("try") // scopes are opened for their close(), not referenced
class RoundTripTest {
  private static final Tenant A = InvoiceSchema.KEYS.tenant(UUID.fromString("00000000-0000-0000-0000-0000000000a7"));
  private static final Tenant B = InvoiceSchema.KEYS.tenant(UUID.fromString("00000000-0000-0000-0000-0000000000b7"));
  private static final String FIND_BY_ID = "SELECT id, tenant_id, amount FROM invoice WHERE tenant_id = ? AND id = ?";

  private static TestRoles roles;
  private static OneConnectionPool pool;
  private static TenantBindingDataSource dataSource;
  private static long nextId = 1_000;

  @BeforeAll
  static void createSchemaAndRows(Database database) throws SQLException {
    roles = new TestRoles(database);
    ServerAddress app = roles.create("app", "NOINHERIT");
    InvoiceSchema.create(database, app.user());
    pool = new OneConnectionPool(app.dataSource());
    dataSource = TenantBindingDataSource.wrap(pool, InvoiceSchema.KEYS);
    RlsRoleCheck.forTables("invoice").verify(dataSource);
    database.executeScript("INSERT INTO invoice VALUES (1, '" + id(A) + "', 10), (2, '" + id(B) + "', 20)");
  }

  @AfterAll
  static void closePool() throws SQLException {
    pool.close();
    roles.close();
  }

  @BeforeEach
  void startFromAResetSession() throws SQLException {
    try (Statement statement = pool.physical().createStatement()) {
      statement.execute("DISCARD ALL"); // no server-prepared statements of earlier tests
    }
  }

  @Test
  void aFindByIdIsOneRoundTrip_alsoOnceTheDriverPreparesItOnTheServer() throws SQLException {
    try (RoundTrips trips = new RoundTrips()) {
      for (int call = 0; call < 10; call++) { // pgjdbc prepares on the server from the fifth execution
        Tenant tenant = call % 2 == 0 ? A : B;
        long ownRow = tenant == A ? 1 : 2;
        List<Long> found = TenantContext.call(tenant, () -> findById(tenant, ownRow));
        assertThat(trips.take()).isEqualTo(1);
        assertThat(found).containsExactly(ownRow);
        assertThat(TenantContext.call(tenant, () -> findById(tenant, 3 - ownRow))).isEmpty();
        assertThat(trips.take()).isEqualTo(1);
      }
    }
  }

  /**
   * A parameter whose type pgjdbc leaves to the server (a null timestamptz) and a text column: once such a
   * statement was prepared on the server and described, pgjdbc would end the message with a Sync after the
   * binding, and the statement would run unbound (no rows). The runtime keeps such statements unnamed.
   */
  @Test
  void aStatementWithAnUntypedParameterAndATextColumnStaysOneRoundTripAndBound() throws SQLException {
    try (RoundTrips trips = new RoundTrips()) {
      for (int call = 0; call < 10; call++) {
        List<String> seen = TenantContext.call(A, () -> {
          try (Connection connection = dataSource.getConnection()) {
            return tenantsOfUntypedSelect(connection);
          }
        });
        assertThat(trips.take()).isEqualTo(1);
        assertThat(seen).containsExactly(id(A));
      }
    }
  }

  @Test
  void anInsertThatReadsGeneratedColumnsBackIsOneRoundTrip() throws SQLException {
    try (RoundTrips trips = new RoundTrips()) {
      for (int call = 0; call < 7; call++) {
        long id = nextId++;
        int[] countAndAmount = TenantContext.call(A, () -> {
          try (Connection connection = dataSource.getConnection();
              PreparedStatement insert = connection.prepareStatement(
                  "INSERT INTO invoice (id, tenant_id, amount) VALUES (?, ?, ?)", new String[] {"amount"})) {
            insert.setLong(1, id);
            insert.setObject(2, A.values().get(0));
            insert.setInt(3, 42);
            int count = insert.executeUpdate();
            try (ResultSet generated = insert.getGeneratedKeys()) {
              generated.next();
              return new int[] {count, generated.getInt("amount")};
            }
          }
        });
        assertThat(trips.take()).isEqualTo(1);
        assertThat(countAndAmount).asList().containsExactly(1, 42).inOrder();
      }
    }
  }

  @Test
  void aPlainStatementIsOneRoundTrip() throws SQLException {
    try (RoundTrips trips = new RoundTrips()) {
      int visible = TenantContext.call(A, () -> {
        try (Connection connection = dataSource.getConnection();
            Statement statement = connection.createStatement();
            ResultSet rows = statement.executeQuery("SELECT count(*) FROM invoice WHERE id < 3")) {
          rows.next();
          return rows.getInt(1);
        }
      });
      assertThat(trips.take()).isEqualTo(1);
      assertThat(visible).isEqualTo(1);
    }
  }

  /** BEGIN travels with the first statement and COMMIT is one round trip, as on an unbound connection. */
  @Test
  void aTwoStatementTransactionCostsWhatItCostsUnbound() throws SQLException {
    int unbound;
    try (RoundTrips trips = new RoundTrips()) {
      unboundAs(A, () -> readThenUpdate(pool.physical(), 1), trips);
      unbound = trips.take();

      int updated = TenantContext.call(A, () -> dataSource.callInTransaction(() -> {
        try (Connection connection = dataSource.getConnection()) {
          return readThenUpdate(connection, 1);
        }
      }));

      assertThat(trips.take()).isEqualTo(unbound);
      assertThat(unbound).isEqualTo(3);
      assertThat(updated).isEqualTo(1);
    }
  }

  /**
   * A local setting holds until the transaction ends: the first statement of a transaction carries the binding and
   * the others run as written, also those with an untyped parameter, which stay prepared on the server (a Sync
   * pgjdbc sends between the two does not end an open transaction).
   */
  @Test
  void onlyTheFirstStatementOfATransactionCarriesTheBinding() throws SQLException {
    try (RoundTrips trips = new RoundTrips()) {
      setSession(id(A));
      trips.takeExecutes();
      readThenUpdate(pool.physical(), 1);
      int unbound = trips.takeExecutes();
      setSession("");
      trips.takeExecutes();
      for (int call = 0; call < 8; call++) { // past pgjdbc's prepareThreshold of 5
        List<String> seen = TenantContext.call(A, () -> dataSource.callInTransaction(() -> {
          try (Connection connection = dataSource.getConnection()) {
            readThenUpdate(connection, 1);
            return tenantsOfUntypedSelect(connection);
          }
        }));
        assertThat(seen).containsExactly(id(A));
        assertThat(trips.takeExecutes()).isEqualTo(unbound + 2); // the binding once, and the third statement
      }
    }
  }

  /**
   * pgjdbc caches a statement's description per connection and text: had a transaction's first statement, with an
   * untyped parameter, been prepared on the server, the same text in auto-commit mode on a later checkout of the
   * connection would be split by a Sync and run unbound. Both modes keep it unnamed.
   */
  @Test
  void anUntypedStatementPreparedInATransactionStaysBoundInAutoCommitLater() throws SQLException {
    for (int call = 0; call < 8; call++) { // past pgjdbc's prepareThreshold of 5
      List<String> seen = TenantContext.call(A, () -> dataSource.callInTransaction(() -> {
        try (Connection connection = dataSource.getConnection()) {
          return tenantsOfUntypedSelect(connection);
        }
      }));
      assertThat(seen).containsExactly(id(A));
    }
    for (int call = 0; call < 8; call++) {
      List<String> seen = TenantContext.call(A, () -> {
        try (Connection connection = dataSource.getConnection()) {
          return tenantsOfUntypedSelect(connection);
        }
      });
      assertThat(seen).containsExactly(id(A));
    }
  }

  /** A batch cannot carry the binding: it runs in a transaction bound by one statement more. */
  @Test
  void aBatchCostsOneRoundTripMoreThanUnbound() throws SQLException {
    try (RoundTrips trips = new RoundTrips()) {
      unboundAs(A, () -> insertBatch(pool.physical(), A, 100), trips);
      int unbound = trips.take();

      TenantContext.run(A, () -> {
        try (Connection connection = dataSource.getConnection()) {
          insertBatch(connection, A, 100);
        }
      });

      assertThat(trips.take()).isEqualTo(unbound + 1);
    }
  }

  @Test
  void aCheckoutThatMayLeaveSessionStateCostsOneResetOnClose() throws SQLException {
    try (RoundTrips trips = new RoundTrips()) {
      TenantContext.run(A, () -> {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
          statement.execute("SET statement_timeout = '5s'");
        }
      });
      assertThat(trips.take()).isEqualTo(2);
    }
  }

  /** Citus's binding, on PostgreSQL: BEGIN and SET LOCAL, the statement, COMMIT; once per explicit transaction. */
  @Test
  void theTransactionScopedBindingCostsTwoRoundTripsPerTransaction() throws SQLException {
    TenantBindingDataSource citus =
        TenantBindingDataSource.wrap(pool, InvoiceSchema.KEYS, TenantBinding.transactionScoped());
    try (RoundTrips trips = new RoundTrips()) {
      List<Long> found = TenantContext.call(A, () -> {
        try (Connection connection = citus.getConnection();
            PreparedStatement select = connection.prepareStatement(FIND_BY_ID)) {
          select.setObject(1, A.values().get(0));
          select.setLong(2, 1);
          return ids(select);
        }
      });
      assertThat(trips.take()).isEqualTo(3);
      assertThat(found).containsExactly(1L);

      TenantContext.run(A, () -> citus.runInTransaction(() -> {
        try (Connection connection = citus.getConnection()) {
          readThenUpdate(connection, 1);
        }
      }));
      assertThat(trips.take()).isEqualTo(4);
    }
  }

  /**
   * Runs {@code work} on the physical connection with {@code tenant} set by hand for the session, counting only
   * {@code work}'s round trips: the baseline of what the same JDBC costs without Rowguard.
   */
  private static void unboundAs(Tenant tenant, RepositorySupport.SqlWork<?> work, RoundTrips trips)
      throws SQLException {
    setSession(id(tenant));
    trips.take();
    try {
      work.run();
    } finally {
      int counted = trips.take();
      setSession("");
      trips.take();
      for (int i = 0; i < counted; i++) {
        trips.add();
      }
    }
  }

  private static void setSession(String value) throws SQLException {
    try (PreparedStatement set = pool.physical().prepareStatement("SELECT set_config('rowguard.tenant_id', ?, false)")) {
      set.setString(1, value);
      set.execute();
    }
  }

  private List<Long> findById(Tenant tenant, long id) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(FIND_BY_ID)) {
      statement.setObject(1, tenant.values().get(0));
      statement.setLong(2, id);
      return ids(statement);
    }
  }

  /** The tenants of row 1 as seen through a statement with an untyped parameter (a null timestamptz). */
  private static List<String> tenantsOfUntypedSelect(Connection connection) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT tenant_id::text FROM invoice WHERE id = ? AND (?::timestamptz IS NULL)")) {
      select.setLong(1, 1);
      select.setObject(2, null, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
      List<String> tenants = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          tenants.add(rows.getString(1));
        }
      }
      return tenants;
    }
  }

  private static List<Long> ids(PreparedStatement select) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        ids.add(rows.getLong(1));
      }
    }
    return ids;
  }

  /** Reads a row's amount and writes it back plus one, as the benchmark's two-statement transaction does. */
  private static int readThenUpdate(Connection connection, long id) throws SQLException {
    boolean own = connection.getAutoCommit();
    if (own) {
      connection.setAutoCommit(false);
    }
    int amount;
    try (PreparedStatement read = connection.prepareStatement("SELECT amount FROM invoice WHERE id = ?")) {
      read.setLong(1, id);
      try (ResultSet row = read.executeQuery()) {
        amount = row.next() ? row.getInt(1) : 0;
      }
    }
    int updated;
    try (PreparedStatement update = connection.prepareStatement("UPDATE invoice SET amount = ? WHERE id = ?")) {
      update.setInt(1, amount + 1);
      update.setLong(2, id);
      updated = update.executeUpdate();
    }
    if (own) {
      connection.commit();
      connection.setAutoCommit(true);
    }
    return updated;
  }

  private static int insertBatch(Connection connection, Tenant tenant, int rows) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement("INSERT INTO invoice (id, tenant_id, amount) VALUES (?, ?, 0)")) {
      for (int i = 0; i < rows; i++) {
        insert.setLong(1, nextId++);
        insert.setObject(2, tenant.values().get(0));
        insert.addBatch();
      }
      return RepositorySupport.atomically(connection, insert::executeBatch).length;
    }
  }

  private static String id(Tenant tenant) {
    return tenant.settingValues().get(0);
  }
}
