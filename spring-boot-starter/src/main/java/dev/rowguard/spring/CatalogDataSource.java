package dev.rowguard.spring;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.util.ClassUtils;

/**
 * The connection the schema verification reads the catalog over: Flyway's, which is the owner's, when the
 * application migrates with Flyway; else the application's own, through its no-tenant escape hatch.
 */
final class CatalogDataSource {
  private final ConfigurableListableBeanFactory beanFactory;
  private final DataSource application;

  CatalogDataSource(ConfigurableListableBeanFactory beanFactory, DataSource application) {
    this.beanFactory = beanFactory;
    this.application = application;
  }

  DataSource get() {
    if (ClassUtils.isPresent("org.flywaydb.core.Flyway", beanFactory.getBeanClassLoader())) {
      DataSource owner = FlywayOwner.dataSource(beanFactory);
      if (owner != null) {
        return owner;
      }
    }
    return application;
  }

  /** Apart, so that Flyway's classes are loaded only when they are on the class path. */
  private static final class FlywayOwner {
    static DataSource dataSource(ConfigurableListableBeanFactory beanFactory) {
      Flyway bean = beanFactory.getBeanProvider(Flyway.class).getIfUnique();
      return bean == null ? null : bean.getConfiguration().getDataSource();
    }
  }
}
