package dev.rowguard.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import dev.rowguard.postgres.AppLogin;
import dev.rowguard.postgres.Database;
import dev.rowguard.postgres.PostgresExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Citus target's script on plain PostgreSQL, without its {@code create_…_table} calls (which need Citus; the
 * cluster tests run them): the tables, keys led by the root key, foreign keys added afterwards, the tenant
 * functions and the policies through them apply, and the policies isolate tenants for a non-owner login.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CitusScriptOnPostgresTest {
  private Database database;
  private AppLogin login;

  @BeforeAll
  void apply(Database database) {
    this.database = database;
    Compilation compilation = Compilations.compile(Compilations.fixture("hierarchy"), "-Arowguard.target=citus");
    assertThat(compilation).succeeded();
    String script = Compilations.schemaSql(compilation);
    assertThat(script).contains("SELECT create_distributed_table('public.audit_event', 'org_id'");
    database.executeScript(script.lines().filter(line -> !line.startsWith("SELECT create_"))
        .collect(Collectors.joining("\n")));
    database.executeScript("""
        INSERT INTO organisation (id, name) VALUES (1, 'one'), (2, 'two');
        INSERT INTO workspace (id, org_id, slug) VALUES (10, 1, 'a'), (20, 2, 'b');
        INSERT INTO audit_event (org_id, workspace_id, occurred_at) VALUES (1, 10, now()), (2, 20, now());
        """);
    login = AppLogin.create(database);
  }

  @AfterAll
  void close() {
    login.close();
  }

  @Test
  void theTenantFunctionsAreStableAndReadTheSetting() throws SQLException {
    try (Connection owner = database.ownerDataSource().getConnection(); Statement statement = owner.createStatement();
        ResultSet row = statement.executeQuery("SELECT provolatile, pg_get_userbyid(proowner) = current_user "
            + "FROM pg_proc WHERE oid = 'public.rowguard_org_id()'::regprocedure")) {
      assertThat(row.next()).isTrue();
      assertThat(row.getString(1)).isEqualTo("s");
      assertThat(row.getBoolean(2)).isTrue();
    }
  }

  @Test
  void aBoundTenantSeesOnlyItsRowsAndNoTenantSeesNone() throws SQLException {
    try (Connection connection = login.address().dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      assertThat(count(statement, "audit_event")).isEqualTo(0);
      connection.setAutoCommit(false);
      statement.execute("SET LOCAL rowguard.org_id = '1'; SET LOCAL rowguard.workspace_id = '10'");
      assertThat(count(statement, "workspace")).isEqualTo(1);
      assertThat(count(statement, "audit_event")).isEqualTo(1);
      SQLException refused = assertThrows(SQLException.class, () -> statement.executeUpdate(
          "INSERT INTO audit_event (org_id, workspace_id, occurred_at) VALUES (2, 20, now())"));
      assertThat(refused.getSQLState()).isEqualTo("42501");
      connection.rollback();
      assertThat(count(statement, "workspace")).isEqualTo(0);
    }
  }

  /** Workspace 20 is organisation 2's: the foreign key, led by the root key, refuses it even to the owner. */
  @Test
  void aReferenceMustStayWithinTheRootTenant() throws SQLException {
    try (Connection owner = database.ownerDataSource().getConnection(); Statement statement = owner.createStatement()) {
      SQLException refused = assertThrows(SQLException.class, () -> statement.executeUpdate(
          "INSERT INTO audit_event (org_id, workspace_id, occurred_at) VALUES (1, 20, now())"));
      assertThat(refused.getSQLState()).isEqualTo("23503");
    }
  }

  private static long count(Statement statement, String table) throws SQLException {
    try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
