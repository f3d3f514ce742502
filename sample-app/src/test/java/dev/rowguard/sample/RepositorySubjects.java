package dev.rowguard.sample;

import dev.rowguard.sample.SampleData.TenantData;
import dev.rowguard.sample.data.AssetDependencyRepository;
import dev.rowguard.sample.data.AssetRepository;
import dev.rowguard.sample.data.ClientAccountRepository;
import dev.rowguard.sample.data.DataImportRepository;
import dev.rowguard.sample.data.DiscoveryFlowRepository;
import dev.rowguard.sample.data.EngagementRepository;
import dev.rowguard.sample.domain.Asset;
import dev.rowguard.sample.domain.AssetDependency;
import dev.rowguard.sample.domain.ClientAccount;
import dev.rowguard.sample.domain.DataImport;
import dev.rowguard.sample.domain.DiscoveryFlow;
import dev.rowguard.sample.domain.Engagement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What the isolation cases need to know about each repository's entity, by repository interface. */
final class RepositorySubjects {
  private RepositorySubjects() {}

  static Map<Class<?>, RepositorySubject<?>> of(RepositoryFixture f) {
    List<RepositorySubject<?>> subjects = List.of(
        f.subject(ClientAccountRepository.class, tenant -> List.of(tenant.account()), ClientAccount::id,
            account -> account,
            () -> new ClientAccount(UUID.randomUUID(), f.scratchName("Scratch "), null, ClientAccount.Status.ACTIVE,
                null, null)),
        f.subject(EngagementRepository.class, tenant -> List.of(tenant.engagement()), Engagement::id,
            e -> new Engagement(e.id(), null, e.name(), e.status(), e.targetCloud(), e.startDate(),
                e.plannedEndDate(), e.createdAt()),
            () -> new Engagement(UUID.randomUUID(), null, f.scratchName("Scratch "), Engagement.Status.PLANNING,
                null, null, null, null)),
        f.subject(AssetRepository.class, TenantData::assets, Asset::getId,
            asset -> {
              asset.setClientAccountId(null);
              asset.setEngagementId(null);
              return asset;
            },
            f::scratchAsset),
        f.subject(AssetDependencyRepository.class, TenantData::dependencies, AssetDependency::getId,
            dependency -> {
              dependency.setClientAccountId(null);
              dependency.setEngagementId(null);
              return dependency;
            },
            () -> {
              // Two assets of their own, so that the new link is unique.
              List<Asset> pair = f.repositories.assets().insertAll(List.of(f.scratchAsset(), f.scratchAsset()));
              return new AssetDependency(UUID.randomUUID(), pair.get(0), pair.get(1), AssetDependency.Kind.NETWORK);
            }),
        f.subject(DataImportRepository.class, TenantData::dataImports, DataImport::getId,
            dataImport -> {
              dataImport.setClientAccountId(null);
              dataImport.setEngagementId(null);
              return dataImport;
            },
            () -> new DataImport(UUID.randomUUID(), f.scratchName("scratch-") + ".csv", DataImport.Status.UPLOADED)),
        f.subject(DiscoveryFlowRepository.class, TenantData::discoveryFlows, DiscoveryFlow::getId,
            flow -> {
              flow.setClientAccountId(null);
              flow.setEngagementId(null);
              return flow;
            },
            () -> {
              DiscoveryFlow flow = new DiscoveryFlow(UUID.randomUUID(), DiscoveryFlow.Phase.DATA_IMPORT);
              flow.setStartedAt(SampleData.DISCOVERED_AT); // before the other tenants' runs, see RepositoryFixture
              return flow;
            }));
    return subjects.stream().collect(Collectors.toMap(RepositorySubject::repository, Function.identity()));
  }
}
