package dev.rowguard.cli;

import static com.google.common.truth.Truth.assertThat;

import dev.rowguard.postgres.Database;
import dev.rowguard.postgres.PostgresExtension;
import dev.rowguard.schema.Schema;
import dev.rowguard.schema.SchemaJson;
import dev.rowguard.schema.ddl.PrivilegesSql;
import dev.rowguard.schema.ddl.SchemaSqlWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code verify} and the command line itself: exit status, output, and the message on bad usage. */
@ExtendWith(PostgresExtension.class)
class VerifyCommandTest {
  @Test
  void reportsEveryDifferenceOfTheHandKeptDatabaseAndExitsOne(Database database) {
    HandKeptDatabase.create(database);

    Cli cli = Cli.run(AlignCommandTest.args(database, "verify"));

    assertThat(cli.status()).isEqualTo(1);
    assertThat(cli.out()).startsWith("The database differs from the model in 36 ways (6 tables in the model):\n"
        + "  COLUMN_LENGTH crm.account.name: expected varchar(200), actual varchar(100)\n");
    assertThat(cli.out()).contains("\n  NATIVE_ENUM crm.member.role: expected text ('owner', 'admin', 'viewer'),"
        + " actual ENUM type crm.member_role ('owner', 'admin', 'viewer', 'guest')\n");
    assertThat(cli.out()).contains("\n  GRANT_MISSING crm.member: expected DELETE, INSERT, UPDATE to rowguard_app,"
        + " actual SELECT\n");
    assertThat(cli.err()).isEmpty();
  }

  @Test
  void readsTheModelFromTheApplicationsJarAndExitsZeroWhenTheDatabaseMatches(Database database, @TempDir Path dir)
      throws IOException {
    createFromTheModel(database);
    Path jar = dir.resolve("app.jar");
    try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
      zip.putNextEntry(new ZipEntry("META-INF/rowguard/schema.json"));
      zip.write(Files.readAllBytes(HandKeptDatabase.MODEL));
      zip.closeEntry();
    }

    Cli cli = Cli.run(Map.of("ROWGUARD_PASSWORD", database.owner().password()), "verify", "--url",
        database.owner().url(), "--user", database.owner().user(), "--model", jar.toString());

    assertThat(cli.out()).isEqualTo("The database matches the model: 6 tables, no difference.\n");
    assertThat(cli.status()).isEqualTo(0);
  }

  @Test
  void eachCommandHasHelp() {
    Cli verify = Cli.run("verify", "--help");
    Cli align = Cli.run("align", "--help");
    Cli top = Cli.run("--help");

    assertThat(verify.status()).isEqualTo(0);
    assertThat(verify.out()).isEqualTo(VerifyCommand.HELP);
    assertThat(verify.out()).contains("  --password  its password; default: the environment variable ROWGUARD_PASSWORD");
    assertThat(align.status()).isEqualTo(0);
    assertThat(align.out()).isEqualTo(AlignCommand.HELP);
    assertThat(align.out()).contains("  --baseline    also print the Flyway baseline set-up");
    assertThat(top.out()).startsWith("usage: java -jar rowguard-cli.jar <command> [options]\n");
  }

  @Test
  void badUsageExitsTwoWithWhatToChange() {
    assertThat(Cli.run().status()).isEqualTo(2);
    assertThat(Cli.run().err()).startsWith("no command given\nusage: java -jar rowguard-cli.jar <command>");
    assertThat(Cli.run("check").err()).startsWith("unknown command check\n");
    Cli missing = Cli.run("verify", "--user", "app", "--model", "app.jar");
    assertThat(missing.status()).isEqualTo(2);
    assertThat(missing.err()).isEqualTo("rowguard-cli verify: missing --url; run the command with --help for its"
        + " options\n");
    assertThat(Cli.run("verify", "--url").err()).isEqualTo("rowguard-cli verify: option --url of verify needs a"
        + " value\n");
    assertThat(Cli.run("verify", "--migrations", "x").err()).isEqualTo("rowguard-cli verify: unknown option"
        + " --migrations for verify; run verify --help\n");
    assertThat(Cli.run("align", "--url", "jdbc:postgresql://localhost/app", "--user", "app", "--model",
        "no-such.jar", "--migrations", "db").err()).isEqualTo("rowguard-cli align: --model no-such.jar is not a"
        + " file; give the application's jar or its schema.json\n");
  }

  @Test
  void aModelThatIsNotRowguardsIsRefusedWithTheFieldAtFault(@TempDir Path dir) throws IOException {
    Path model = Files.writeString(dir.resolve("schema.json"), "{\"formatVersion\": 1, \"tables\": [{}]}");

    Cli cli = Cli.run("verify", "--url", "jdbc:postgresql://localhost/app", "--user", "app", "--model",
        model.toString());

    assertThat(cli.status()).isEqualTo(2);
    assertThat(cli.err()).isEqualTo("rowguard-cli verify: --model " + model + ": not a Rowguard schema.json: field"
        + " tables[0].name is missing\n");
  }

  @Test
  void aDatabaseThatCannotBeReachedExitsTwo() {
    Cli cli = Cli.run("verify", "--url", "jdbc:postgresql://127.0.0.1:9/app?connectTimeout=2", "--user", "app",
        "--model", HandKeptDatabase.MODEL.toString());

    assertThat(cli.status()).isEqualTo(2);
    assertThat(cli.err()).startsWith("rowguard-cli verify: cannot connect to"
        + " jdbc:postgresql://127.0.0.1:9/app?connectTimeout=2 as app: ");
    assertThat(cli.err()).endsWith("(no password given: use --password or ROWGUARD_PASSWORD)\n");
    assertThat(Cli.run("verify", "--url", "postgres://localhost/app", "--user", "app", "--model",
        HandKeptDatabase.MODEL.toString()).err()).isEqualTo("rowguard-cli verify: --url postgres://localhost/app is"
        + " not a PostgreSQL JDBC URL; write it as jdbc:postgresql://host:5432/database\n");
  }

  @Test
  void aRoleWithoutUsageOnTheSchemasIsToldWhatToGrant(Database database) {
    HandKeptDatabase.create(database);
    String stranger = database.name() + "_stranger";
    database.executeScript("CREATE ROLE " + stranger + " LOGIN PASSWORD 'pw_stranger'");
    try {
      Cli cli = Cli.run(Map.of("ROWGUARD_PASSWORD", "pw_stranger"), "verify", "--url", database.owner().url(),
          "--user", stranger, "--model", HandKeptDatabase.MODEL.toString());

      assertThat(cli.status()).isEqualTo(2);
      assertThat(cli.err()).isEqualTo("rowguard-cli verify: reading the catalog failed: ERROR: permission denied for"
          + " schema crm; connect as the schema owner, or GRANT USAGE on the model's schemas to this role\n");
    } finally {
      database.executeScript("DROP ROLE " + stranger);
    }
  }

  /** The model's own schema.sql, as the processor would write it, applied to an empty database. */
  static void createFromTheModel(Database database) throws IOException {
    Schema model = SchemaJson.read(Files.readString(HandKeptDatabase.MODEL));
    database.executeScript(PrivilegesSql.createRole(HandKeptDatabase.APP_ROLE));
    database.executeScript(SchemaSqlWriter.render(model, HandKeptDatabase.APP_ROLE));
  }
}
