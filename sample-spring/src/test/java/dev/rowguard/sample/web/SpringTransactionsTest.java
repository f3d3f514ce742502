package dev.rowguard.sample.web;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rowguard.runtime.ConnectionOutOfScopeException;
import dev.rowguard.runtime.TenantContext;
import dev.rowguard.runtime.TenantKeys;
import dev.rowguard.runtime.TenantNotBoundException;
import dev.rowguard.sample.data.AssetRepository;
import dev.rowguard.sample.domain.Asset;
import dev.rowguard.sample.domain.AssetDependency;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spring's transaction manager, {@code JdbcClient} and the generated repositories share one tenant-bound connection
 * per transaction, bound when the transaction starts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class SpringTransactionsTest {
  private static final SampleDatabaseFixture DATABASE = new SampleDatabaseFixture();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    DATABASE.register(registry);
  }

  @Autowired TenantKeys keys;
  @Autowired AssetRepository assets;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transactions;

  @Test
  void repositoryAndJdbcClientShareTheTransaction() {
    UUID client = DATABASE.clientAccount("Fabrikam");
    UUID engagement = UUID.randomUUID();
    DATABASE.database.database().executeScript("INSERT INTO migration.engagement (id, client_account_id, name, status)"
        + " VALUES ('" + engagement + "', '" + client + "', 'Lift and shift', 'planning')");
    TenantContext.run(keys.tenant(client, engagement), () -> transactions.executeWithoutResult(status -> {
      assets.insert(new Asset(UUID.randomUUID(), "fab-tx-01", Asset.AssetType.SERVER));
      // Uncommitted: visible only on the transaction's own connection, through row-level security.
      assertThat(jdbc.sql("SELECT count(*) FROM migration.asset WHERE hostname = 'fab-tx-01'").query(Long.class)
          .single()).isEqualTo(1);
      assertThat(assets.findByHostname("fab-tx-01")).isPresent();
      status.setRollbackOnly();
    }));
    assertThat(DATABASE.count("asset", "hostname = 'fab-tx-01'")).isEqualTo(0);
  }

  @Autowired MoveWaves waves;

  /**
   * Two tenants in turn, each a transactional wave and then inserts of their own, on the same pooled connections:
   * enough executions of each statement for pgjdbc to prepare it on the server, inside and outside transactions.
   */
  @Test
  void insertsAfterATransactionOnTheSameConnectionsEachCarryTheirTenant() {
    for (String name : List.of("Adventure Works", "Alpine Ski House", "Bellows College")) {
      UUID client = DATABASE.clientAccount(name);
      UUID engagement = UUID.randomUUID();
      DATABASE.database.database().executeScript("INSERT INTO migration.engagement (id, client_account_id, name,"
          + " status) VALUES ('" + engagement + "', '" + client + "', 'Data centre exit', 'planning')");
      String prefix = name.substring(0, 3).toLowerCase(java.util.Locale.ROOT);
      TenantContext.run(keys.tenant(client, engagement), () -> {
        waves.record(new MoveWave(
            List.of(new NewAsset(prefix + "-app", Asset.AssetType.APPLICATION),
                new NewAsset(prefix + "-db", Asset.AssetType.DATABASE)),
            List.of(new MoveWave.Link(prefix + "-app", prefix + "-db", AssetDependency.Kind.DATABASE))));
        for (int i = 0; i < 18; i++) {
          assets.insert(new Asset(UUID.randomUUID(), prefix + "-vm-" + i, Asset.AssetType.SERVER));
        }
      });
      assertThat(DATABASE.count("asset", "engagement_id = '" + engagement + "'")).isEqualTo(20);
    }
  }

  @Test
  void transactionWithoutTenantDoesNotStart() {
    CannotCreateTransactionException refused = assertThrows(CannotCreateTransactionException.class,
        () -> transactions.executeWithoutResult(status -> assets.findAll().count()));
    assertThat(refused).hasCauseThat().isInstanceOf(TenantNotBoundException.class);
    assertThrows(TenantNotBoundException.class,
        () -> jdbc.sql("SELECT count(*) FROM migration.asset").query(Long.class).single());
  }

  @Test
  void transactionRefusesWorkOfAnotherTenant() {
    UUID client = DATABASE.clientAccount("Tailspin");
    UUID other = DATABASE.clientAccount("Wingtip");
    RuntimeException refused = assertThrows(RuntimeException.class,
        () -> TenantContext.run(keys.tenant(client), () -> transactions.executeWithoutResult(status ->
            TenantContext.run(keys.tenant(other), () ->
                jdbc.sql("SELECT count(*) FROM migration.engagement").query(Long.class).single()))));
    assertThat(causes(refused, ConnectionOutOfScopeException.class)).isTrue();
  }

  private static boolean causes(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
