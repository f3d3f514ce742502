package dev.rowguard.sample;

import static com.google.common.truth.Truth.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The main job end to end: the jar's generated schema applies to PostgreSQL and the report shows it. */
class SampleAppTest {
  @Test
  void appliesTheGeneratedSchemaAndReportsWhatTheServerHolds() throws Exception {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    SampleApp.run(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    String output = buffer.toString(StandardCharsets.UTF_8);

    assertThat(output).contains("Schema migration: 6 tables");
    assertThat(output).contains("migration.asset (33 columns)");
    assertThat(output).contains("foreign key  fk_asset_dependency_client_account_id_engagement_id\n");
    assertThat(output).contains("unique       uq_asset_dependency_client_account_id_engagement_id_id\n");
    assertThat(output).contains("check        ck_asset_six_r_strategy");
  }

  @Test
  void theGeneratedScriptShipsInTheJarWithoutNativeEnums() {
    String script = SampleApp.resource(SampleApp.SCHEMA_SQL);
    assertThat(script).contains("CREATE SCHEMA IF NOT EXISTS migration;");
    assertThat(script).contains("six_r_strategy IN ('rehost', 'replatform', 'refactor', 'repurchase', 'retire', "
        + "'retain', 'lift_and_shift')");
    assertThat(script).doesNotContain("AS ENUM");
  }
}
