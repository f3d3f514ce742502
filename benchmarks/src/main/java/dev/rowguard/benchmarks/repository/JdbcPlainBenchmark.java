package dev.rowguard.benchmarks.repository;

/**
 * Hand-written JDBC on a plain HikariCP pool, as a login that bypasses row-level security: {@code tenant_id = ?}
 * is all that keeps tenants apart, and nothing enforces it. The limit for enforced isolation.
 */
public class JdbcPlainBenchmark extends StoreBenchmark {
  @Override
  protected AssetStore openStore(Workload workload) {
    return new JdbcAssetStore(workload.plainDataSource());
  }
}
