package dev.rowguard.sample;

import java.io.PrintStream;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Start-up migration: Flyway applies, as the schema owner, the migrations that Rowguard generated from the entities
 * and that the jar ships in {@code db/migration}. A database already at the last version gets nothing; the app
 * migrates twice to show it.
 */
final class SchemaMigrations {
  static final String LOCATION = "classpath:db/migration";

  private SchemaMigrations() {}

  static void migrate(DataSource owner, PrintStream out) {
    Flyway flyway = Flyway.configure().dataSource(owner).locations(LOCATION).load();
    MigrateResult first = flyway.migrate();
    out.println("Flyway applied " + first.migrationsExecuted + " migrations from " + LOCATION + ": "
        + first.migrations.stream().map(m -> "V" + m.version).collect(Collectors.joining(", ")) + ".");
    MigrateResult second = flyway.migrate();
    out.println("Flyway again: " + second.migrationsExecuted + " migrations applied, the schema is at version "
        + flyway.info().current().getVersion() + ".");
  }
}
