package dev.rowguard.sample.web;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rowguard.runtime.RlsBypassException;
import dev.rowguard.runtime.SchemaDriftException;
import dev.rowguard.runtime.verify.Difference;
import dev.rowguard.runtime.verify.DriftKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The service verifies its database against the model it was built with after Flyway and the role check, before
 * it serves: each test migrates a database of its own by starting the service once, changes it as the owner would
 * by hand, and starts the service again.
 */
class SchemaVerificationAtStartupTest {
  private DevDatabase database;

  @BeforeEach
  void migratedDatabase() {
    database = DevDatabase.create();
    try (ConfigurableApplicationContext context = start(Map.of())) {
      int port = ((WebServerApplicationContext) context).getWebServer().getPort();
      JsonNode rowguard = new Http(port).get("/actuator/health", Http.As.NOBODY).expect(200).json()
          .get("components").get("rowguard");
      assertThat(rowguard.get("details").get("schema").asString()).isEqualTo("matches the model");
    }
  }

  @AfterEach
  void drop() {
    database.close();
  }

  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void aMissingColumnFailsTheStartUpWithTheReport(CapturedOutput output) {
    database.database().executeScript("ALTER TABLE migration.asset DROP COLUMN datacenter");

    SchemaDriftException drift = cause(assertThrows(RuntimeException.class, () -> start(Map.of()).close()),
        SchemaDriftException.class);

    assertThat(drift.result().differences()).containsExactly(
        new Difference(DriftKind.COLUMN_MISSING, "migration.asset.datacenter", "varchar(100)", "none"));
    assertThat(drift.getMessage()).contains("  COLUMN_MISSING migration.asset.datacenter: expected ");
    assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START");
    assertThat(output.getOut() + output.getErr()).contains("The database differs from the model in 1 way (6 tables in"
        + " the model):\n  COLUMN_MISSING migration.asset.datacenter: expected varchar(100), actual none\n");
    assertThat(output.getOut() + output.getErr()).contains("rowguard-cli align writes the migration");
  }

  @Test
  void aMissingPolicyFailsTheStartUpWithTheReportWhenTheRoleCheckIsOff() {
    database.database().executeScript("DROP POLICY tenant_isolation ON migration.asset");

    SchemaDriftException drift = cause(assertThrows(RuntimeException.class,
        () -> start(Map.of("rowguard.role-check.enabled", "false")).close()), SchemaDriftException.class);

    assertThat(drift.result().differences().stream().map(Difference::kind).toList()).contains(DriftKind.POLICY_MISSING);
    assertThat(drift.getMessage()).contains("POLICY_MISSING migration.asset.tenant_isolation");
  }

  @Test
  void theRoleCheckReportsFirst() {
    database.database().executeScript("DROP POLICY tenant_isolation ON migration.asset");

    RlsBypassException bypass = cause(assertThrows(RuntimeException.class, () -> start(Map.of()).close()),
        RlsBypassException.class);

    assertThat(String.join("\n", bypass.problems())).contains("migration.asset");
  }

  @Test
  void turnedOffItStartsOnADriftedDatabase() {
    database.database().executeScript("ALTER TABLE migration.asset DROP COLUMN datacenter");

    try (ConfigurableApplicationContext context = start(Map.of("rowguard.verify-schema", "false"))) {
      int port = ((WebServerApplicationContext) context).getWebServer().getPort();
      Http.Response health = new Http(port).get("/actuator/health", Http.As.NOBODY);
      assertThat(health.status()).isEqualTo(200); // nothing verifies: the indicator has no verifier either
      assertThat(health.json().get("components").get("rowguard").get("details").has("schema")).isFalse();
    }
  }

  @Test
  void healthIsDownWithTheDifferencesWhenTheDatabaseDriftsAfterStartUp() {
    try (ConfigurableApplicationContext context = start(Map.of())) {
      database.database().executeScript("ALTER TABLE migration.asset DROP COLUMN datacenter");
      int port = ((WebServerApplicationContext) context).getWebServer().getPort();
      Http.Response health = new Http(port).get("/actuator/health", Http.As.NOBODY);
      assertThat(health.status()).isEqualTo(503);
      JsonNode rowguard = health.json().get("components").get("rowguard");
      assertThat(rowguard.get("status").asString()).isEqualTo("DOWN");
      List<String> differences = new ArrayList<>();
      rowguard.get("details").get("schemaDifferences").forEach(d -> differences.add(d.asString()));
      assertThat(differences).containsExactly("COLUMN_MISSING migration.asset.datacenter: expected varchar(100),"
          + " actual none");
    }
  }

  private ConfigurableApplicationContext start(Map<String, String> extra) {
    Map<String, Object> properties = new HashMap<>(database.properties());
    properties.putAll(extra);
    return new SpringApplicationBuilder(SampleWebApp.class).properties(properties).properties("server.port=0").run();
  }

  private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    throw new AssertionError("no " + type.getSimpleName() + " in the start-up failure", failure);
  }
}
