package dev.rowguard.runtime;

import static com.google.common.truth.Truth.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.rowguard.postgres.Database;
import dev.rowguard.postgres.DevPostgres.ServerAddress;
import dev.rowguard.postgres.PostgresExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Citus's binding on plain PostgreSQL, as a non-owner login: what needs no cluster. The literals reach the server
 * as the exact values, whatever {@code standard_conforming_strings} says; the binding holds inside its transaction
 * only, so a statement outside it sees no tenant and no rows.
 */
@ExtendWith(PostgresExtension.class)
class TransactionScopedBindingTest {
  private static final Tenant A = InvoiceSchema.KEYS.tenant(UUID.fromString("00000000-0000-0000-0000-0000000000c1"));
  private static final TenantKeys TEXT = TenantKeys.of(TenantKeyLevel.of("region", String.class));

  private static Database database;
  private static TestRoles roles;
  private static ServerAddress app;
  private static HikariDataSource pool;
  private static TenantBindingDataSource citus;

  @BeforeAll
  static void createSchema(Database db) {
    database = db;
    roles = new TestRoles(database);
    app = roles.create("citusapp", "NOINHERIT");
    InvoiceSchema.create(database, app.user());
    pool = TestPools.singleConnection(app);
    citus = TenantBindingDataSource.wrap(pool, InvoiceSchema.KEYS, TenantBinding.transactionScoped());
    database.executeScript("INSERT INTO invoice VALUES (9001, '" + A.values().get(0) + "', 12)");
  }

  @AfterAll
  static void dropRoles() {
    pool.close();
    roles.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"on", "off"})
  void aStringValueArrivesExactly(String standardConformingStrings) throws SQLException {
    String value = "eu'west\\1; RESET ALL; --";
    try (Connection connection = app.dataSource().getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("SET standard_conforming_strings = " + standardConformingStrings);
      connection.setAutoCommit(false);
      TenantBinding.transactionScoped().bindTransaction(connection, TEXT, List.of(value));
      assertThat(setting(statement, "rowguard.region")).isEqualTo(value);
      assertThat(setting(statement, "citus.propagate_set_commands")).isEqualTo("local");
      connection.commit();
      assertThat(setting(statement, "rowguard.region")).isEmpty();
    }
  }

  @Test
  void aStatementOutsideTheBoundTransactionSeesNoTenant() throws SQLException {
    TenantContext.run(A, () -> {
      try (Connection connection = citus.getConnection(); Statement statement = connection.createStatement()) {
        assertThat(count(statement)).isEqualTo(1); // auto-commit: a transaction of its own, bound
        Connection physical = (Connection) connection.unwrap(org.postgresql.PGConnection.class);
        try (Statement unbound = physical.createStatement()) {
          assertThat(setting(unbound, "rowguard.tenant_id")).isEmpty();
          assertThat(count(unbound)).isEqualTo(0);
        }
      }
    });
  }

  @Test
  void aManualTransactionIsBoundOnceAndTheBindingEndsWithIt() throws SQLException {
    TenantContext.run(A, () -> {
      try (Connection connection = citus.getConnection(); Statement statement = connection.createStatement()) {
        connection.setAutoCommit(false);
        assertThat(count(statement)).isEqualTo(1);
        assertThat(setting(statement, "rowguard.tenant_id")).isEqualTo(A.values().get(0).toString());
        connection.commit();
        Connection physical = (Connection) connection.unwrap(org.postgresql.PGConnection.class);
        try (Statement unbound = physical.createStatement()) {
          assertThat(count(unbound)).isEqualTo(0);
        }
        connection.rollback();
        connection.setAutoCommit(true);
      }
    });
  }

  private static long count(Statement statement) throws SQLException {
    try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM invoice")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static String setting(Statement statement, String name) throws SQLException {
    try (ResultSet rows = statement.executeQuery("SELECT current_setting('" + name + "', true)")) {
      rows.next();
      return rows.getString(1) == null ? "" : rows.getString(1);
    }
  }
}
