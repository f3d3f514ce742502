package dev.rowguard.benchmarks.repository;

/** Hibernate ORM 7 with {@code @TenantId}, over the same pool and login. */
public class HibernateBenchmark extends StoreBenchmark {
  @Override
  protected AssetStore openStore(Workload workload) {
    return new HibernateAssetStore(workload.dataSource(), workload.serverVersion());
  }
}
