package dev.rowguard.spring;

import dev.rowguard.runtime.RlsRoleCheck;
import dev.rowguard.runtime.TenantBindingDataSource;
import dev.rowguard.runtime.TenantKeys;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;

/**
 * The core of the starter: the application's {@code DataSource} wrapped in {@link TenantBindingDataSource}, every
 * generated repository as a bean of its interface, and the row-level security check at start-up.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@EnableConfigurationProperties(RowguardProperties.class)
public final class RowguardAutoConfiguration {

  /** The project's keys from {@code rowguard.tenant.keys}, unless the application declares its own. */
  @Bean
  @ConditionalOnMissingBean
  TenantKeys rowguardTenantKeys(RowguardProperties properties) {
    return ConfiguredTenantKeys.of(properties.tenant().keys());
  }

  @Bean
  static TenantBindingDataSourceWrapper rowguardDataSourceWrapper(ObjectProvider<TenantKeys> keys,
      ConfigurableListableBeanFactory beanFactory) {
    return new TenantBindingDataSourceWrapper(keys, new MigrationDataSources(beanFactory));
  }

  @Bean
  static GeneratedRepositoryRegistrar rowguardRepositoryRegistrar() {
    return new GeneratedRepositoryRegistrar();
  }

  @Bean
  @ConditionalOnBean(DataSource.class)
  RepositoryDataSources rowguardRepositoryDataSources(DataSource dataSource) {
    return new RepositoryDataSources(tenantBinding(dataSource));
  }

  /** The check, over {@code rowguard.role-check.schemas} and the project's keys. */
  @Bean
  @ConditionalOnMissingBean
  RlsRoleCheck rowguardRoleCheck(RowguardProperties properties, TenantKeys keys) {
    return RlsRoleCheck.forSchemas(properties.roleCheck().schemas().toArray(String[]::new)).withKeys(keys);
  }

  /** After the migrations (Flyway's initializer), so that the check sees the tables they create. */
  @Bean
  @ConditionalOnBean(DataSource.class)
  @ConditionalOnBooleanProperty(name = "rowguard.role-check.enabled", matchIfMissing = true)
  @DependsOnDatabaseInitialization
  RlsStartupCheck rowguardStartupCheck(RlsRoleCheck check, DataSource dataSource) {
    return new RlsStartupCheck(check, tenantBinding(dataSource));
  }

  /** The application's data source as the wrapper left it. */
  static TenantBindingDataSource tenantBinding(DataSource dataSource) {
    try {
      return dataSource.unwrap(TenantBindingDataSource.class);
    } catch (SQLException e) {
      throw new IllegalStateException("the application's DataSource " + dataSource + " is not wrapped in Rowguard's"
          + " TenantBindingDataSource; the starter wraps every DataSource bean but one marked @FlywayDataSource,"
          + " so mark the application's own DataSource as @Primary if there are several", e);
    }
  }
}
