package dev.rowguard.spring;

import dev.rowguard.runtime.TenantBindingDataSource;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * The data sources generated repositories are built on. Both are {@link TransactionAwareDataSourceProxy}s, so
 * that a repository called inside a Spring transaction uses the transaction's connection (the one the
 * transaction manager checked out, bound to the tenant of the transaction's start) and leaves commit and close
 * to the transaction; outside one, each call checks a connection out and returns it.
 *
 * <p>A repository of a table shared by all tenants reads through the tenant-binding data source's escape hatch,
 * which needs no tenant and binds none, outside any transaction.
 */
final class RepositoryDataSources {
  private final DataSource tenanted;
  private final DataSource shared;

  RepositoryDataSources(TenantBindingDataSource dataSource) {
    this.tenanted = new TransactionAwareDataSourceProxy(dataSource);
    this.shared = dataSource.withoutTenant("a repository of a table shared by all tenants");
  }

  DataSource tenanted() {
    return tenanted;
  }

  DataSource shared() {
    return shared;
  }
}
