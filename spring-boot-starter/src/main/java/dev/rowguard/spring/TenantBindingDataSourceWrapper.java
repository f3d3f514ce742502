package dev.rowguard.spring;

import dev.rowguard.runtime.TenantBindingDataSource;
import dev.rowguard.runtime.TenantKeys;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.DestructionAwareBeanPostProcessor;

/**
 * Wraps the application's {@link DataSource} beans in {@link TenantBindingDataSource} once they are initialized,
 * so that everything Spring builds on them (the transaction manager, {@code JdbcTemplate}, {@code JdbcClient})
 * takes tenant-bound connections. A data source Flyway migrates with is left alone: migrations run as the owner,
 * with no tenant. The wrapper closes the pool it wraps when the context closes, as the pool bean itself would have.
 */
final class TenantBindingDataSourceWrapper implements DestructionAwareBeanPostProcessor {
  private final ObjectProvider<TenantKeys> keys;
  private final MigrationDataSources migration;

  TenantBindingDataSourceWrapper(ObjectProvider<TenantKeys> keys, MigrationDataSources migration) {
    this.keys = keys;
    this.migration = migration;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof DataSource dataSource && !(bean instanceof TenantBindingDataSource)
        && !migration.isMigrationDataSource(beanName)) {
      return TenantBindingDataSource.wrap(dataSource, keys.getObject());
    }
    return bean;
  }

  @Override
  public boolean requiresDestruction(Object bean) {
    return bean instanceof TenantBindingDataSource wrapped && wrapped.delegate() instanceof AutoCloseable;
  }

  @Override
  public void postProcessBeforeDestruction(Object bean, String beanName) {
    if (bean instanceof TenantBindingDataSource wrapped && wrapped.delegate() instanceof AutoCloseable pool) {
      try {
        pool.close();
      } catch (Exception e) {
        throw new IllegalStateException("closing the pool of data source bean '" + beanName + "' failed", e);
      }
    }
  }
}
