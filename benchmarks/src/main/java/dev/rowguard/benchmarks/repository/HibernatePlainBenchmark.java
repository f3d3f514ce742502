package dev.rowguard.benchmarks.repository;

/**
 * Hibernate ORM 7 with {@code @TenantId} on a plain HikariCP pool, as a login that bypasses row-level security:
 * what teams use today. Hibernate adds the tenant predicate; nothing enforces it.
 */
public class HibernatePlainBenchmark extends StoreBenchmark {
  @Override
  protected AssetStore openStore(Workload workload) {
    return new HibernateAssetStore(workload.plainDataSource(), workload.serverVersion());
  }
}
