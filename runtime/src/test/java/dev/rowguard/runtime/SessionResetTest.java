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
import org.postgresql.PGStatement;

/**
 * What tenant A leaves in a pooled session must not reach tenant B on the same physical connection (a pool of
 * one, same backend pid): temporary views and tables, SQL-level prepared statements, cursors, settings changed
 * with SET, advisory locks, LISTENs. Each of these statements counts as leaving state ({@link SqlText}), so its
 * checkout's close resets the session. Before the reset on close, B's {@code SELECT … FROM invoice} read A's temporary view of the same name,
 * which the session's search path puts first. As a non-owner login.
 */
@ExtendWith(PostgresExtension.class)
@SuppressWarnings("try") // scopes are opened for their close(), not referenced
class SessionResetTest {
  private static final Tenant A = InvoiceSchema.KEYS.tenant(UUID.fromString("00000000-0000-0000-0000-0000000000a2"));
  private static final Tenant B = InvoiceSchema.KEYS.tenant(UUID.fromString("00000000-0000-0000-0000-0000000000b2"));

  private static TestRoles roles;
  private static ServerAddress app;
  private static HikariDataSource pool;
  private static TenantBindingDataSource dataSource;

  @BeforeAll
  static void createSchemaAndRows(Database database) throws SQLException {
    roles = new TestRoles(database);
    app = roles.create("app", "NOINHERIT");
    InvoiceSchema.create(database, app.user());
    pool = TestPools.singleConnection(app);
    dataSource = TenantBindingDataSource.wrap(pool, InvoiceSchema.KEYS);
    RlsRoleCheck.forTables("invoice").verify(dataSource);
    TenantContext.run(A, () -> execute("INSERT INTO invoice VALUES (1, '" + id(A) + "', 10)"));
    TenantContext.run(B, () -> execute("INSERT INTO invoice VALUES (2, '" + id(B) + "', 20)"));
  }

  @AfterAll
  static void dropRoles() {
    pool.close();
    roles.close();
  }

  @Test
  void aTemporaryViewThatShadowsATenantedTableIsGoneForTheNextTenant() throws SQLException {
    int pid = TenantContext.call(A, () -> {
      execute("CREATE TEMP VIEW invoice AS SELECT 666::bigint AS id, '" + id(A) + "'::uuid AS tenant_id, 0 AS amount");
      return backendPid();
    });

    TenantContext.run(B, () -> {
      assertThat(backendPid()).isEqualTo(pid);
      assertThat(strings("SELECT tenant_id::text FROM invoice")).containsExactly(id(B));
    });
  }

  @Test
  void aTemporaryTableAndItsRowsAreGoneForTheNextTenant() throws SQLException {
    int pid = TenantContext.call(A, () -> {
      execute("CREATE TEMP TABLE notes (secret text); INSERT INTO notes VALUES ('A''s secret')");
      return backendPid();
    });

    TenantContext.run(B, () -> {
      assertThat(backendPid()).isEqualTo(pid);
      assertThat(strings("SELECT coalesce(to_regclass('pg_temp.notes')::text, 'gone')")).containsExactly("gone");
      SQLException e = assertThrows(SQLException.class, () -> strings("SELECT secret FROM notes"));
      assertThat(e.getSQLState()).isEqualTo("42P01");
    });
  }

  @Test
  void settingsChangedWithSetAreResetForTheNextTenant() throws SQLException {
    List<String> before = TenantContext.call(B, SessionResetTest::sessionSettings);
    TenantContext.run(A, () -> execute("SET search_path = pg_temp, public; SET statement_timeout = '1s';"
        + " SET application_name = 'tenant A'"));

    assertThat(TenantContext.call(B, SessionResetTest::sessionSettings)).isEqualTo(before);
  }

  @Test
  void sqlPreparedStatementsAndCursorsAreGoneForTheNextTenant() throws SQLException {
    TenantContext.run(A, () -> {
      try (Connection connection = dataSource.getConnection()) {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
          statement.execute("PREPARE mine AS SELECT id FROM invoice");
          statement.execute("DECLARE held CURSOR WITH HOLD FOR SELECT id FROM invoice");
        }
        connection.commit();
      }
    });

    TenantContext.run(B, () -> {
      assertThat(strings("SELECT count(*)::text FROM pg_prepared_statements WHERE name = 'mine'")).containsExactly("0");
      assertThat(strings("SELECT count(*)::text FROM pg_cursors WHERE name = 'held'")).containsExactly("0");
    });
  }

  @Test
  void advisoryLocksAndListensAreGoneForTheNextTenant() throws SQLException {
    TenantContext.run(A, () -> execute("SELECT pg_advisory_lock(77); LISTEN tenant_a_events"));

    TenantContext.run(B, () -> {
      assertThat(strings("SELECT count(*)::text FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()"))
          .containsExactly("0");
      assertThat(strings("SELECT count(*)::text FROM pg_listening_channels()")).containsExactly("0");
    });
  }

  /** Through a prepared statement, as through a plain one: what can leave state makes the checkout reset. */
  @Test
  void aPreparedStatementThatCreatesATemporaryTableIsResetToo() throws SQLException {
    TenantContext.run(A, () -> {
      try (Connection connection = dataSource.getConnection();
          PreparedStatement create = connection.prepareStatement("CREATE TEMP TABLE scratch AS SELECT ?::text AS v")) {
        create.setString(1, "A's scratch");
        create.execute();
      }
    });

    TenantContext.run(B, () ->
        assertThat(strings("SELECT coalesce(to_regclass('pg_temp.scratch')::text, 'gone')")).containsExactly("gone"));
  }

  /**
   * The reset deallocates every prepared statement, also those pgjdbc prepared on the server once a statement
   * text had run {@code prepareThreshold} (5) times. pgjdbc sees the DEALLOCATE ALL and prepares them again.
   */
  @Test
  void theDriversServerPreparedStatementsWorkAcrossCheckouts() throws SQLException {
    for (int checkout = 0; checkout < 4; checkout++) {
      Tenant tenant = checkout % 2 == 0 ? A : B;
      TenantContext.run(tenant, () -> {
        try (Connection connection = dataSource.getConnection()) {
          for (int i = 0; i < 8; i++) {
            try (PreparedStatement select = connection.prepareStatement("SELECT tenant_id::text FROM invoice WHERE id > ?")) {
              select.setLong(1, 0);
              List<String> seen = new ArrayList<>();
              try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                  seen.add(rows.getString(1));
                }
              }
              assertThat(seen).containsExactly(id(tenant));
              if (i == 7) {
                assertThat(select.unwrap(PGStatement.class).isUseServerPrepare()).isTrue();
              }
            }
          }
        }
      });
    }
  }

  @Test
  void aManualCommitPoolResetsTheSessionToo() throws SQLException {
    try (HikariDataSource manual = TestPools.singleConnectionManualCommit(app)) {
      TenantBindingDataSource source = TenantBindingDataSource.wrap(manual, InvoiceSchema.KEYS);
      TenantContext.run(A, () -> {
        try (Connection connection = source.getConnection(); Statement statement = connection.createStatement()) {
          statement.execute("CREATE TEMP TABLE notes (secret text); SET search_path = pg_temp, public");
          connection.commit();
        }
      });
      TenantContext.run(B, () -> {
        try (Connection connection = source.getConnection(); Statement statement = connection.createStatement();
            ResultSet rows = statement.executeQuery(
                "SELECT coalesce(to_regclass('pg_temp.notes')::text, 'gone'), current_setting('search_path')")) {
          rows.next();
          assertThat(rows.getString(1)).isEqualTo("gone");
          assertThat(rows.getString(2)).isEqualTo("\"$user\", public");
          connection.commit();
        }
      });
    }
  }

  private static List<String> sessionSettings() throws SQLException {
    return strings("SELECT current_setting('search_path') UNION ALL SELECT current_setting('statement_timeout')"
        + " UNION ALL SELECT current_setting('application_name')");
  }

  private static int backendPid() throws SQLException {
    return Integer.parseInt(strings("SELECT pg_backend_pid()::text").get(0));
  }

  private static void execute(String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static List<String> strings(String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }

  private static String id(Tenant tenant) {
    return tenant.settingValues().get(0);
  }
}
