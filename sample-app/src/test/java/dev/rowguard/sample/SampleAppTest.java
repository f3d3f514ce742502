package dev.rowguard.sample;

import static com.google.common.truth.Truth.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The main job end to end: the jar's generated schema applies to PostgreSQL and the report shows it; then the
 * app, logged in as a role that row-level security applies to, serves two tenants that cannot reach each
 * other's rows.
 */
class SampleAppTest {
  private static String output;

  @BeforeAll
  static void runTheApp() throws Exception {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    SampleApp.run(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    output = buffer.toString(StandardCharsets.UTF_8);
  }

  @Test
  void flywayAppliesTheGeneratedHistoryOnceAndNothingTheSecondTime() {
    assertThat(output).contains("Flyway applied 4 migrations from classpath:db/migration: V1, V2, V3, V3.1.\n");
    assertThat(output).contains("Flyway again: 0 migrations applied, the schema is at version 3.1.\n");
  }

  @Test
  void verifiesTheMigratedDatabaseAgainstTheModelBeforeServing() {
    assertThat(output).contains("Flyway again: 0 migrations applied, the schema is at version 3.1.\n"
        + "SchemaVerifier.fromClasspath(): the database matches the model the jar was built with.\n");
  }

  @Test
  void appliesTheGeneratedSchemaAndReportsWhatTheServerHolds() {
    assertThat(output).contains("Schema migration: 6 tables");
    assertThat(output).contains("migration.asset (33 columns)");
    assertThat(output).contains("foreign key  fk_asset_dependency_dependent_asset_id\n");
    assertThat(output).contains("foreign key  fk_asset_dependency_dependency_asset_id\n");
    assertThat(output).contains("foreign key  fk_asset_dependency_engagement_id\n");
    assertThat(output).contains("index        ix_asset_dependency_dependency_asset_id\n");
    assertThat(output).contains("check        ck_asset_six_r_strategy");
  }

  @Test
  void startsAsANonOwnerLoginThatPassesTheRlsRoleCheck() {
    assertThat(output).containsMatch("Application login rowguard_sample_\\w+_app: member of rowguard_app");
    assertThat(output).contains("RlsRoleCheck.forSchemas(\"migration\"): passed");
    assertThat(output).contains("RlsRoleCheck as the owner postgres would refuse to start: role \"postgres\" is a"
        + " superuser");
  }

  @Test
  void eachTenantSeesOnlyItsOwnRows() {
    assertThat(output).contains("Seeded 2 client accounts as the schema owner (shared tables are read-only for the "
        + "application role).");
    assertThat(output).containsMatch(row("asset", 3, 2));
    assertThat(output).containsMatch(row("engagement", 1, 1));
    assertThat(output).containsMatch(row("asset_dependency", 1, 1));
    assertThat(output).containsMatch(row("data_import", 1, 1));
    assertThat(output).containsMatch(row("discovery_flow", 1, 1));
  }

  @Test
  void aTenantWorksThroughTheGeneratedRepositories() {
    assertThat(output).containsMatch("findBySixRStrategyOrderByHostname\\(REPLATFORM\\) +dal-db-01\n");
    assertThat(output).containsMatch("byHostname\\(PageRequest.ofSize\\(2\\)\\) +dal-db-01, dal-ftp-01 \\(3 assets,"
        + " next page: yes\\)\n");
    assertThat(output).containsMatch("countByMappingStatus\\(each status\\) +pending 1, needs_review 1, mapped 1,"
        + " rejected 0\n");
    assertThat(output).containsMatch("inventory\\(\\), a record projection +Carrier EDI drop box +dal-ftp-01 +server"
        + " +retire\n");
    assertThat(output).containsMatch("findByDependency\\(dal-db-01\\) +needed by dal-web-01 \\(database, tcp"
        + " 5432\\)\n");
    assertThat(output).containsMatch("update\\(dal-web-01 into wave 1\\) +version 0 -> 1\n");
    assertThat(output).containsMatch("update\\(a copy read before, version 0\\) +refused:"
        + " OptimisticLockingFailureException");
    assertThat(output).containsMatch("deleteByHostname\\(\"dal-ftp-01\"\\), retired +1 row deleted\n");
  }

  @Test
  void aTenantCannotReadChangeForgeOrReferenceAnotherTenantsAsset() {
    assertThat(output).contains("Northwind Logistics, bound to its engagement, tries Contoso Health's asset"
        + " ehr-db-01:");
    assertThat(output).containsMatch("findById\\(its id\\) +empty\n");
    assertThat(output).containsMatch("findByHostname\\(\"ehr-db-01\"\\) +empty\n");
    assertThat(output).containsMatch("update\\(its row, tenant keys cleared\\) +refused:"
        + " OptimisticLockingFailureException, no row with its key and version for the bound tenant\n");
    assertThat(output).containsMatch("delete\\(its row, tenant keys cleared\\) +refused:"
        + " OptimisticLockingFailureException");
    assertThat(output).containsMatch("deleteByHostname\\(\"ehr-db-01\"\\) +0 rows deleted\n");
    assertThat(output).containsMatch("insert\\(an asset with Contoso Health's keys\\) +refused before the INSERT:"
        + " CrossTenantWriteException, the Asset carries client_account_id of another tenant\n");
    assertThat(output).containsMatch("insert\\(a dependency on ehr-db-01\\) +rejected: SQL state 23503, insert or"
        + " update on table \"asset_dependency\" violates foreign key constraint");
    assertThat(output).contains("Contoso Health still sees ehr-db-01: version 0, unchanged");
    assertThat(output).doesNotContain("ACCEPTED");
    assertThat(output).doesNotContain("FOUND");
  }

  @Test
  void nothingRunsWithoutATenantAndTheEscapeHatchIsNotPrivileged() {
    assertThat(output).contains("No tenant bound: assets.findAll() threw TenantNotBoundException before taking a"
        + " connection: no tenant is bound on thread");
    assertThat(output).contains("withoutTenant(\"show what the escape hatch sees\"), Northwind Logistics bound:"
        + " 0 assets, 0 engagements visible");
    assertThat(output).contains("Closed the pool and dropped the login role.");
  }

  @Test
  void theGeneratedScriptShipsInTheJarWithoutNativeEnums() {
    String script = SampleApp.resource(SampleApp.SCHEMA_SQL);
    assertThat(script).contains("CREATE SCHEMA IF NOT EXISTS migration;");
    assertThat(script).contains("six_r_strategy IN ('rehost', 'replatform', 'refactor', 'repurchase', 'retire', "
        + "'retain', 'lift_and_shift')");
    assertThat(script).doesNotContain("AS ENUM");
  }

  private static String row(String table, int first, int second) {
    return "\n  " + Pattern.quote(table) + " +" + first + " +" + second + "\n";
  }

  /** The marker that the docs put before every block of the sample app's output. */
  private static final String OUTPUT_MARKER = "<!-- sample-app output -->";

  @Test
  void everyOutputBlockInTheDocsIsWhatTheAppPrints() throws Exception {
    int blocks = 0;
    for (Path doc : List.of(Path.of("../README.md"), Path.of("../docs/tenancy.md"))) {
      List<String> lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).strip().equals(OUTPUT_MARKER)) {
          assertThat(lines.get(i + 1)).isEqualTo("```");
          List<String> block = new ArrayList<>();
          for (int j = i + 2; !lines.get(j).equals("```"); j++) {
            block.add(lines.get(j));
          }
          assertPrintedInOrder(doc + ":" + (i + 1), block);
          blocks++;
        }
      }
    }
    assertThat(blocks).isAtLeast(3);
  }

  /**
   * Each line of {@code block} is a line the app printed, in the same order; a line {@code ...} stands for any
   * number of lines. Generated role names and the thread name are the run's own.
   */
  private static void assertPrintedInOrder(String where, List<String> block) {
    List<String> printed = output.lines().map(SampleAppTest::normalized).toList();
    int next = 0;
    for (String expected : block) {
      if (expected.strip().equals("...")) {
        continue;
      }
      String line = normalized(expected);
      int found = printed.subList(next, printed.size()).indexOf(line);
      if (found < 0) {
        throw new AssertionError(where + ": the docs show a line the app does not print (in this order):\n  "
            + expected + "\nwhat it printed:\n" + output);
      }
      next += found + 1;
    }
  }

  private static String normalized(String line) {
    return line.stripTrailing()
        .replaceAll("rowguard_sample_\\w+?_app", "rowguard_sample_<n>_app")
        .replaceAll("on thread \"[^\"]*\"", "on thread \"<thread>\"");
  }
}
