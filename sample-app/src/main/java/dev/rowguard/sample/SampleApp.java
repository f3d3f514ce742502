package dev.rowguard.sample;

import dev.rowguard.postgres.Database;
import dev.rowguard.postgres.DevPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

/**
 * The sample app's main job: applies the schema that Rowguard generated from the entities in {@code
 * dev.rowguard.sample.domain} to PostgreSQL (embedded, or the server named by {@code ROWGUARD_JDBC_URL}) and
 * prints what the server now holds.
 */
public final class SampleApp {
  static final String SCHEMA_SQL = "META-INF/rowguard/schema.sql";

  private SampleApp() {}

  public static void main(String[] args) throws SQLException {
    run(System.out);
  }

  static void run(PrintStream out) throws SQLException {
    DevPostgres server = DevPostgres.shared();
    try (Database database = server.createDatabase("rowguard_sample")) {
      out.println("Rowguard sample app: " + server.description() + ", database " + database.name());
      database.executeScript(resource(SCHEMA_SQL));
      out.println("Applied " + SCHEMA_SQL + " from the sample app's jar.");
      SchemaReport.print(database.ownerDataSource(), "migration", out);
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
