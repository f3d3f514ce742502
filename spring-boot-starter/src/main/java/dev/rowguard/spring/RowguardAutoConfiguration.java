package dev.rowguard.spring;

import dev.rowguard.runtime.RlsRoleCheck;
import dev.rowguard.runtime.SchemaVerifier;
import dev.rowguard.runtime.TenantBindingDataSource;
import dev.rowguard.runtime.TenantKeys;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnResource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.util.ClassUtils;

/**
 * The core of the starter: the application's {@code DataSource} wrapped in {@link TenantBindingDataSource}, every
 * generated repository as a bean of its interface, the project's keys (from the model the application was built with,
 * when it has one), the row-level security check and the schema verification at start-up, and the tenant's hand-off
 * to Spring's task executor.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@EnableConfigurationProperties(RowguardProperties.class)
public final class RowguardAutoConfiguration {

  /** The model the application was built with, when {@code schema.json} is on the class path. */
  @Bean
  static ApplicationModel rowguardApplicationModel(ConfigurableListableBeanFactory beanFactory) {
    ClassLoader loader = beanFactory.getBeanClassLoader();
    return ApplicationModel.read(loader == null ? ClassUtils.getDefaultClassLoader() : loader);
  }

  /**
   * The project's keys: the model's (which {@code rowguard.tenant.keys} may restate, not contradict), else those of
   * {@code rowguard.tenant.keys}; unless the application declares its own.
   */
  @Bean
  @ConditionalOnMissingBean
  TenantKeys rowguardTenantKeys(RowguardProperties properties, ApplicationModel model) {
    List<RowguardProperties.KeyLevel> configured = properties.tenant().keys();
    return model.tenancy().map(tenancy -> {
      TenantKeys keys = tenancy.keys();
      if (!configured.isEmpty()) {
        tenancy.requireAgreement(keys, configured);
      }
      return keys;
    }).orElseGet(() -> ConfiguredTenantKeys.of(configured));
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

  /**
   * The check, with the project's keys, over the model's tenanted tables; over {@code rowguard.role-check.schemas}
   * when they are set (with a model, they must include the schemas of its tenanted tables) or there is no model.
   */
  @Bean
  @ConditionalOnMissingBean
  RlsRoleCheck rowguardRoleCheck(RowguardProperties properties, TenantKeys keys, ApplicationModel model) {
    List<String> schemas = properties.roleCheck().schemas();
    Optional<ModelTenancy> tenancy = model.tenancy();
    if (tenancy.isPresent() && schemas.isEmpty()) {
      return RlsRoleCheck.forTables(tenancy.get().tenantedTables()).withKeys(keys);
    }
    tenancy.ifPresent(t -> t.requireCoverage(schemas));
    return RlsRoleCheck.forSchemas((schemas.isEmpty() ? List.of("public") : schemas).toArray(String[]::new))
        .withKeys(keys);
  }

  /** After the migrations (Flyway's initializer), so that the check sees the tables they create. */
  @Bean
  @ConditionalOnBean(DataSource.class)
  @ConditionalOnBooleanProperty(name = "rowguard.role-check.enabled", matchIfMissing = true)
  @DependsOnDatabaseInitialization
  RlsStartupCheck rowguardStartupCheck(RlsRoleCheck check, DataSource dataSource) {
    return new RlsStartupCheck(check, tenantBinding(dataSource));
  }

  /** The verifier, over the model on the class path and {@code rowguard.app-role}. */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnResource(resources = "classpath:" + ApplicationModel.RESOURCE)
  @ConditionalOnBooleanProperty(name = "rowguard.verify-schema", matchIfMissing = true)
  SchemaVerifier rowguardSchemaVerifier(ApplicationModel model, RowguardProperties properties) {
    return SchemaVerifier.of(model.model().orElseThrow()).withAppRole(properties.appRole());
  }

  @Bean
  @ConditionalOnBean(DataSource.class)
  CatalogDataSource rowguardCatalogDataSource(ConfigurableListableBeanFactory beanFactory, DataSource dataSource) {
    return new CatalogDataSource(beanFactory, tenantBinding(dataSource));
  }

  /** After the migrations and the role check, before anything serves. */
  @Bean
  @ConditionalOnBean(DataSource.class)
  @ConditionalOnResource(resources = "classpath:" + ApplicationModel.RESOURCE)
  @ConditionalOnBooleanProperty(name = "rowguard.verify-schema", matchIfMissing = true)
  @DependsOnDatabaseInitialization
  SchemaStartupCheck rowguardSchemaStartupCheck(SchemaVerifier verifier, CatalogDataSource catalog,
      ObjectProvider<RlsStartupCheck> roleCheck) {
    return new SchemaStartupCheck(verifier, catalog, roleCheck);
  }

  /** Work handed to Spring's application task executor ({@code @Async}, MVC's async requests) keeps the tenant. */
  @Bean
  TenantPropagatingTaskDecorator rowguardTenantTaskDecorator() {
    return new TenantPropagatingTaskDecorator();
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
