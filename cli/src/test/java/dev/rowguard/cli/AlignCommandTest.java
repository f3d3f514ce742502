package dev.rowguard.cli;

import static com.google.common.truth.Truth.assertThat;

import dev.rowguard.postgres.Database;
import dev.rowguard.postgres.PostgresExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code align} on the hand-kept database: it refuses while rows stand in the way and names them with a query
 * each; once they are fixed it writes a migration that Flyway applies on the baseline it prints, after which
 * {@code verify} passes and every other row is still there, with converted values.
 */
@ExtendWith(PostgresExtension.class)
class AlignCommandTest {
  private static final String A1 = "00000000-0000-0000-0000-0000000000a1";
  private static final String A2 = "00000000-0000-0000-0000-0000000000a2";

  @Test
  void refusesWhileRowsStandInTheWayThenWritesAMigrationThatAppliesAndKeepsEveryRow(Database database,
      @TempDir Path migrations) throws Exception {
    HandKeptDatabase.create(database);
    Map<String, String> env = Map.of("ROWGUARD_PASSWORD", database.owner().password());
    String[] align = args(database, "align", "--migrations", migrations.toString(), "--baseline");

    Cli refused = Cli.run(env, align);

    assertThat(refused.status()).isEqualTo(1);
    assertThat(refused.out()).isEqualTo("""
        align: 4 conversions would reject rows; nothing was written. Fix or delete these rows, then run align again:
          crm.member.account_id: 1 row with a NULL tenant key: they belong to no tenant, and the key becomes NOT NULL
            SELECT * FROM crm.member WHERE account_id IS NULL;
          crm.member.role: 1 row with a value the model's CHECK does not allow (it allows owner, admin, viewer)
            SELECT * FROM crm.member WHERE role IS NOT NULL AND role::text NOT IN ('owner', 'admin', 'viewer');
          crm.invoice.issued_at: 1 row with a text that is not a timestamptz
            SELECT * FROM crm.invoice WHERE issued_at IS NOT NULL AND NOT pg_input_is_valid(issued_at, 'timestamptz');
          crm.invoice.status: 1 row with a value the CHECK ck_invoice_status does not allow
            SELECT * FROM crm.invoice WHERE NOT (status IN ('draft', 'sent', 'paid'));
        """);
    assertThat(files(migrations)).isEmpty();
    // Each query finds exactly the row it counted.
    assertThat(rows(database, "SELECT id FROM crm.member WHERE account_id IS NULL")).containsExactly("4");
    assertThat(rows(database, "SELECT id FROM crm.invoice WHERE NOT (status IN ('draft', 'sent', 'paid'))"))
        .containsExactly("2");

    // The team decides: the orphan belongs to Contoso, the guest becomes a viewer, the void invoice goes, the
    // unreadable date is looked up; the legacy column and the import table are not wanted any more.
    database.executeScript("""
        UPDATE crm.member SET account_id = '%s' WHERE id = 4;
        UPDATE crm.member SET role = 'viewer' WHERE id = 3;
        DELETE FROM crm.invoice WHERE id = 2;
        UPDATE crm.invoice SET issued_at = '2024-04-08 09:00:00+00' WHERE id = 3;
        ALTER TABLE crm.account DROP COLUMN legacy_code;
        DROP TABLE crm.tmp_import;
        """.formatted(A2));
    Cli written = Cli.run(env, align);

    assertThat(written.status()).isEqualTo(0);
    assertThat(files(migrations)).containsExactly("V2.1__align_with_model_concurrently.sql",
        "V2.1__align_with_model_concurrently.sql.conf", "V2.2__align_with_model_constraints.sql",
        "V2__align_with_model.sql", "rowguard/V2.schema.json",
        "rowguard/V2.settings", "rowguard/checksums.sha256");
    assertThat(written.out()).startsWith("align: 34 differences from the model; wrote V2__align_with_model.sql,"
        + " V2.1__align_with_model_concurrently.sql, V2.1__align_with_model_concurrently.sql.conf,"
        + " V2.2__align_with_model_constraints.sql,"
        + " rowguard/V2.schema.json, rowguard/V2.settings, rowguard/checksums.sha256 in " + migrations + " (38 changes):\n");
    assertThat(written.out()).contains("\nFlyway baseline: this database has no Flyway history. Adopt it at version"
        + " 1, the schema as it is now,\nso that Flyway applies V2 and what follows:\n"
        + "  flyway.baselineOnMigrate=true\n  flyway.baselineVersion=1\n");
    String migration = Files.readString(migrations.resolve("V2__align_with_model.sql"), StandardCharsets.UTF_8);
    assertThat(migration).contains("ALTER TABLE crm.member ALTER COLUMN role TYPE text USING role::text;\n");
    assertThat(migration).contains("ALTER TABLE crm.member ADD CONSTRAINT ck_member_role CHECK (role IN ('owner',"
        + " 'admin', 'viewer')) NOT VALID;\n");
    assertThat(migration).contains("DROP TYPE crm.member_role;\n");
    assertThat(migration).contains("DROP TYPE crm.memberrole;\n");
    assertThat(migration).contains("ALTER TABLE crm.member ALTER COLUMN joined_at DROP DEFAULT;\n"
        + "-- Lock: ACCESS EXCLUSIVE on crm.member while the table is rewritten\n"
        + "ALTER TABLE crm.member ALTER COLUMN joined_at TYPE timestamptz USING joined_at::timestamptz;\n");
    assertThat(migration).contains("ALTER TABLE crm.member ALTER COLUMN account_id SET NOT NULL;\n");
    assertThat(migration).contains("DROP POLICY support_read ON crm.member;\n");
    assertThat(migration).contains("ALTER TABLE crm.invoice FORCE ROW LEVEL SECURITY;\n");
    assertThat(migration).contains("REVOKE ALL ON crm.account FROM rowguard_app;\nGRANT SELECT ON crm.account TO"
        + " rowguard_app;\n");

    FluentConfiguration flyway = Flyway.configure().dataSource(database.ownerDataSource())
        .locations("filesystem:" + migrations).baselineOnMigrate(true).baselineVersion("1");
    flyway.getConfigurationExtension(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
    assertThat(flyway.load().migrate().migrationsExecuted).isEqualTo(3); // V2, V2.1 and V2.2.

    Cli verified = Cli.run(env, args(database, "verify"));
    assertThat(verified.out()).isEqualTo("The database matches the model: 6 tables, no difference.\n");
    assertThat(verified.status()).isEqualTo(0);
    assertThat(Cli.run(env, align).out()).startsWith("The database matches the model: 6 tables, no difference.\n"
        + "align: nothing to write.\n");

    assertThat(rows(database, "SELECT id, account_id, email, role, joined_at AT TIME ZONE 'UTC', score"
        + " FROM crm.member ORDER BY id")).containsExactly(
            "1|" + A1 + "|ann@northwind.example|owner|2024-01-05 10:00:00|12.50",
            "2|" + A1 + "|bob@northwind.example|viewer|2024-02-01 09:30:00|null",
            "3|" + A2 + "|cy@contoso.example|viewer|2024-02-11 08:00:00|3.25",
            "4|" + A2 + "|orphan@example.com|admin|2024-03-01 00:00:00|null").inOrder();
    assertThat(rows(database, "SELECT id, account_id, member_id, status, amount, issued_at AT TIME ZONE 'UTC', note"
        + " FROM crm.invoice ORDER BY id")).containsExactly(
            "1|" + A1 + "|1|draft|100.00|2024-04-01 12:00:00|first",
            "3|" + A2 + "|3|sent|20.00|2024-04-08 09:00:00|null").inOrder();
    assertThat(rows(database, "SELECT id, name FROM crm.account ORDER BY id"))
        .containsExactly(A1 + "|Northwind", A2 + "|Contoso").inOrder();
    assertThat(rows(database, "SELECT label FROM crm.tag ORDER BY id")).containsExactly("urgent", "later").inOrder();
    assertThat(rows(database, "SELECT account_id, name, lead_id FROM crm.project"))
        .containsExactly(A1 + "|Data centre exit|1");
    // The identity continues after the largest id the hand-kept table had.
    assertThat(rows(database, "INSERT INTO crm.invoice (account_id, amount) VALUES ('" + A1 + "', 1) RETURNING id"))
        .containsExactly("4");
    assertThat(rows(database, "SELECT to_regtype('crm.member_role'), to_regtype('crm.memberrole')"))
        .containsExactly("null|null");
  }

  @Test
  void aDatabaseThatMatchesNeedsNothingAndSaysWhetherFlywayHasAHistory(Database database, @TempDir Path migrations)
      throws IOException {
    VerifyCommandTest.createFromTheModel(database);
    database.executeScript("CREATE TABLE public.flyway_schema_history (installed_rank integer PRIMARY KEY)");

    Cli cli = Cli.run(args(database, "align", "--migrations", migrations.toString(), "--baseline"));

    assertThat(cli.status()).isEqualTo(0);
    assertThat(cli.out()).isEqualTo("The database matches the model: 6 tables, no difference.\n"
        + "align: nothing to write.\n"
        + "Flyway baseline: not needed, this database has a Flyway history (public.flyway_schema_history); Flyway"
        + " applies V2 after the versions it recorded.\n");
    assertThat(files(migrations)).isEmpty();
  }

  @Test
  void refusesToCountRowsThatRowLevelSecurityHides(Database database, @TempDir Path migrations) throws IOException {
    HandKeptDatabase.create(database);
    String reader = database.name() + "_reader";
    database.executeScript("CREATE ROLE " + reader + " LOGIN PASSWORD 'pw_reader'; GRANT USAGE ON SCHEMA crm TO "
        + reader);
    try {
      Cli cli = Cli.run(Map.of("ROWGUARD_PASSWORD", "pw_reader"), "align", "--url", database.owner().url(),
          "--user", reader, "--model", HandKeptDatabase.MODEL.toString(), "--migrations", migrations.toString());

      assertThat(cli.err()).isEqualTo("rowguard-cli align: align counts the rows that a conversion would reject, but"
          + " row-level security hides rows of crm.member, crm.project from this role; connect as the schema owner"
          + " with BYPASSRLS, or as a superuser\n");
      assertThat(cli.status()).isEqualTo(2);
      assertThat(files(migrations)).isEmpty();
    } finally {
      database.executeScript("DROP OWNED BY " + reader + "; DROP ROLE " + reader);
    }
  }

  static String[] args(Database database, String command, String... rest) {
    List<String> all = new ArrayList<>(List.of(command, "--url", database.owner().url(), "--user",
        database.owner().user(), "--model", HandKeptDatabase.MODEL.toString()));
    all.addAll(List.of(rest));
    return all.toArray(String[]::new);
  }

  private static List<String> files(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).map(f -> dir.relativize(f).toString()).sorted().toList();
    }
  }

  /** Each row as its columns joined by {@code |}, read as the owner (a superuser: no policy hides a row). */
  static List<String> rows(Database database, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection connection = database.ownerDataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      ResultSetMetaData columns = row.getMetaData();
      while (row.next()) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= columns.getColumnCount(); i++) {
          values.add(String.valueOf(row.getString(i)));
        }
        rows.add(String.join("|", values));
      }
    }
    return rows;
  }
}
