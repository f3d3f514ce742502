package dev.rowguard.spring;

import dev.rowguard.runtime.RlsRoleCheck;
import dev.rowguard.runtime.SchemaVerifier;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Actuator health: {@code rowguard}, the row-level security check and the schema verification; and {@code db}, Boot's own database indicator,
 * over the data source's no-tenant escape hatch (over the tenant-binding one it would find no tenant bound and
 * report the database down).
 */
@AutoConfiguration(after = RowguardAutoConfiguration.class,
    beforeName = "org.springframework.boot.jdbc.autoconfigure.health.DataSourceHealthContributorAutoConfiguration")
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(DataSource.class)
public final class RowguardHealthAutoConfiguration {
  @Bean
  @ConditionalOnEnabledHealthIndicator("rowguard")
  HealthIndicator rowguardHealthIndicator(RlsRoleCheck check, DataSource dataSource,
      ObjectProvider<SchemaVerifier> verifier, CatalogDataSource catalog) {
    return new RowguardHealthIndicator(check, RowguardAutoConfiguration.tenantBinding(dataSource),
        verifier.getIfAvailable(), catalog);
  }

  @Bean
  @ConditionalOnEnabledHealthIndicator("db")
  @ConditionalOnMissingBean(name = {"dbHealthIndicator", "dbHealthContributor"})
  HealthContributor dbHealthContributor(DataSource dataSource) {
    return new DataSourceHealthIndicator(
        RowguardAutoConfiguration.tenantBinding(dataSource).withoutTenant("the database health check"));
  }
}
