package dev.rowguard.sample.data;

import dev.rowguard.sample.domain.Asset;
import dev.rowguard.sample.domain.AssetDependency;
import jakarta.data.repository.CrudRepository;
import jakarta.data.repository.Repository;
import java.util.List;
import java.util.UUID;

/** The bound engagement's dependencies between assets. */
@Repository
public interface AssetDependencyRepository extends CrudRepository<AssetDependency, UUID> {
  /** What {@code asset} needs. */
  List<AssetDependency> findByDependent(Asset asset);

  /** What needs {@code asset}: these must move with it, or be re-pointed. */
  List<AssetDependency> findByDependency(Asset asset);
}
