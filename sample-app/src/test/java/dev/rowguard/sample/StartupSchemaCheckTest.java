package dev.rowguard.sample;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rowguard.postgres.Database;
import dev.rowguard.postgres.DevPostgres;
import dev.rowguard.runtime.SchemaDriftException;
import dev.rowguard.runtime.SchemaVerifier;
import dev.rowguard.runtime.verify.Difference;
import dev.rowguard.runtime.verify.DriftKind;
import dev.rowguard.test.RowguardDatabase;
import dev.rowguard.test.RowguardTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The sample app verifies its database after Flyway and does not start on one that drifted; the database that
 * the generated {@code schema.sql} creates matches the model too.
 */
@RowguardTest
class StartupSchemaCheckTest {
  @Test
  void refusesToStartOnADriftedCopyOfItsDatabaseAndPrintsTheReport() throws Exception {
    try (Database database = DevPostgres.shared().createDatabase("rowguard_sample_drift")) {
      SchemaMigrations.migrate(database.ownerDataSource(), new PrintStream(new ByteArrayOutputStream(), true,
          StandardCharsets.UTF_8));
      // What an owner might do by hand: a policy that opens the assets, a CHECK dropped, a column widened.
      database.executeScript("""
          CREATE POLICY support ON migration.asset FOR SELECT USING (true);
          ALTER TABLE migration.asset DROP CONSTRAINT ck_asset_six_r_strategy;
          ALTER TABLE migration.client_account ALTER COLUMN name TYPE varchar(300);
          """);
      ByteArrayOutputStream buffer = new ByteArrayOutputStream();

      SchemaDriftException e = assertThrows(SchemaDriftException.class,
          () -> SampleApp.start(database, new PrintStream(buffer, true, StandardCharsets.UTF_8)));

      assertThat(e.result().differences()).containsExactly(
          new Difference(DriftKind.COLUMN_LENGTH, "migration.client_account.name", "varchar(200)", "varchar(300)"),
          new Difference(DriftKind.CHECK_MISSING, "migration.asset.ck_asset_six_r_strategy", "CHECK (six_r_strategy"
              + " IN ('rehost', 'replatform', 'refactor', 'repurchase', 'retire', 'retain', 'lift_and_shift'))", "none"),
          new Difference(DriftKind.POLICY_EXTRA, "migration.asset.support", "none",
              "PERMISSIVE FOR SELECT TO PUBLIC, USING true"));
      String output = buffer.toString(StandardCharsets.UTF_8);
      assertThat(output).contains("Flyway applied 0 migrations");
      assertThat(output).contains("SchemaVerifier.fromClasspath(): refusing to start.\n"
          + "The database differs from the model in 3 ways (6 tables in the model):\n");
      assertThat(output).contains("\n  POLICY_EXTRA migration.asset.support: expected none, actual PERMISSIVE FOR"
          + " SELECT TO PUBLIC, USING true\n");
      assertThat(output).doesNotContain("Application login");
    }
  }

  @Test
  void theDatabaseThatSchemaSqlCreatesMatchesTheModel(RowguardDatabase database) {
    assertThat(SchemaVerifier.fromClasspath().check(database.owner()).differences()).isEmpty();
  }
}
