package dev.rowguard.benchmarks.repository;

/** Hand-written JDBC through the tenant-binding data source: the same SQL as jdbc-plain, with RLS enforcing. */
public class JdbcBoundBenchmark extends StoreBenchmark {
  @Override
  protected AssetStore openStore(Workload workload) {
    return new JdbcAssetStore(workload.dataSource());
  }
}
