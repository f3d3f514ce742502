package dev.rowguard.sample;

import static com.google.common.truth.Truth.assertThat;

import dev.rowguard.sample.data.AssetDependencyRepository;
import dev.rowguard.sample.data.AssetInventoryLine;
import dev.rowguard.sample.data.AssetRepository;
import dev.rowguard.sample.domain.Asset;
import dev.rowguard.sample.domain.Asset.MappingStatus;
import dev.rowguard.sample.domain.Asset.SixRStrategy;
import dev.rowguard.sample.domain.AssetDependency;
import dev.rowguard.sample.domain.DataImport;
import dev.rowguard.sample.domain.Engagement;
import jakarta.data.page.Page;
import jakarta.data.page.PageRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The tenanted repositories' own queries, called as tenant a with arguments that match other tenants' rows too:
 * b's host names and assets, and c's, which share a's host names. Expected results are read as the owner.
 */
final class QueryIsolationCases {
  private QueryIsolationCases() {}

  static Map<String, RepositoryCases.Case> all() {
    return Map.ofEntries(
        Map.entry("AssetRepository.findByHostname(String)", (s, f) -> {
          AssetRepository assets = f.repositories.assets();
          // c has a dal-web-01 too: had it leaked, the result would not be unique.
          assertThat(assets.findByHostname("dal-web-01").map(Asset::getId)).hasValue(f.a.asset("dal-web-01").getId());
          assertThat(assets.findByHostname("ehr-db-01")).isEmpty();
        }),
        Map.entry("AssetRepository.findBySixRStrategyOrderByHostname(SixRStrategy)", (s, f) -> {
          List<Asset> found = Stream.of(SixRStrategy.values())
              .flatMap(strategy -> f.repositories.assets().findBySixRStrategyOrderByHostname(strategy).stream())
              .toList();
          f.assertOwnedByA(s, found);
          assertThat(ids(found, Asset::getId))
              .containsExactlyElementsIn(f.ofA(s.table(), "id", "six_r_strategy IS NOT NULL"));
        }),
        Map.entry("AssetRepository.countByMappingStatus(MappingStatus)", (s, f) -> {
          long total = Stream.of(MappingStatus.values())
              .mapToLong(status -> f.repositories.assets().countByMappingStatus(status))
              .sum();
          assertThat(total).isEqualTo(f.countOfA(s.table()));
        }),
        Map.entry("AssetRepository.inventory()", (s, f) -> {
          List<AssetInventoryLine> lines = f.repositories.assets().inventory();
          assertThat(lines.stream().map(AssetInventoryLine::hostname).toList())
              .containsExactlyElementsIn(f.ofA(s.table(), "hostname", "true"));
        }),
        Map.entry("AssetRepository.byHostname(PageRequest)", (s, f) -> {
          Page<Asset> page = f.repositories.assets().byHostname(PageRequest.ofSize(1_000));
          f.assertOwnedByA(s, page.content());
          assertThat(ids(page.content(), Asset::getId)).containsExactlyElementsIn(f.ofA(s.table(), "id", "true"));
          assertThat(page.totalElements()).isEqualTo(f.countOfA(s.table()));
        }),
        Map.entry("AssetRepository.hostnamesWithAtLeastCores(int)", (s, f) -> {
          assertThat(f.repositories.assets().hostnamesWithAtLeastCores(0))
              .containsExactlyElementsIn(f.ofA(s.table(), "hostname", "cpu_cores >= 0"));
        }),
        Map.entry("AssetRepository.deleteByHostname(String)", (s, f) -> {
          AssetRepository assets = f.repositories.assets();
          assertThat(assets.deleteByHostname("ehr-db-01")).isEqualTo(0);
          // c has a dal-ftp-01 too, which must stay.
          assertThat(assets.deleteByHostname("dal-ftp-01")).isEqualTo(1);
        }),
        Map.entry("AssetDependencyRepository.findByDependent(Asset)", (s, f) -> {
          AssetDependencyRepository dependencies = f.repositories.assetDependencies();
          List<AssetDependency> found = dependencies.findByDependent(f.a.asset("dal-web-01"));
          f.assertOwnedByA(s, found);
          assertThat(ids(found, AssetDependency::getId)).containsExactly(f.a.dependencies().get(0).getId().toString());
          assertThat(dependencies.findByDependent(f.c.asset("dal-web-01"))).isEmpty();
          assertThat(dependencies.findByDependent(f.b.asset("ehr-app-01"))).isEmpty();
        }),
        Map.entry("AssetDependencyRepository.findByDependency(Asset)", (s, f) -> {
          AssetDependencyRepository dependencies = f.repositories.assetDependencies();
          List<AssetDependency> found = dependencies.findByDependency(f.a.asset("dal-db-01"));
          f.assertOwnedByA(s, found);
          assertThat(ids(found, AssetDependency::getId)).containsExactly(f.a.dependencies().get(0).getId().toString());
          assertThat(dependencies.findByDependency(f.c.asset("dal-db-01"))).isEmpty();
          assertThat(dependencies.findByDependency(f.b.asset("ehr-db-01"))).isEmpty();
        }),
        Map.entry("EngagementRepository.findByStatusOrderByName(Status)", (s, f) -> {
          // An engagement is tenanted by its client account only: a sees c's engagement, never b's.
          List<Engagement> found = Stream.of(Engagement.Status.values())
              .flatMap(status -> f.repositories.engagements().findByStatusOrderByName(status).stream())
              .toList();
          f.assertOwnedByA(s, found);
          assertThat(ids(found, Engagement::id)).containsExactlyElementsIn(f.ofA(s.table(), "id", "true"));
        }),
        Map.entry("DataImportRepository.findByStatusOrderByFilename(Status)", (s, f) -> {
          List<DataImport> found = Stream.of(DataImport.Status.values())
              .flatMap(status -> f.repositories.dataImports().findByStatusOrderByFilename(status).stream())
              .toList();
          f.assertOwnedByA(s, found);
          assertThat(ids(found, DataImport::getId)).containsExactlyElementsIn(f.ofA(s.table(), "id", "true"));
        }),
        Map.entry("DiscoveryFlowRepository.findFirstByOrderByStartedAtDesc()", (s, f) ->
            // b's and c's runs started later than any of a's: a leak would return one of theirs.
            f.assertOwnedByA(s, List.of(f.repositories.discoveryFlows().findFirstByOrderByStartedAtDesc()
                .orElseThrow()))));
  }

  private static <E> List<String> ids(List<E> entities, Function<E, UUID> id) {
    return entities.stream().map(entity -> id.apply(entity).toString()).toList();
  }
}
