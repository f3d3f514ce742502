package dev.rowguard.sample.data;

import dev.rowguard.annotations.SqlQuery;
import dev.rowguard.sample.domain.Asset;
import dev.rowguard.sample.domain.Asset.MappingStatus;
import dev.rowguard.sample.domain.Asset.SixRStrategy;
import jakarta.data.page.Page;
import jakarta.data.page.PageRequest;
import jakarta.data.repository.CrudRepository;
import jakarta.data.repository.Find;
import jakarta.data.repository.OrderBy;
import jakarta.data.repository.Repository;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The bound engagement's assets. */
@Repository
public interface AssetRepository extends CrudRepository<Asset, UUID> {
  Optional<Asset> findByHostname(String hostname);

  /** The assets that move the same way, e.g. everything to rehost. */
  List<Asset> findBySixRStrategyOrderByHostname(SixRStrategy strategy);

  long countByMappingStatus(MappingStatus status);

  /** One line per asset, for the inventory report: only the columns it prints are read. */
  @Find
  @OrderBy("applicationName")
  @OrderBy("hostname")
  List<AssetInventoryLine> inventory();

  @Find
  @OrderBy("hostname")
  Page<Asset> byHostname(PageRequest page);

  /**
   * The hosts with at least {@code cores} CPU cores, in native SQL: {@code rowguard_tenant(a)} restricts the
   * assets to the bound engagement, and the Error Prone checks agree with the processor that it does.
   */
  @SqlQuery("SELECT a.hostname FROM asset a WHERE rowguard_tenant(a) AND a.cpu_cores >= :cores ORDER BY a.hostname")
  List<String> hostnamesWithAtLeastCores(int cores);

  /** Decommissions a host; returns the rows deleted. */
  long deleteByHostname(String hostname);
}
