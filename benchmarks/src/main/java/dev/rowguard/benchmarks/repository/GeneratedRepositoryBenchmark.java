package dev.rowguard.benchmarks.repository;

import dev.rowguard.benchmarks.repository.domain.BenchAsset;
import dev.rowguard.benchmarks.repository.domain.BenchAssetRepository;
import dev.rowguard.benchmarks.repository.domain.BenchAssetRepositoryJdbc;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Rowguard's generated repository over the same pool and login. It reads the tenant from {@code TenantContext}
 * itself. Called through its interface, as an application would.
 */
public class GeneratedRepositoryBenchmark extends StoreBenchmark {
  @Override
  protected AssetStore openStore(Workload workload) {
    BenchAssetRepository repository = new BenchAssetRepositoryJdbc(workload.dataSource());
    return new AssetStore() {
      @Override
      public Optional<BenchAsset> findById(UUID id) {
        return repository.findById(id);
      }

      @Override
      public List<BenchAsset> findByCategory(String category) {
        return repository.findByCategory(category);
      }

      @Override
      public void insertAll(List<BenchAsset> rows) {
        repository.insertAll(rows);
      }

      @Override
      public void readThenUpdate(UUID id) {
        workload.dataSource().runInTransaction(() -> {
          BenchAsset row = repository.findById(id).orElseThrow();
          row.setCpuCores(Workload.incremented(row.getCpuCores()));
          repository.update(row);
        });
      }
    };
  }
}
