package dev.rowguard.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real PostgreSQL server for tests, benchmarks and the sample app.
 *
 * <p>When {@value #URL_VARIABLE} is set, that server is used, logged in as {@value #USER_VARIABLE} with
 * {@value #PASSWORD_VARIABLE}; the role needs {@code CREATEDB} and {@code CREATEROLE}, because every caller
 * gets a fresh database of its own. Otherwise an embedded server (from Maven Central) is started once per JVM
 * and stopped when the JVM exits.
 */
public final class DevPostgres {
  public static final String URL_VARIABLE = "ROWGUARD_JDBC_URL";
  public static final String USER_VARIABLE = "ROWGUARD_JDBC_USER";
  public static final String PASSWORD_VARIABLE = "ROWGUARD_JDBC_PASSWORD";

  private static final Object LOCK = new Object();
  private static DevPostgres shared;

  private final ServerAddress admin;
  private final String description;
  private final EmbeddedPostgres embedded;
  private final AtomicInteger databases = new AtomicInteger();

  private DevPostgres(ServerAddress admin, String description, EmbeddedPostgres embedded) {
    this.admin = admin;
    this.description = description;
    this.embedded = embedded;
  }

  /** The server of this JVM, started on first use. */
  public static DevPostgres shared() {
    synchronized (LOCK) {
      if (shared == null) {
        shared = start();
      }
      return shared;
    }
  }

  private static DevPostgres start() {
    String url = System.getenv(URL_VARIABLE);
    if (url != null && !url.isBlank()) {
      ServerAddress address =
          new ServerAddress(url, orEmpty(System.getenv(USER_VARIABLE)), orEmpty(System.getenv(PASSWORD_VARIABLE)));
      try {
        address.dataSource().getConnection().close();
        return new DevPostgres(address, "PostgreSQL at " + url, null);
      } catch (SQLException e) {
        throw new PostgresUnavailableException(
            "cannot connect to " + URL_VARIABLE + "=" + url + " as '" + address.user() + "': " + e.getMessage()
                + ". Check the URL, " + USER_VARIABLE + " and " + PASSWORD_VARIABLE
                + ", or unset " + URL_VARIABLE + " to use the embedded server.",
            e);
      }
    }
    try {
      EmbeddedPostgres embedded =
          EmbeddedPostgres.builder()
              // Throwaway data: durability settings only cost time here.
              .setServerConfig("fsync", "off")
              .setServerConfig("synchronous_commit", "off")
              .setServerConfig("full_page_writes", "off")
              .setServerConfig("max_connections", "200")
              .start();
      Runtime.getRuntime().addShutdownHook(new Thread(DevPostgres::stopShared, "rowguard-postgres-stop"));
      // A URL without user=…, so that a login given separately (a test's non-owner role) is the one used.
      ServerAddress address =
          new ServerAddress("jdbc:postgresql://localhost:" + embedded.getPort() + "/postgres", "postgres", "");
      return new DevPostgres(address, "embedded PostgreSQL on port " + embedded.getPort(), embedded);
    } catch (IOException | RuntimeException e) {
      throw new PostgresUnavailableException(
          "the embedded PostgreSQL did not start (" + e.getMessage() + "). Provide a server instead: set "
              + URL_VARIABLE + " (e.g. jdbc:postgresql://localhost:5432/postgres), " + USER_VARIABLE + " and "
              + PASSWORD_VARIABLE + " for a role with CREATEDB and CREATEROLE.",
          e);
    }
  }

  /** Where the server is, for messages. */
  public String description() {
    return description;
  }

  /** A data source on the server's administrative database, logged in as the administrative role. */
  public DataSource adminDataSource() {
    return admin.dataSource();
  }

  /** The administrative login: a superuser for the embedded server, whatever was configured otherwise. */
  public ServerAddress admin() {
    return admin;
  }

  /** Creates an empty database whose name starts with {@code prefix}; the caller drops it when done. */
  public Database createDatabase(String prefix) {
    String name = (prefix + "_" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet())
        .toLowerCase(java.util.Locale.ROOT)
        .replaceAll("[^a-z0-9_]", "_");
    execute("CREATE DATABASE " + name);
    return new Database(this, name, admin.withDatabase(name));
  }

  void dropDatabase(String name) {
    execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  private void execute(String sql) {
    try (Connection connection = admin.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + " failed on " + description + ": " + e.getMessage(), e);
    }
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }

  /**
   * Stops the embedded server, if this JVM started one; the next {@link #shared()} starts a new one. A shutdown
   * hook calls it too, but a program run inside another JVM (Maven's {@code exec:java}) must call it itself:
   * by the time that JVM's hooks run, the program's class loader is closed.
   */
  public static void stopShared() {
    synchronized (LOCK) {
      if (shared != null && shared.embedded != null) {
        try {
          shared.embedded.close();
        } catch (IOException ignored) {
          // The server's directory is temporary; nothing more to clean up.
        }
      }
      shared = null;
    }
  }

  /** A JDBC URL with the login that goes with it. */
  public record ServerAddress(String url, String user, String password) {
    public DataSource dataSource() {
      PGSimpleDataSource dataSource = new PGSimpleDataSource();
      dataSource.setUrl(url);
      dataSource.setUser(user);
      dataSource.setPassword(password);
      return dataSource;
    }

    /** The same server and login on another database. */
    public ServerAddress withDatabase(String database) {
      return new ServerAddress(JdbcUrls.withDatabase(url, database), user, password);
    }

    /** The same server and database with another login. */
    public ServerAddress as(String otherUser, String otherPassword) {
      return new ServerAddress(url, otherUser, otherPassword);
    }
  }

  /** Thrown when no PostgreSQL can be had; the message says how to provide one. */
  public static final class PostgresUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PostgresUnavailableException(String message, Throwable cause) {
      super("PostgreSQL is required but not available: " + message, cause);
    }
  }
}
