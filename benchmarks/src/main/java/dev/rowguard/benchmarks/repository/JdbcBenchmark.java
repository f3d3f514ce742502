package dev.rowguard.benchmarks.repository;

/** Hand-written JDBC: the limit. */
public class JdbcBenchmark extends StoreBenchmark {
  @Override
  protected AssetStore openStore(Workload workload) {
    return new JdbcAssetStore(workload.dataSource());
  }
}
