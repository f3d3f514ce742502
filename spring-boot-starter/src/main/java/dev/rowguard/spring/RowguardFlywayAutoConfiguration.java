package dev.rowguard.spring;

import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Boot's own Flyway support runs the migrations Rowguard generated ({@code classpath:db/migration}, Boot's
 * default location) at start-up, as the owner that {@code spring.flyway.user} names; this only refuses to
 * let it run through the tenant-binding data source.
 */
@AutoConfiguration(before = FlywayAutoConfiguration.class)
@ConditionalOnClass({Flyway.class, FlywayConfigurationCustomizer.class})
public final class RowguardFlywayAutoConfiguration {
  @Bean
  FlywayOwnerCheck rowguardFlywayOwnerCheck() {
    return new FlywayOwnerCheck();
  }
}
