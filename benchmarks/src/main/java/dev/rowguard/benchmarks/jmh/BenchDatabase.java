package dev.rowguard.benchmarks.jmh;

import dev.rowguard.postgres.Database;
import dev.rowguard.postgres.DevPostgres;
import dev.rowguard.postgres.DevPostgres.ServerAddress;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * A database of its own on the development server, with a login role that owns nothing and is neither superuser
 * nor {@code BYPASSRLS}, so that row-level security applies to it. The login has no privileges until a script
 * grants them. Both are dropped on {@link #close()}.
 *
 * <p>A runner loads it once and hands it to its JMH forks as system properties ({@link #forkProperties()}); a
 * fork finds it with {@link #inFork()}.
 */
public final class BenchDatabase implements AutoCloseable {
  private static final String LOGIN = "rowguard.bench.login.";
  private static final String OWNER = "rowguard.bench.owner.";
  private static final String PLAIN = "rowguard.bench.plain.";

  private final DevPostgres server;
  private final Database database;
  private final ServerAddress login;
  private final ServerAddress plain;

  private BenchDatabase(DevPostgres server, Database database, ServerAddress login, ServerAddress plain) {
    this.server = server;
    this.database = database;
    this.login = login;
    this.plain = plain;
  }

  /** Creates the database (its name starts with {@code prefix}) and the login role. */
  public static BenchDatabase create(DevPostgres server, String prefix) {
    Database database = server.createDatabase(prefix);
    // Database names are [a-z0-9_] and unique per process (see DevPostgres.createDatabase): no quoting needed.
    String role = database.name() + "_login";
    String password = "bench-" + UUID.randomUUID();
    try {
      database.executeScript("CREATE ROLE " + role + " LOGIN INHERIT NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE "
          + "PASSWORD '" + password + "';\n"
          // The baseline of the plain-pool contenders: what an application without row-level security runs as.
          + "CREATE ROLE " + role + "_plain LOGIN INHERIT NOSUPERUSER BYPASSRLS NOCREATEDB NOCREATEROLE "
          + "PASSWORD '" + password + "'");
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
    return new BenchDatabase(server, database, database.owner().as(role, password),
        database.owner().as(role + "_plain", password));
  }

  public Database database() {
    return database;
  }

  /** The non-owner login on this database. */
  public ServerAddress login() {
    return login;
  }

  /**
   * A login with {@code BYPASSRLS} (grant it the application role's privileges): row-level security does not
   * apply to it, so only the queries' own {@code tenant_id = ?} filters. The baseline that enforces nothing.
   */
  public ServerAddress plain() {
    return plain;
  }

  /** The administrative login on this database, which owns what the scripts create. */
  public ServerAddress owner() {
    return database.owner();
  }

  /**
   * Runs {@code statements} one by one as the owner, in auto-commit mode (so that {@code VACUUM} may be among
   * them), and logs each one's first line and time to {@code log} if not null. Drops nothing on failure.
   */
  public void run(List<String> statements, PrintStream log) {
    try (Connection owner = database.ownerDataSource().getConnection();
        Statement statement = owner.createStatement()) {
      for (String sql : statements) {
        long start = System.nanoTime();
        statement.execute(sql);
        if (log != null) {
          log.printf(Locale.ROOT, "  %6d ms  %s%n", (System.nanoTime() - start) / 1_000_000,
              sql.lines().findFirst().orElse(""));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("loading benchmark database " + database.name() + " failed: " + e.getMessage(),
          e);
    }
  }

  /** The JVM arguments through which a fork finds this database: both logins as system properties. */
  public List<String> forkProperties() {
    return List.of(
        "-D" + LOGIN + "url=" + login.url(), "-D" + LOGIN + "user=" + login.user(),
        "-D" + LOGIN + "password=" + login.password(),
        "-D" + OWNER + "url=" + owner().url(), "-D" + OWNER + "user=" + owner().user(),
        "-D" + OWNER + "password=" + owner().password(),
        "-D" + PLAIN + "url=" + plain.url(), "-D" + PLAIN + "user=" + plain.user(),
        "-D" + PLAIN + "password=" + plain.password());
  }

  /** The database a runner handed to this fork, if any. */
  public static Optional<Logins> inFork() {
    if (System.getProperty(LOGIN + "url") == null) {
      return Optional.empty();
    }
    return Optional.of(new Logins(address(LOGIN), address(OWNER), address(PLAIN)));
  }

  private static ServerAddress address(String prefix) {
    return new ServerAddress(System.getProperty(prefix + "url"), System.getProperty(prefix + "user"),
        System.getProperty(prefix + "password", ""));
  }

  /** The logins of a benchmark database, as a fork sees them. */
  public record Logins(ServerAddress login, ServerAddress owner, ServerAddress plain) {}

  /** Drops the database and the login role. */
  @Override
  public void close() {
    database.close();
    try (Connection admin = server.adminDataSource().getConnection();
        Statement statement = admin.createStatement()) {
      statement.execute("DROP ROLE IF EXISTS " + login.user());
      statement.execute("DROP ROLE IF EXISTS " + plain.user());
    } catch (SQLException e) {
      throw new IllegalStateException("could not drop role " + login.user() + ": " + e.getMessage(), e);
    }
  }
}
