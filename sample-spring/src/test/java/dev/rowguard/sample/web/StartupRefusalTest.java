package dev.rowguard.sample.web;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rowguard.runtime.RlsBypassException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Start-ups the starter refuses: a login that bypasses row-level security, Flyway without the owner, properties that
 * contradict the model the service was built with; and the health of a service that skipped the check.
 */
class StartupRefusalTest {
  private static final SampleDatabaseFixture DATABASE = new SampleDatabaseFixture();

  @Test
  void ownerLoginFailsToStartWithTheRoleChecksReport() {
    Map<String, Object> properties = new HashMap<>(DATABASE.database.properties());
    properties.put("spring.datasource.username", DATABASE.database.database().owner().user());
    properties.put("spring.datasource.password", DATABASE.database.database().owner().password());
    RuntimeException failure = assertThrows(RuntimeException.class, () -> start(properties).close());
    RlsBypassException report = cause(failure, RlsBypassException.class);
    assertThat(report.role()).isEqualTo(DATABASE.database.database().owner().user());
    assertThat(report.getMessage()).contains("superuser");
  }

  @Test
  void healthIsDownWithTheReportWhenTheCheckIsNotRunAtStartUp() {
    Map<String, Object> properties = new HashMap<>(DATABASE.database.properties());
    properties.put("spring.datasource.username", DATABASE.database.database().owner().user());
    properties.put("spring.datasource.password", DATABASE.database.database().owner().password());
    properties.put("rowguard.role-check.enabled", "false");
    try (ConfigurableApplicationContext context = start(properties)) {
      int port = ((WebServerApplicationContext) context).getWebServer().getPort();
      Http.Response health = new Http(port).get("/actuator/health", Http.As.NOBODY);
      assertThat(health.status()).isEqualTo(503);
      JsonNode rowguard = health.json().get("components").get("rowguard");
      assertThat(rowguard.get("status").asString()).isEqualTo("DOWN");
      assertThat(rowguard.get("details").get("problems").get(0).asString()).contains("is a superuser");
    }
  }

  @Test
  void flywayWithoutTheOwnerFailsToStartSayingWhatToSet() {
    Map<String, Object> properties = new HashMap<>(DATABASE.database.properties());
    properties.remove("spring.flyway.url");
    properties.remove("spring.flyway.user");
    properties.remove("spring.flyway.password");
    RuntimeException failure = assertThrows(RuntimeException.class, () -> start(properties).close());
    IllegalStateException refusal = cause(failure, IllegalStateException.class);
    assertThat(refusal.getMessage()).contains("set spring.flyway.user and spring.flyway.password");
  }

  @Test
  void tenantKeysThatContradictTheModelFailToStartSayingWhich() {
    Map<String, Object> properties = new HashMap<>(DATABASE.database.properties());
    properties.put("rowguard.tenant.keys[0].column", "client_account_id");
    properties.put("rowguard.tenant.keys[1].column", "engagement_id");
    properties.put("rowguard.tenant.keys[1].type", "long");
    RuntimeException failure = assertThrows(RuntimeException.class, () -> start(properties).close());
    String message = message(failure, "rowguard.tenant.keys contradicts");
    assertThat(message).contains("rowguard.tenant.keys[1].type is long, the model's engagement_id is uuid");
    assertThat(message).contains("Remove rowguard.tenant.keys");
  }

  @Test
  void tenantKeysThatRestateTheModelStart() {
    Map<String, Object> properties = new HashMap<>(DATABASE.database.properties());
    properties.put("rowguard.tenant.keys[0].column", "client_account_id");
    properties.put("rowguard.tenant.keys[1].column", "engagement_id");
    properties.put("rowguard.tenant.keys[1].setting", "rowguard.engagement_id");
    properties.put("rowguard.role-check.schemas", "migration,public");
    start(properties).close();
  }

  @Test
  void roleCheckSchemasThatLeaveOutTheModelsFailToStartSayingWhich() {
    Map<String, Object> properties = new HashMap<>(DATABASE.database.properties());
    properties.put("rowguard.role-check.schemas", "public");
    RuntimeException failure = assertThrows(RuntimeException.class, () -> start(properties).close());
    assertThat(message(failure, "rowguard.role-check.schemas")).contains("rowguard.role-check.schemas=public leaves"
        + " out migration, where the model (META-INF/rowguard/schema.json) has tenanted tables [migration.engagement,");
  }

  private static String message(Throwable failure, String containing) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t.getMessage() != null && t.getMessage().startsWith(containing)) {
        return t.getMessage();
      }
    }
    throw new AssertionError("no start-up failure says \"" + containing + "\"", failure);
  }

  private static ConfigurableApplicationContext start(Map<String, Object> properties) {
    return new SpringApplicationBuilder(SampleWebApp.class).properties(properties).properties("server.port=0").run();
  }

  private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (type.isInstance(t) && (type != IllegalStateException.class || t.getMessage().contains("Flyway"))) {
        return type.cast(t);
      }
    }
    throw new AssertionError("no " + type.getSimpleName() + " in the start-up failure", failure);
  }
}
