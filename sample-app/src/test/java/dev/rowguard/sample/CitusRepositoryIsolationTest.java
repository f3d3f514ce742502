package dev.rowguard.sample;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.rowguard.sample.RecordingDataSource.Execution;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@link RepositoryIsolationChecks} on the Citus cluster, as a non-owner login with Citus's binding; then every
 * statement the generated repositories sent to a tenanted table meanwhile (seeding and every case of every
 * method), replayed under {@code EXPLAIN}, is routed to a single shard.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CitusRepositoryIsolationTest extends RepositoryIsolationChecks {
  private CitusCluster cluster;
  private final RecordingDataSource recorded = new RecordingDataSource();

  @BeforeAll
  void seed() throws SQLException {
    cluster = CitusCluster.withFreshSchema();
    fixture = new RepositoryFixture(cluster.pooled(recorded.wrap(cluster.appLogin), 7_000L), cluster.owner);
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void everyStatementTheRepositoriesSentToATenantedTableIsRoutedToOneShard() throws SQLException {
    Map<String, Execution> statements = CitusRoutingChecks.onTenantedTables(fixture.app.model, recorded.executions());
    System.out.println("Citus routing: " + statements.size() + " distinct statements on tenanted tables, from "
        + recorded.executions().size() + " executions, EXPLAINed");
    assertThat(statements.size()).isAtLeast(50);
    assertWithMessage("statements not routed to a single shard")
        .that(CitusRoutingChecks.notRouted(cluster.owner, statements.values())).isEmpty();
  }
}
