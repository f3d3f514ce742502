package dev.rowguard.sample.web;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * The sample's domain as a REST API, made multi-tenant by rowguard-spring-boot-starter alone: the generated
 * repositories are beans, each request's tenant comes from its headers, Flyway migrates as the owner and the
 * service logs in as a role that row-level security applies to.
 *
 * <p>Run without {@code spring.datasource.url}, it creates a database of its own on the development PostgreSQL
 * (embedded unless {@code ROWGUARD_JDBC_URL} is set), with an owner and an application login, seeds two tenants
 * and serves until stopped.
 */
@SpringBootApplication
@EnableAsync
public class SampleWebApp {
  public static void main(String[] args) {
    boolean configured = System.getProperty("spring.datasource.url") != null
        || System.getenv("SPRING_DATASOURCE_URL") != null
        || Arrays.stream(args).anyMatch(a -> a.startsWith("--spring.datasource.url="));
    SpringApplication application = new SpringApplication(SampleWebApp.class);
    if (configured) {
      application.run(args);
      return;
    }
    DevDatabase database = DevDatabase.create();
    application.setDefaultProperties(database.properties());
    application.setAdditionalProfiles("dev");
    application.addInitializers(context -> context.getBeanFactory().registerSingleton("devDatabase", database));
    ConfigurableApplicationContext context = application.run(args);
    context.addApplicationListener(event -> {
      if (event instanceof ContextClosedEvent) {
        database.close();
      }
    });
  }
}
