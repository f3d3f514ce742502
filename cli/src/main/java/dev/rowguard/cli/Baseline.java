package dev.rowguard.cli;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** {@code --baseline}: the Flyway set-up that adopts the migration history on a database Flyway never ran on. */
final class Baseline {
  private Baseline() {}

  static String describe(Connection connection, int alignVersion) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT n.nspname FROM pg_class c JOIN pg_namespace n"
            + " ON n.oid = c.relnamespace WHERE c.relname = 'flyway_schema_history' AND c.relkind = 'r'")) {
      if (row.next()) {
        return "Flyway baseline: not needed, this database has a Flyway history (" + row.getString(1)
            + ".flyway_schema_history); Flyway applies V" + alignVersion + " after the versions it recorded.\n";
      }
    }
    return "Flyway baseline: this database has no Flyway history. Adopt it at version " + MigrationHistory.BASELINE
        + ", the schema as it is now,\nso that Flyway applies V" + alignVersion + " and what follows:\n"
        + "  flyway.baselineOnMigrate=true\n"
        + "  flyway.baselineVersion=" + MigrationHistory.BASELINE + "\n"
        + "  flyway.baselineDescription=hand-kept schema before Rowguard\n"
        + "  (in Java: Flyway.configure().baselineOnMigrate(true).baselineVersion(\"" + MigrationHistory.BASELINE
        + "\"); Spring Boot: spring.flyway.baseline-on-migrate=true, spring.flyway.baseline-version="
        + MigrationHistory.BASELINE + ")\n"
        + "Run Flyway as the schema owner. A new, empty database needs version " + MigrationHistory.BASELINE
        + " itself: save pg_dump --schema-only of this\ndatabase as V" + MigrationHistory.BASELINE
        + "__baseline.sql in the migrations folder, and add its line to rowguard/checksums.sha256\n"
        + "(sha256sum V" + MigrationHistory.BASELINE + "__baseline.sql).\n";
  }
}
