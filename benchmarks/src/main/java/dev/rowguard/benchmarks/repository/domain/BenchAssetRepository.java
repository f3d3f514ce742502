package dev.rowguard.benchmarks.repository.domain;

import jakarta.data.repository.CrudRepository;
import jakarta.data.repository.Repository;
import java.util.List;
import java.util.UUID;

/** The repository Rowguard's processor implements as {@code BenchAssetRepositoryJdbc}. */
@Repository
public interface BenchAssetRepository extends CrudRepository<BenchAsset, UUID> {
  List<BenchAsset> findByCategory(String category);
}
