package dev.rowguard.spring;

import java.lang.annotation.Annotation;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.util.ClassUtils;

/** Recognises the data source bean an application gave Flyway ({@code @FlywayDataSource}), which stays unwrapped. */
final class MigrationDataSources {
  private static final String FLYWAY_DATA_SOURCE = "org.springframework.boot.flyway.autoconfigure.FlywayDataSource";

  private final ConfigurableListableBeanFactory beanFactory;
  private final Class<? extends Annotation> qualifier;

  @SuppressWarnings("unchecked")
  MigrationDataSources(ConfigurableListableBeanFactory beanFactory) {
    this.beanFactory = beanFactory;
    ClassLoader loader = beanFactory.getBeanClassLoader();
    this.qualifier = ClassUtils.isPresent(FLYWAY_DATA_SOURCE, loader)
        ? (Class<? extends Annotation>) ClassUtils.resolveClassName(FLYWAY_DATA_SOURCE, loader)
        : null;
  }

  boolean isMigrationDataSource(String beanName) {
    return qualifier != null && beanFactory.containsBeanDefinition(beanName)
        && beanFactory.findAnnotationOnBean(beanName, qualifier, false) != null;
  }
}
