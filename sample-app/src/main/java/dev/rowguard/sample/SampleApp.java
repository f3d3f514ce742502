package dev.rowguard.sample;

import dev.rowguard.postgres.AppLogin;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.rowguard.postgres.Database;
import dev.rowguard.postgres.DevPostgres;
import dev.rowguard.runtime.RlsBypassException;
import dev.rowguard.runtime.RlsRoleCheck;
import dev.rowguard.runtime.SchemaDriftException;
import dev.rowguard.runtime.SchemaVerifier;
import dev.rowguard.runtime.TenantBindingDataSource;
import dev.rowguard.runtime.TenantKeyLevel;
import dev.rowguard.runtime.TenantKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

/**
 * The sample app's main job: migrates PostgreSQL (embedded, or the server named by {@code ROWGUARD_JDBC_URL}) with
 * Flyway to the schema of the entities in {@code dev.rowguard.sample.domain}, from the migrations Rowguard generated
 * and the jar ships ({@code db/migration}), verifies that the database now matches the model the jar was built
 * with ({@link SchemaVerifier}: it refuses to start on drift, printing the report), prints what the server holds,
 * then runs as the application would: a login role that row-level security applies to, pooled by HikariCP,
 * wrapped in a {@link TenantBindingDataSource}, checked at start-up, serving two tenants that cannot see each
 * other.
 */
public final class SampleApp {
  static final String SCHEMA_SQL = "META-INF/rowguard/schema.sql";
  static final String SCHEMA = "migration";

  /** The tenant keys declared on the domain package: a client account, then an engagement within it. */
  static final TenantKeys KEYS =
      TenantKeys.of(TenantKeyLevel.uuid("client_account_id"), TenantKeyLevel.uuid("engagement_id"));

  private SampleApp() {}

  public static void main(String[] args) throws SQLException {
    boolean drifted = false;
    try {
      run(System.out);
    } catch (SchemaDriftException e) {
      drifted = true; // The report is printed: the app does not start on a database that drifted.
    } finally {
      DevPostgres.stopShared();
    }
    if (drifted) {
      System.exit(1);
    }
  }

  static void run(PrintStream out) throws SQLException {
    DevPostgres server = DevPostgres.shared();
    try (Database database = server.createDatabase("rowguard_sample")) {
      out.println("Rowguard sample app: " + server.description() + ", database " + database.name());
      start(database, out);
    }
  }

  /** Migrates {@code database}, verifies it against the model, and runs the app on it. */
  static void start(Database database, PrintStream out) throws SQLException {
    SchemaMigrations.migrate(database.ownerDataSource(), out);
    verifySchema(database, out);
    SchemaReport.print(database.ownerDataSource(), SCHEMA, out);

    out.println();
    try (AppLogin login = AppLogin.create(database);
        HikariDataSource pool = pool(login)) {
      out.println("Application login " + login.name() + ": member of " + AppLogin.APP_ROLE
          + ", not a superuser, owns no table; pooled by HikariCP.");
      TenantBindingDataSource dataSource = TenantBindingDataSource.wrap(pool, KEYS);
      RlsRoleCheck.forSchemas(SCHEMA).verify(dataSource);
      out.println("RlsRoleCheck.forSchemas(\"" + SCHEMA + "\"): passed, row-level security applies to "
          + login.name() + ".");
      printWhatTheCheckRefuses(database, out);
      out.println();
      TenantIsolationDemo.run(dataSource, database.ownerDataSource(), out);
    }
    out.println();
    out.println("Closed the pool and dropped the login role.");
  }

  /** The start-up check after Flyway: the database must be exactly what the jar's schema.json describes. */
  static void verifySchema(Database database, PrintStream out) {
    try {
      SchemaVerifier.fromClasspath().verify(database.ownerDataSource());
      out.println("SchemaVerifier.fromClasspath(): the database matches the model the jar was built with.");
    } catch (SchemaDriftException e) {
      out.println("SchemaVerifier.fromClasspath(): refusing to start.");
      out.print(e.result().report());
      throw e;
    }
  }

  private static HikariDataSource pool(AppLogin login) {
    HikariConfig config = new HikariConfig();
    // The driver's DataSource with its own user and password: a URL with ?user=… would override them.
    config.setDataSource(login.address().dataSource());
    config.setMaximumPoolSize(2);
    config.setPoolName("rowguard-sample");
    return new HikariDataSource(config);
  }

  /** The same check run as the database owner, to show what it is for. */
  private static void printWhatTheCheckRefuses(Database database, PrintStream out) {
    try {
      RlsRoleCheck.forSchemas(SCHEMA).verify(database.ownerDataSource());
      out.println("RlsRoleCheck as the owner " + database.owner().user() + ": passed");
    } catch (RlsBypassException e) {
      String first = e.problems().get(0);
      int sentence = first.indexOf(". ");
      out.println("RlsRoleCheck as the owner " + database.owner().user() + " would refuse to start: "
          + (sentence < 0 ? first : first.substring(0, sentence + 1)));
    }
  }

  static String resource(String path) {
    try (InputStream in = SampleApp.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + " is not on the classpath: build the sample app with Rowguard's "
            + "annotation processor (mvn package) before running it");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
