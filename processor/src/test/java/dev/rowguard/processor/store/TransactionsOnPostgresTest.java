package dev.rowguard.processor.store;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rowguard.postgres.Database;
import dev.rowguard.postgres.PostgresExtension;
import dev.rowguard.processor.store.Product.Category;
import dev.rowguard.runtime.Tenant;
import dev.rowguard.runtime.TenantContext;
import dev.rowguard.runtime.TenantScopeException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two generated repositories in one transaction, as a login that row-level security applies to: with the
 * runtime alone ({@code runInTransaction}), and under Spring's {@code DataSourceTransactionManager} through a
 * {@code TransactionAwareDataSourceProxy}. A rollback undoes both repositories' writes.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransactionsOnPostgresTest {
  private StoreDatabase database;
  private ProductRepository products;
  private ReviewRepository reviews;
  private Tenant store;

  @BeforeAll
  void start(Database database) {
    this.database = new StoreDatabase(database);
    products = new ProductRepositoryJdbc(this.database.dataSource);
    reviews = new ReviewRepositoryJdbc(this.database.dataSource);
  }

  @AfterAll
  void stop() {
    database.close();
  }

  @BeforeEach
  void newStore() throws SQLException {
    store = database.newStore("store " + UUID.randomUUID());
  }

  private static Product product(String sku) {
    return new Product(UUID.randomUUID(), sku, "Lamp " + sku, Category.HOME_GARDEN, new BigDecimal("9.99"), 1);
  }

  private static Review review(Product product) {
    return new Review(UUID.randomUUID(), null, product, 5, "bright", Instant.now());
  }

  private boolean stored(Product product) {
    return TenantContext.call(store, () -> products.findBySku(product.getSku()).isPresent());
  }

  private int reviewsOf(Product product) {
    return TenantContext.call(store, () -> reviews.findByProductOrderByRatingDesc(product).size());
  }

  @Test
  void twoRepositoriesCommitTogether() {
    Product lamp = product("LAMP-1");
    TenantContext.run(store, () -> database.dataSource.runInTransaction(() -> {
      products.insert(lamp);
      reviews.add(review(lamp)); // sees the uncommitted product: its foreign key holds
    }));

    assertThat(stored(lamp)).isTrue();
    assertThat(reviewsOf(lamp)).isEqualTo(1);
  }

  @Test
  void aFailureRollsBackBothRepositoriesWritesAndIsRethrownAsItWas() {
    Product lamp = product("LAMP-2");
    IllegalStateException failure = new IllegalStateException("payment declined");

    IllegalStateException thrown = assertThrows(IllegalStateException.class,
        () -> TenantContext.run(store, () -> database.dataSource.runInTransaction(() -> {
          products.insert(lamp);
          reviews.add(review(lamp));
          throw failure;
        })));

    assertThat(thrown).isSameInstanceAs(failure);
    assertThat(stored(lamp)).isFalse();
    assertThat(reviewsOf(lamp)).isEqualTo(0);
  }

  @Test
  void aNestedTransactionJoinsTheOuterOneAndRollsBackWithIt() {
    Product lamp = product("LAMP-3");

    assertThrows(IllegalStateException.class, () -> TenantContext.run(store,
        () -> database.dataSource.runInTransaction(() -> {
          database.dataSource.runInTransaction(() -> products.insert(lamp));
          throw new IllegalStateException("after the inner call returned");
        })));

    assertThat(stored(lamp)).isFalse();
  }

  @Test
  void anotherTenantsWorkCannotJoinTheTransaction() throws SQLException {
    Tenant other = database.newStore("other " + UUID.randomUUID());
    Product lamp = product("LAMP-4");

    TenantScopeException refused = assertThrows(TenantScopeException.class,
        () -> TenantContext.run(store, () -> database.dataSource.runInTransaction(() -> {
          products.insert(lamp);
          TenantContext.run(other, () -> products.insert(product("LAMP-5")));
        })));

    assertThat(refused).hasMessageThat().contains("cannot join it");
    assertThat(stored(lamp)).isFalse();
  }

  @Test
  void workMayUseSavepointsButNotEndTheTransactionItself() throws SQLException {
    Product kept = product("LAMP-8");
    Product undone = product("LAMP-9");

    TenantContext.run(store, () -> database.dataSource.runInTransaction(() -> {
      products.insert(kept);
      try (Connection connection = database.dataSource.getConnection()) {
        SQLException refused = assertThrows(SQLException.class, connection::commit);
        assertThat(refused.getMessage()).contains("the transaction commits when the work returns");
        Savepoint beforeUndone = connection.setSavepoint();
        products.insert(undone); // the same connection: the transaction's
        connection.rollback(beforeUndone);
      }
    }));

    assertThat(stored(kept)).isTrue();
    assertThat(stored(undone)).isFalse();
  }

  @Test
  void underSpringsTransactionManagerARollbackUndoesBothRepositoriesWrites() {
    DataSourceTransactionManager transactions = new DataSourceTransactionManager(database.dataSource);
    DataSource aware = new TransactionAwareDataSourceProxy(database.dataSource);
    ProductRepository springProducts = new ProductRepositoryJdbc(aware);
    ReviewRepository springReviews = new ReviewRepositoryJdbc(aware);
    TransactionTemplate template = new TransactionTemplate(transactions);
    Product kept = product("LAMP-6");
    Product undone = product("LAMP-7");

    TenantContext.run(store, () -> template.executeWithoutResult(status -> {
      springProducts.insert(kept);
      springReviews.add(review(kept));
    }));
    TenantContext.run(store, () -> template.executeWithoutResult(status -> {
      springProducts.insert(undone);
      springReviews.add(review(undone));
      status.setRollbackOnly();
    }));

    assertThat(stored(kept)).isTrue();
    assertThat(reviewsOf(kept)).isEqualTo(1);
    assertThat(stored(undone)).isFalse();
    assertThat(reviewsOf(undone)).isEqualTo(0);
  }
}
