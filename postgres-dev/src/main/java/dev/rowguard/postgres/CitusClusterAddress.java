package dev.rowguard.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * ROWGUARD_CITUS_USER} (default {@code postgres}) and {@code ROWGUARD_CITUS_PASSWORD}, a superuser there.
 */
public final class CitusClusterAddress {
  public static final String URL = "ROWGUARD_CITUS_URL";
  public static final String USER = "ROWGUARD_CITUS_USER";
  public static final String PASSWORD = "ROWGUARD_CITUS_PASSWORD";

  private final String url;
  private final DataSource superuser;

  private CitusClusterAddress(String url, DataSource superuser) {
    this.url = url;
    this.superuser = superuser;
  }

  /**
   * The cluster the environment names, checked to be a coordinator with workers that hold shards.
   *
   * @throws IllegalStateException when {@value #URL} is not set, saying what to set
   */
  public static CitusClusterAddress fromEnvironment() {
    String url = System.getenv(URL);
    if (url == null || url.isBlank()) {
      throw new IllegalStateException(URL + " is not set. The Citus tests need a cluster: set " + URL
          + "=jdbc:postgresql://host:port/database (the coordinator, with Citus installed and its workers added), "
          + USER + " and " + PASSWORD + " (a superuser there), and run mvn -Pcitus");
    }
    CitusClusterAddress cluster = new CitusClusterAddress(url, login(url, env(USER, "postgres"), env(PASSWORD, "")));
    try (Connection connection = cluster.superuser.getConnection(); Statement statement = connection.createStatement();
        ResultSet workers = statement.executeQuery(
            "SELECT count(*) FROM pg_dist_node WHERE noderole = 'primary' AND shouldhaveshards")) {
      workers.next();
      if (workers.getInt(1) < 1) {
        throw new IllegalStateException(URL + " names a Citus coordinator without workers that hold shards; add "
            + "them with citus_add_node");
      }
    } catch (SQLException e) {
      throw new IllegalStateException(URL + "=" + url + " is not a Citus coordinator this login can use: "
          + e.getMessage(), e);
    }
    return cluster;
  }

  /** The superuser login of the coordinator. */
  public DataSource superuser() {
    return superuser;
  }

  /** Another login on the coordinator (the workers must accept it from the coordinator too). */
  public DataSource as(String user, String password) {
    return login(url, user, password);
  }

  /**
   * Runs a generated script as Flyway would: statement by statement, in one transaction on one connection (Citus
   * refuses DDL and distribution sent as one multi-statement message).
   */
  public static void executeInOneTransaction(DataSource login, String script) {
    try (Connection connection = login.getConnection()) {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        for (String sql : statements(script)) {
          statement.execute(sql);
        }
        connection.commit();
      } catch (SQLException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("script failed on the Citus cluster: " + e.getMessage() + "\n" + script, e);
    }
  }

  /**
   * Applies one migration file as Flyway does: in one transaction, statement by statement, or, when a {@code .conf}
   * beside it says {@code executeInTransaction=false}, each statement on its own.
   */
  public static void applyMigration(DataSource login, Path file) {
    String sql;
    try {
      sql = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (Files.exists(Path.of(file + ".conf"))) {
      statements(sql).forEach(statement -> executeOutsideTransaction(login, statement));
    } else {
      executeInOneTransaction(login, sql);
    }
  }

  /** One statement in auto-commit mode, as Flyway runs the files marked {@code executeInTransaction=false}. */
  public static void executeOutsideTransaction(DataSource login, String sql) {
    try (Connection connection = login.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("statement failed on the Citus cluster: " + e.getMessage() + "\n" + sql, e);
    }
  }

  /**
   * The statements of a generated script: each ends with a line ending in {@code ;}, outside the {@code
   * $rowguard$} quotes of its DO blocks and functions; comment lines between statements are left out.
   */
  public static List<String> statements(String script) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (String line : script.split("\n")) {
      if (line.startsWith("--") && current.length() == 0 || line.isBlank() && current.length() == 0) {
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
      throw new IllegalStateException("the script ends inside a statement: " + current);
    }
    return statements;
  }

  private static DataSource login(String url, String user, String password) {
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
