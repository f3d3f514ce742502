package dev.rowguard.runtime;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.zaxxer.hikari.HikariDataSource;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The JDBC the application sees is the driver's, although each statement runs behind the binding's prefix:
 * parameters, results, update counts, generated keys, batches and plain statements, under both bindings. As a
 * non-owner login through one pooled connection.
 */
@ExtendWith(PostgresExtension.class)
@SuppressWarnings("try") // scopes are opened for their close(), not referenced
class StatementBindingTest {
  private static final Tenant A = InvoiceSchema.KEYS.tenant(UUID.fromString("00000000-0000-0000-0000-0000000000a5"));
  private static final Tenant B = InvoiceSchema.KEYS.tenant(UUID.fromString("00000000-0000-0000-0000-0000000000b5"));

  private static Database database;
  private static TestRoles roles;
  private static HikariDataSource pool;
  private static TenantBindingDataSource dataSource;
  private static TenantBindingDataSource citus;
  private static long nextId = 5_000;

  @BeforeAll
  static void createSchema(Database db) {
    database = db;
    roles = new TestRoles(database);
    ServerAddress app = roles.create("app", "NOINHERIT");
    InvoiceSchema.create(database, app.user());
    database.executeScript("ALTER TABLE invoice ADD COLUMN note jsonb, ADD COLUMN version int NOT NULL DEFAULT 7");
    pool = TestPools.singleConnection(app);
    dataSource = TenantBindingDataSource.wrap(pool, InvoiceSchema.KEYS);
    citus = TenantBindingDataSource.wrap(pool, InvoiceSchema.KEYS, TenantBinding.transactionScoped());
    RlsRoleCheck.forTables("invoice").verify(dataSource);
  }

  @AfterAll
  static void dropRoles() {
    pool.close();
    roles.close();
  }

  @Test
  void generatedKeysAndUpdateCountsReadAsTheDriverGivesThem() throws SQLException {
    for (TenantBindingDataSource source : List.of(dataSource, citus)) {
      long id = nextId++;
      TenantContext.run(A, () -> {
        try (Connection connection = source.getConnection();
            PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO invoice (id, tenant_id, amount) VALUES (?, ?, 5)", new String[] {"id", "version"})) {
          insert.setLong(1, id);
          insert.setObject(2, A.values().get(0));
          assertThat(insert.executeUpdate()).isEqualTo(1);
          try (ResultSet keys = insert.getGeneratedKeys()) {
            assertThat(keys.next()).isTrue();
            assertThat(keys.getLong("id")).isEqualTo(id);
            assertThat(keys.getInt("version")).isEqualTo(7);
            assertThat(keys.next()).isFalse();
          }
        }
        try (Connection connection = source.getConnection();
            PreparedStatement update = connection.prepareStatement("UPDATE invoice SET amount = ? WHERE id = ?",
                Statement.RETURN_GENERATED_KEYS)) {
          update.setInt(1, 6);
          update.setLong(2, id);
          assertThat(update.execute()).isFalse();
          assertThat(update.getUpdateCount()).isEqualTo(1);
          try (ResultSet keys = update.getGeneratedKeys()) {
            keys.next();
            assertThat(keys.getInt("amount")).isEqualTo(6);
          }
          assertThat(update.getMoreResults()).isFalse();
          assertThat(update.getUpdateCount()).isEqualTo(-1);
        }
      });
      assertThat(TenantContext.call(B, () -> amounts("SELECT amount FROM invoice WHERE id = " + id))).isEmpty();
    }
  }

  @Test
  void batchesWithAndWithoutATransactionOfTheirOwn() throws SQLException {
    for (TenantBindingDataSource source : List.of(dataSource, citus)) {
      long first = nextId;
      nextId += 10;
      TenantContext.run(A, () -> {
        try (Connection connection = source.getConnection();
            PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO invoice (id, tenant_id, amount) VALUES (?, ?, ?)", new String[] {"version"})) {
          for (int i = 0; i < 5; i++) {
            insert.setLong(1, first + i);
            insert.setObject(2, A.values().get(0));
            insert.setInt(3, i);
            insert.addBatch();
          }
          assertThat(insert.executeBatch()).asList().containsExactly(1, 1, 1, 1, 1);
          try (ResultSet keys = insert.getGeneratedKeys()) {
            int rows = 0;
            while (keys.next()) {
              rows++;
            }
            assertThat(rows).isEqualTo(5);
          }
          connection.setAutoCommit(false);
          insert.setLong(1, first + 5);
          insert.setInt(3, 5);
          insert.addBatch();
          insert.executeBatch();
          connection.rollback();
          connection.setAutoCommit(true);
          insert.setLong(1, first + 6); // the same statement, run alone after its batches
          insert.setInt(3, 6);
          assertThat(insert.executeUpdate()).isEqualTo(1);
        }
      });
      String own = "SELECT amount FROM invoice WHERE id BETWEEN " + first + " AND " + (first + 9) + " ORDER BY id";
      assertThat(TenantContext.call(A, () -> amounts(own))).containsExactly(0, 1, 2, 3, 4, 6).inOrder();
      assertThat(TenantContext.call(B, () -> amounts(own))).isEmpty();
    }
  }

  @Test
  void aPlainStatementKeepsItsQuestionMarksAndItsResults() throws SQLException {
    long id = nextId++;
    TenantContext.run(A, () -> {
      try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
        assertThat(statement.executeUpdate("INSERT INTO invoice (id, tenant_id, amount, note) VALUES (" + id + ", '"
            + A.values().get(0) + "', 1, '{\"why?\": true}')")).isEqualTo(1);
        statement.setMaxRows(1);
        assertThat(statement.execute("SELECT note ? 'why?' FROM invoice WHERE id = " + id + "; SELECT 2")).isTrue();
        try (ResultSet rows = statement.getResultSet()) {
          rows.next();
          assertThat(rows.getBoolean(1)).isTrue();
        }
        assertThat(statement.getMoreResults()).isTrue();
        assertThat(statement.getMoreResults()).isFalse();
        assertThat(statement.getUpdateCount()).isEqualTo(-1);
        assertThat(statement.getMaxRows()).isEqualTo(1);
        SQLException e = assertThrows(SQLException.class, () -> statement.executeUpdate("SELECT 1"));
        assertThat(e.getMessage()).isEqualTo("A result was returned when none was expected.");
      }
    });
  }

  @Test
  void aPreparedQueryServedOnTheServerStillSeesOnlyItsTenantAfterParametersAreCleared() throws SQLException {
    long a = nextId++;
    long b = nextId++;
    insertOwn(A, a, 11);
    insertOwn(B, b, 22);
    for (Tenant tenant : List.of(A, B, A)) {
      List<Integer> seen = TenantContext.call(tenant, () -> {
        List<Integer> amounts = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
            PreparedStatement select = connection.prepareStatement("SELECT amount FROM invoice WHERE id IN (?, ?)")) {
          for (int run = 0; run < 7; run++) {
            select.clearParameters();
            select.setLong(1, a);
            select.setLong(2, b);
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                amounts.add(rows.getInt(1));
              }
            }
          }
        }
        return amounts;
      });
      assertThat(seen).containsExactlyElementsIn(java.util.Collections.nCopies(7, tenant == A ? 11 : 22));
    }
  }

  /** A statement that ends its own transaction in its text still runs for its tenant, and its checkout is reset. */
  @Test
  void aCommitInsideTheStatementTextDoesNotUnbindTheRest() throws SQLException {
    long id = nextId++;
    insertOwn(A, id, 3);
    List<Integer> seen = TenantContext.call(A, () -> {
      try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
        statement.execute("COMMIT; SELECT amount FROM invoice WHERE id = " + id);
        statement.getMoreResults();
        try (ResultSet rows = statement.getResultSet()) {
          List<Integer> amounts = new ArrayList<>();
          while (rows.next()) {
            amounts.add(rows.getInt(1));
          }
          return amounts;
        }
      }
    });
    assertThat(seen).containsExactly(3);
    try (Connection raw = pool.getConnection()) {
      assertThat(TenantBindingDataSourceTest.setting(raw)).isEmpty(); // the reset cleared the session value
    }
  }

  /** Citus's binding, on PostgreSQL: SET LOCAL holds for the transaction and is gone after commit and rollback. */
  @Test
  void theTransactionScopedBindingHoldsForTheTransactionOnly() throws SQLException {
    long id = nextId++;
    insertOwn(A, id, 4);
    TenantContext.run(A, () -> {
      try (Connection connection = citus.getConnection()) {
        assertThat(TenantBindingDataSourceTest.setting(connection)).isEqualTo(A.values().get(0).toString());
        connection.setAutoCommit(false);
        assertThat(amounts(connection, "SELECT amount FROM invoice WHERE id = " + id)).containsExactly(4);
        connection.rollback();
        assertThat(amounts(connection, "SELECT amount FROM invoice WHERE id = " + id)).containsExactly(4);
        connection.commit();
        connection.setAutoCommit(true);
        Connection physical = (Connection) connection.unwrap(org.postgresql.PGConnection.class);
        assertThat(TenantBindingDataSourceTest.setting(physical)).isEmpty();
      }
    });
  }

  private static void insertOwn(Tenant tenant, long id, int amount) throws SQLException {
    TenantContext.run(tenant, () -> {
      try (Connection connection = dataSource.getConnection();
          PreparedStatement insert =
              connection.prepareStatement("INSERT INTO invoice (id, tenant_id, amount) VALUES (?, ?, ?)")) {
        insert.setLong(1, id);
        insert.setObject(2, tenant.values().get(0));
        insert.setInt(3, amount);
        insert.executeUpdate();
      }
    });
  }

  private static List<Integer> amounts(String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      return amounts(connection, sql);
    }
  }

  private static List<Integer> amounts(Connection connection, String sql) throws SQLException {
    List<Integer> amounts = new ArrayList<>();
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        amounts.add(rows.getInt(1));
      }
    }
    return amounts;
  }
}
