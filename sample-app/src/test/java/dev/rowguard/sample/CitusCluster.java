package dev.rowguard.sample;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.rowguard.runtime.TenantBinding;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The Citus cluster the {@code -Pcitus} tests run against: {@code ROWGUARD_CITUS_URL} ({@code
 * jdbc:postgresql://host:port/database}, the coordinator, Citus installed and its workers added), with {@code
 * ROWGUARD_CITUS_USER} and {@code ROWGUARD_CITUS_PASSWORD}, a superuser there. {@link #withFreshSchema()} drops the
 * sample's schema and applies the generated {@code schema.sql} (built with {@code -Arowguard.target=citus}) as
 * that owner, and logs the application in as {@value #LOGIN}: a member of the application role, no owner, no
 * superuser, so row-level security applies to it on every node.
 */
final class CitusCluster {
  static final String URL = "ROWGUARD_CITUS_URL";
  static final String USER = "ROWGUARD_CITUS_USER";
  static final String PASSWORD = "ROWGUARD_CITUS_PASSWORD";
  static final String LOGIN = "rowguard_citus_login";
  private static final String LOGIN_PASSWORD = "rowguard-citus-login";

  final DataSource owner;
  final DataSource appLogin;

  private CitusCluster(DataSource owner, DataSource appLogin) {
    this.owner = owner;
    this.appLogin = appLogin;
  }

  static CitusCluster withFreshSchema() throws SQLException {
    String url = System.getenv(URL);
    if (url == null || url.isBlank()) {
      throw new IllegalStateException(URL + " is not set. The Citus tests need a cluster: set " + URL
          + "=jdbc:postgresql://host:port/database (the coordinator, with Citus installed and its workers added), "
          + USER + " and " + PASSWORD + " (a superuser there), and run mvn -Pcitus");
    }
    PGSimpleDataSource owner = dataSource(url, env(USER, "postgres"), env(PASSWORD, ""));
    String script = GeneratedSchema.script();
    if (!script.contains("create_distributed_table(")) {
      throw new IllegalStateException("the sample's schema.sql is not Citus's: build it with -Pcitus "
          + "(-Arowguard.target=citus)");
    }
    try (Connection connection = owner.getConnection(); Statement statement = connection.createStatement()) {
      try (ResultSet workers = statement.executeQuery(
          "SELECT count(*) FROM pg_dist_node WHERE noderole = 'primary' AND shouldhaveshards")) {
        workers.next();
        assertWithMessage("%s names a Citus coordinator without workers that hold shards; add them with "
            + "citus_add_node", URL).that(workers.getInt(1)).isAtLeast(1);
      }
      statement.execute("DROP SCHEMA IF EXISTS " + SampleApp.SCHEMA + " CASCADE");
      // One transaction, statement by statement, as Flyway or psql -1 applies it: Citus refuses the script as one
      // multi-statement message (it cannot reach the coordinator's uncommitted schema from its own connections).
      connection.setAutoCommit(false);
      for (String sql : statements(script)) {
        statement.execute(sql);
      }
      connection.commit();
      connection.setAutoCommit(true);
      statement.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + LOGIN + "') THEN "
          + "CREATE ROLE " + LOGIN + " LOGIN PASSWORD '" + LOGIN_PASSWORD + "'; END IF; END $$");
      statement.execute("GRANT rowguard_app TO " + LOGIN);
    }
    return new CitusCluster(owner, dataSource(url, LOGIN, LOGIN_PASSWORD));
  }

  /** The application's pooled, tenant-binding data source with Citus's binding; {@code seed} for its keys. */
  PooledSampleDatabase pooled(long seed) {
    return pooled(appLogin, seed);
  }

  /** As {@link #pooled(long)}, the application logging in through {@code login}. */
  PooledSampleDatabase pooled(DataSource login, long seed) {
    return new PooledSampleDatabase(owner, login, TenantBinding.transactionScoped(), seed);
  }

  /**
   * The statements of a generated script: each ends with a line ending in {@code ;}, outside the {@code
   * $rowguard$} quotes of its DO block and functions.
   */
  static List<String> statements(String script) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (String line : script.split("\n")) {
      if (line.startsWith("--") && current.length() == 0) {
        continue;
      }
      current.append(line).append('\n');
      quoted ^= (line.split("\\$rowguard\\$", -1).length - 1) % 2 == 1;
      if (!quoted && line.endsWith(";")) {
        statements.add(current.toString());
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      throw new IllegalStateException("schema.sql ends inside a statement: " + current);
    }
    return statements;
  }

  private static PGSimpleDataSource dataSource(String url, String user, String password) {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(url);
    dataSource.setUser(user);
    dataSource.setPassword(password);
    return dataSource;
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
