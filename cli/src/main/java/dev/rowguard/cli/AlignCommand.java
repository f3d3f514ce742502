package dev.rowguard.cli;

import dev.rowguard.runtime.SchemaVerifier;
import dev.rowguard.runtime.verify.Catalog;
import dev.rowguard.runtime.verify.CatalogReader;
import dev.rowguard.runtime.verify.VerificationResult;
import dev.rowguard.schema.Schema;
import dev.rowguard.schema.SchemaJson;
import dev.rowguard.schema.migrate.Change;
import dev.rowguard.schema.migrate.MigrationFile;
import dev.rowguard.schema.migrate.MigrationRules;
import dev.rowguard.schema.migrate.MigrationScript;
import dev.rowguard.schema.migrate.Plan;
import dev.rowguard.schema.migrate.SchemaDiff;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * {@code align}: the verifier's audit, the rows that stand in the way, then the differ's plan from the live
 * database to the model, written as the next migration.
 */
final class AlignCommand {
  static final Set<String> OPTIONS = Set.of("url", "user", "password", "model", "migrations", "app-role");
  static final Set<String> FLAGS = Set.of("baseline");
  static final String DESCRIPTION = "align with model";

  static final String HELP = """
      usage: java -jar rowguard-cli.jar align --url <jdbc url> --user <role> [--password <pw>]
                                              --model <jar or schema.json> --migrations <dir>
                                              [--baseline] [--app-role <role>]

      Writes the next V<n>__align_with_model.sql in <dir> (with rowguard/V<n>.schema.json and the checksum
      manifest, as the processor keeps them) that brings a hand-kept database to the model: the migration
      differ's changes and safety rules, plus native ENUM to text with a named CHECK (USING col::text, the type
      dropped when unused), text holding timestamps to timestamptz (USING), nullable tenant keys to NOT NULL,
      missing constraints and indexes, row-level security, policies and privileges. Tables and columns the model
      does not have are kept (pending drops).

      Before it writes anything it counts the rows a conversion would reject (a NULL tenant key, a value a CHECK
      would not allow, a text that is not a timestamp); if there are any, it prints them by table and column with
      a query that finds them, writes nothing and exits 1. Counting every row needs a role that row-level
      security does not hide rows from (the owner with BYPASSRLS, or a superuser); PostgreSQL 16 or later.

        --url         the database, e.g. jdbc:postgresql://localhost:5432/app
        --user        the role to connect as
        --password    its password; default: the environment variable ROWGUARD_PASSWORD
        --model       the application's jar (META-INF/rowguard/schema.json inside it) or a schema.json
        --migrations  the Flyway migrations folder, e.g. src/main/resources/db/migration
        --baseline    also print the Flyway baseline set-up for adopting the history on this database
        --app-role    the role the schema grants to (the processor's rowguard.appRole); default rowguard_app

      Exit status: 0 the migration was written (or the database already matches), 1 rows stand in the way or a
      change needs a decision (nothing written), 2 bad usage or no connection.
      """;

  private AlignCommand() {}

  static int run(Arguments arguments, PrintStream out) throws CliException {
    arguments.requireAll("url", "user", "model", "migrations");
    String json = ModelFile.read(arguments.path("model"));
    Path migrations = arguments.path("migrations");
    String appRole = arguments.optional("app-role", SchemaVerifier.DEFAULT_APP_ROLE);
    Schema model;
    SchemaVerifier verifier;
    try {
      model = SchemaJson.read(json);
      verifier = SchemaVerifier.of(VerifyCommand.model(arguments)).withAppRole(appRole);
    } catch (IllegalArgumentException e) {
      throw new CliException("--model " + arguments.required("model") + ": " + e.getMessage(), e);
    }
    try (Connection connection = Connections.open(arguments)) {
      Catalog catalog = CatalogReader.read(connection, verifier.schemas(), appRole);
      VerificationResult verified = verifier.check(connection);
      int version = MigrationHistory.lastVersion(migrations) + 1;
      if (verified.matches()) {
        out.print(verified.report());
        out.println("align: nothing to write.");
        baseline(arguments, connection, version, out);
        return 0;
      }
      RejectedRows.requireEveryRow(connection, catalog);
      RejectedRows rows = RejectedRows.count(connection, model, catalog, verified);
      if (!rows.rejected().isEmpty()) {
        out.println("align: " + rows.rejected().size() + (rows.rejected().size() == 1 ? " conversion" : " conversions")
            + " would reject rows; nothing was written. Fix or delete these rows, then run align again:");
        rows.rejected().forEach(r -> out.println("  " + r.describe()));
        return 1;
      }
      LiveSchema live = LiveSchema.of(catalog, model, verified, rows.checkedColumns());
      Plan plan = SchemaDiff.align(live.schema(), live.database(), model, MigrationRules.NONE, appRole);
      if (!plan.refusals().isEmpty()) {
        out.println("align: " + plan.refusals().size() + (plan.refusals().size() == 1 ? " change needs" : " changes need")
            + " a decision; nothing was written:");
        plan.refusals().forEach(r -> out.println("  " + r.describe()));
        return 1;
      }
      List<MigrationFile> files = MigrationScript.render(version, DESCRIPTION, plan);
      List<String> written = MigrationHistory.write(migrations, version, files, plan.target(), appRole);
      out.println("align: " + verified.differences().size() + " differences from the model; wrote "
          + String.join(", ", written) + " in " + migrations + " (" + plan.changes().size() + " changes):");
      int number = 0;
      for (Change change : plan.changes()) {
        out.println("  " + ++number + ". " + change.summary());
      }
      plan.pendingDrops().forEach(d -> out.println("  kept (not in the model, a pending drop): " + d.describe()));
      baseline(arguments, connection, version, out);
      return 0;
    } catch (SQLException e) {
      throw Connections.failed("reading the database", e);
    }
  }

  private static void baseline(Arguments arguments, Connection connection, int version, PrintStream out)
      throws SQLException {
    if (arguments.flag("baseline")) {
      out.print(Baseline.describe(connection, version));
    }
  }
}
