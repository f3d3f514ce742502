package dev.rowguard.sample.web;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rowguard.runtime.RlsBypassException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Start-ups the starter refuses: a login that bypasses row-level security, and Flyway without the owner. */
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
  void flywayWithoutTheOwnerFailsToStartSayingWhatToSet() {
    Map<String, Object> properties = new HashMap<>(DATABASE.database.properties());
    properties.remove("spring.flyway.url");
    properties.remove("spring.flyway.user");
    properties.remove("spring.flyway.password");
    RuntimeException failure = assertThrows(RuntimeException.class, () -> start(properties).close());
    IllegalStateException refusal = cause(failure, IllegalStateException.class);
    assertThat(refusal.getMessage()).contains("set spring.flyway.user and spring.flyway.password");
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
