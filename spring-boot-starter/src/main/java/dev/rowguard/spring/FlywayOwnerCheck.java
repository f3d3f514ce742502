package dev.rowguard.spring;

import dev.rowguard.runtime.TenantBindingDataSource;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;

/**
 * Refuses to let Boot's Flyway migrate through the tenant-binding data source: migrations run as the schema's
 * owner, which row-level security must not apply to and the application's login must not be.
 */
final class FlywayOwnerCheck implements FlywayConfigurationCustomizer {
  @Override
  public void customize(FluentConfiguration configuration) {
    if (configuration.getDataSource() instanceof TenantBindingDataSource) {
      throw new IllegalStateException("Flyway would migrate as the application's login, through Rowguard's"
          + " tenant-binding DataSource. Migrations run as the schema owner: set spring.flyway.user and"
          + " spring.flyway.password (and spring.flyway.url, if the owner connects elsewhere) to the owner's login,"
          + " or give Flyway a data source of its own with @FlywayDataSource");
    }
  }
}
