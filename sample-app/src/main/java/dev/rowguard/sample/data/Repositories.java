package dev.rowguard.sample.data;

import dev.rowguard.runtime.TenantBindingDataSource;

/**
 * The application's repositories, on its tenant-binding data source. Client accounts are shared, so theirs
 * reads through the data source's escape hatch; the application role may not write them.
 */
public record Repositories(
    ClientAccountRepository clientAccounts,
    EngagementRepository engagements,
    AssetRepository assets,
    AssetDependencyRepository assetDependencies,
    DataImportRepository dataImports,
    DiscoveryFlowRepository discoveryFlows) {

  public static Repositories on(TenantBindingDataSource dataSource) {
    return new Repositories(
        new ClientAccountRepositoryJdbc(dataSource.withoutTenant("client accounts are shared by all tenants")),
        new EngagementRepositoryJdbc(dataSource),
        new AssetRepositoryJdbc(dataSource),
        new AssetDependencyRepositoryJdbc(dataSource),
        new DataImportRepositoryJdbc(dataSource),
        new DiscoveryFlowRepositoryJdbc(dataSource));
  }
}
