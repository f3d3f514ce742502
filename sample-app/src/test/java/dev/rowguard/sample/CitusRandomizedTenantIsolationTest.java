package dev.rowguard.sample;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** {@link RandomizedTenantIsolationTest}'s ten thousand operations on the Citus cluster, with Citus's binding. */
class CitusRandomizedTenantIsolationTest {
  @Test
  void tenThousandRandomOperationsAcrossTenTenantsSeeNoRowOfAnotherTenant() throws SQLException {
    CitusCluster cluster = CitusCluster.withFreshSchema();
    try (PooledSampleDatabase pooled = cluster.pooled(20261203L)) {
      new RandomizedTenantIsolationTest().run(pooled, cluster.owner);
    }
  }
}
