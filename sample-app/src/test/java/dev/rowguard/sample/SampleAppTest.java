package dev.rowguard.sample;

import static com.google.common.truth.Truth.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
  void aTenantCannotReadChangeForgeOrReferenceAnotherTenantsAsset() {
    assertThat(output).contains("Northwind Logistics, bound to its engagement, tries Contoso Health's asset"
        + " ehr-db-01 by id:");
    assertThat(output).containsMatch("SELECT +0 rows\n");
    assertThat(output).containsMatch("UPDATE +0 rows affected\n");
    assertThat(output).containsMatch("DELETE +0 rows affected\n");
    assertThat(output).containsMatch("INSERT an asset with Contoso Health's keys +rejected: SQL state 42501, new row"
        + " violates row-level security policy for table \"asset\"");
    assertThat(output).containsMatch("INSERT a dependency on ehr-db-01 +rejected: SQL state 23503, insert or update"
        + " on table \"asset_dependency\" violates foreign key constraint");
    assertThat(output).contains("Contoso Health still sees ehr-db-01: version 1, unchanged");
    assertThat(output).doesNotContain("ACCEPTED");
  }

  @Test
  void nothingRunsWithoutATenantAndTheEscapeHatchIsNotPrivileged() {
    assertThat(output).contains("No tenant bound: TenantNotBoundException: no tenant is bound on thread");
    assertThat(output).contains("withoutTenant(\"show what the escape hatch sees\"): 0 assets, 0 engagements visible");
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
}
