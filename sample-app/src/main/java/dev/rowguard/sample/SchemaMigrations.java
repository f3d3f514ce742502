package dev.rowguard.sample;

import java.io.PrintStream;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

/**
 * Start-up migration: Flyway applies, as the schema owner, the migrations that Rowguard generated from the entities
 * and that the jar ships in {@code db/migration}. A database already at the last version gets nothing; the app
 * migrates twice to show it.
 */
final class SchemaMigrations {
  static final String LOCATION = "classpath:db/migration";

  private SchemaMigrations() {}

  static void migrate(DataSource owner, PrintStream out) {
    FluentConfiguration configuration = Flyway.configure().dataSource(owner).locations(LOCATION);
    // Flyway's default lock holds a transaction open on a second connection, and CREATE INDEX CONCURRENTLY waits
    // for every open transaction to end: with it, the concurrent migrations would wait forever.
    configuration.getConfigurationExtension(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
    Flyway flyway = configuration.load();
    MigrateResult first = flyway.migrate();
    out.println("Flyway applied " + first.migrationsExecuted + " migrations from " + LOCATION + ": "
        + first.migrations.stream().map(m -> "V" + m.version).collect(Collectors.joining(", ")) + ".");
    MigrateResult second = flyway.migrate();
    out.println("Flyway again: " + second.migrationsExecuted + " migrations applied, the schema is at version "
        + flyway.info().current().getVersion() + ".");
  }
}
