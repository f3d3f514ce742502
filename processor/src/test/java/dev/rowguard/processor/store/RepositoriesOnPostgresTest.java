package dev.rowguard.processor.store;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rowguard.postgres.Database;
import dev.rowguard.postgres.PostgresExtension;
import dev.rowguard.processor.store.Product.Category;
import dev.rowguard.runtime.CrossTenantWriteException;
import dev.rowguard.runtime.RowguardSqlException;
import dev.rowguard.runtime.Tenant;
import dev.rowguard.runtime.TenantBindingDataSource;
import dev.rowguard.runtime.TenantContext;
import dev.rowguard.runtime.TenantNotBoundException;
import dev.rowguard.runtime.TenantScope;
import jakarta.data.Limit;
import jakarta.data.Order;
import jakarta.data.Sort;
import jakarta.data.exceptions.EmptyResultException;
import jakarta.data.exceptions.NonUniqueResultException;
import jakarta.data.exceptions.OptimisticLockingFailureException;
import jakarta.data.page.Page;
import jakarta.data.page.PageRequest;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every supported method shape of the generated repositories, against PostgreSQL, as a login that row-level
 * security applies to. Each test works in a fresh store, with a second store's rows alongside that must never
 * show up.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RepositoriesOnPostgresTest {
  private StoreDatabase database;
  private ProductRepository products;
  private ReviewRepository reviews;
  private StockMovementRepository movements;
  private StoreRepository stores;
  private Tenant store;
  private Tenant otherStore;

  @BeforeAll
  void start(Database database) {
    this.database = new StoreDatabase(database);
    products = new ProductRepositoryJdbc(this.database.dataSource);
    reviews = new ReviewRepositoryJdbc(this.database.dataSource);
    movements = new StockMovementRepositoryJdbc(this.database.dataSource);
    // The shared table is read without a tenant, which the tenant-binding data source allows only when asked.
    stores = new StoreRepositoryJdbc(this.database.dataSource.withoutTenant("the store list is shared"));
  }

  @AfterAll
  void stop() {
    database.close();
  }

  /** A store with six products, and another store with the same SKUs, which must stay invisible. */
  @BeforeEach
  void seed() throws SQLException {
    store = database.newStore("store " + UUID.randomUUID());
    otherStore = database.newStore("other " + UUID.randomUUID());
    for (Tenant tenant : List.of(otherStore, store)) {
      in(tenant, () -> products.insertAll(List.of(
          product("HG-1", "Garden hose", Category.HOME_GARDEN, "19.90", 12),
          product("HG-2", "Rake", Category.HOME_GARDEN, "24.50", 0),
          product("EL-1", "Headphones", Category.ELECTRONICS, "89.00", 5),
          product("EL-2", "Charger_100%", Category.ELECTRONICS, "15.00", 40),
          product("BK-1", "Cookbook", Category.BOOKS_AND_MEDIA, "30.00", 3),
          product("TY-1", "Kite", Category.TOYS, null, 7))));
    }
  }

  private static Product product(String sku, String name, Category category, String price, int stock) {
    return new Product(UUID.randomUUID(), sku, name, category, price == null ? null : new BigDecimal(price), stock);
  }

  @SuppressWarnings("try")
  private <T> T in(Tenant tenant, Supplier<T> work) {
    try (TenantScope scope = TenantContext.bind(tenant)) {
      return work.get();
    }
  }

  private void in(Tenant tenant, Runnable work) {
    in(tenant, () -> {
      work.run();
      return null;
    });
  }

  private static List<String> skus(List<Product> list) {
    return list.stream().map(Product::getSku).toList();
  }

  @Test
  void insertFillsTheTenantKeyAndReadsBackDefaultsAndVersion() {
    Product kept = in(store, () -> products.insert(product("NEW-1", "Lamp", Category.HOME_GARDEN, "9.99", 1)));
    assertThat(kept.getStoreId()).isEqualTo(store.values().get(0));
    assertThat(kept.getCreatedAt()).isNotNull();
    Product read = in(store, () -> products.findById(kept.getId()).orElseThrow());
    assertThat(read.getCreatedAt()).isEqualTo(kept.getCreatedAt());
    assertThat(read.getPrice()).isEqualTo(new BigDecimal("9.99"));
    assertThat(read.getCategory()).isEqualTo(Category.HOME_GARDEN);
    assertThat(in(otherStore, () -> products.findById(kept.getId()))).isEmpty();
  }

  @Test
  void enumsAreStoredAsTheirDeclaredText() throws SQLException {
    try (Connection connection = database.owner.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT category FROM product WHERE sku IN ('HG-1', 'BK-1') "
            + "AND store_id = '" + store.values().get(0) + "' ORDER BY sku")) {
      List<String> stored = new ArrayList<>();
      while (rows.next()) {
        stored.add(rows.getString(1));
      }
      assertThat(stored).containsExactly("books", "home-garden").inOrder();
    }
  }

  @Test
  void findersByEveryOperator() {
    in(store, () -> {
      assertThat(products.findBySku("EL-1").orElseThrow().getName()).isEqualTo("Headphones");
      assertThat(products.findBySku("nope")).isEmpty();
      assertThat(products.findByName("Rake").getSku()).isEqualTo("HG-2");
      assertThrows(EmptyResultException.class, () -> products.findByName("nothing"));
      assertThat(skus(products.findByCategoryOrderBySkuAsc(Category.HOME_GARDEN))).containsExactly("HG-1", "HG-2")
          .inOrder();
      assertThat(skus(products.findByCategoryAndPriceLessThan(Category.ELECTRONICS, new BigDecimal("50"))))
          .containsExactly("EL-2");
      assertThat(skus(products.findByPriceBetweenOrderByPriceDesc(new BigDecimal("15"), new BigDecimal("30"))))
          .containsExactly("BK-1", "HG-2", "HG-1", "EL-2").inOrder();
      assertThat(skus(products.findByStockGreaterThanEqualOrderBySku(7))).containsExactly("EL-2", "HG-1", "TY-1")
          .inOrder();
      assertThat(skus(products.findByNameLike("%o%e%"))).containsExactly("HG-1", "EL-1");
      assertThat(skus(products.findByNameIgnoreCaseStartsWith("HEAD"))).containsExactly("EL-1");
      // StartsWith, EndsWith and Contains match literally: % and _ are not wildcards.
      assertThat(skus(products.findByNameContains("_100%"))).containsExactly("EL-2");
      assertThat(skus(products.findByNameContains("%"))).containsExactly("EL-2");
      assertThat(skus(products.findByNameEndsWith("book"))).containsExactly("BK-1");
      assertThat(skus(products.findBySkuIn(Set.of("EL-1", "TY-1", "missing")))).containsExactly("EL-1", "TY-1");
      assertThat(skus(products.findByNameInOrderBySku(new String[] {"Kite", "Rake", "none"})))
          .containsExactly("HG-2", "TY-1").inOrder();
      assertThat(skus(products.findByCategoryNotIn(List.of(Category.HOME_GARDEN, Category.ELECTRONICS))))
          .containsExactly("BK-1", "TY-1");
      assertThat(products.findByAttributesIsNullOrderBySku()).hasSize(6);
      assertThat(products.findByLaunchDateNotNullOrderBySku()).isEmpty();
      assertThat(products.findByDiscontinuedTrue()).isEmpty();
      assertThat(skus(products.findBySkuNot("EL-1"))).hasSize(5);
      assertThat(skus(products.findByCategoryOrStockLessThan(Category.TOYS, 4))).containsExactly("HG-2", "BK-1",
          "TY-1");
      assertThat(skus(products.findFirst2ByCategoryOrderByPriceDesc(Category.ELECTRONICS))).containsExactly("EL-1",
          "EL-2").inOrder();
      // NULLs sort first in descending order in PostgreSQL.
      assertThat(products.findTopByOrderByPriceDesc().orElseThrow().getSku()).isEqualTo("TY-1");
      assertThat(skus(products.findByCategory(Category.HOME_GARDEN).toList())).containsExactly("HG-1", "HG-2");
      assertThat(skus(products.findByLaunchDateGreaterThan(LocalDate.of(2000, 1, 1)))).isEmpty();
    });
  }

  @Test
  void orConditionsNeverWidenTheTenantRestriction() {
    List<Product> found = in(store, () -> products.findByCategoryOrStockLessThan(Category.TOYS, 1000));
    assertThat(found).hasSize(6);
    assertThat(found.stream().map(Product::getStoreId).distinct().toList()).containsExactly(store.values().get(0));
  }

  @Test
  void limitsSortsOrdersAndPages() {
    in(store, () -> {
      assertThat(skus(products.findByCategory(Category.ELECTRONICS, Limit.of(1), Sort.desc("price"))))
          .containsExactly("EL-1");
      assertThat(skus(products.findByCategory(Category.ELECTRONICS, Limit.range(2, 2), Sort.desc("price"))))
          .containsExactly("EL-2");
      assertThrows(IllegalArgumentException.class,
          () -> products.findByCategory(Category.TOYS, Limit.of(1), Sort.asc("price; DROP TABLE product")));

      Page<Product> first = products.findByDiscontinuedFalse(PageRequest.ofSize(4), Order.by(Sort.asc("sku")));
      assertThat(skus(first.content())).containsExactly("BK-1", "EL-1", "EL-2", "HG-1").inOrder();
      assertThat(first.totalElements()).isEqualTo(6);
      assertThat(first.hasNext()).isTrue();
      Page<Product> second = products.findByDiscontinuedFalse(first.nextPageRequest(), Order.by(Sort.asc("sku")));
      assertThat(skus(second.content())).containsExactly("HG-2", "TY-1").inOrder();
      assertThat(second.hasNext()).isFalse();

      Page<Product> noTotal = products.page(PageRequest.ofPage(1, 5, false), Sort.descIgnoreCase("name"));
      assertThat(noTotal.hasTotals()).isFalse();
      assertThat(noTotal.content().get(0).getName()).isEqualTo("Rake");
      assertThat(noTotal.hasNext()).isTrue();

      assertThat(products.summaries(Category.ELECTRONICS, Order.by(Sort.desc("price"))))
          .containsExactly(new ProductSummary("EL-1", "Headphones", new BigDecimal("89.00")),
              new ProductSummary("EL-2", "Charger_100%", new BigDecimal("15.00"))).inOrder();
      assertThat(products.findByCategoryOrderByName(Category.HOME_GARDEN).get(0).sku()).isEqualTo("HG-1");
      assertThat(skus(products.inCategory(Category.HOME_GARDEN))).containsExactly("HG-2", "HG-1").inOrder();
      assertThat(products.bySku("TY-1").orElseThrow().getName()).isEqualTo("Kite");
      assertThat(products.findAll(PageRequest.ofSize(10), Order.by()).totalElements()).isEqualTo(6);
      assertThat(products.findAll().count()).isEqualTo(6);
    });
  }

  @Test
  void countExistsAndDeletes() {
    in(store, () -> {
      assertThat(products.countByCategory(Category.HOME_GARDEN)).isEqualTo(2);
      assertThat(products.existsBySku("HG-1")).isTrue();
      assertThat(products.existsBySku("nope")).isFalse();
      Product rake = products.findBySku("HG-2").orElseThrow();
      rake.setDiscontinued(true);
      products.update(rake);
      assertThat(products.countByDiscontinuedTrue()).isEqualTo(1);
      assertThat(products.deleteByDiscontinuedTrue()).isEqualTo(1);
      products.discontinue(products.findBySku("HG-1").orElseThrow().getId());
      assertThat(products.countByCategory(Category.HOME_GARDEN)).isEqualTo(0);
      products.deleteById(products.findBySku("TY-1").orElseThrow().getId());
      products.delete(products.findBySku("BK-1").orElseThrow());
      products.deleteAll(List.of(products.findBySku("EL-1").orElseThrow()));
      assertThat(skus(products.findAll().toList())).containsExactly("EL-2");
    });
    assertThat(in(otherStore, () -> products.findAll().count())).isEqualTo(6);
  }

  @Test
  void nonUniqueResultsAreRefused() {
    in(store, () -> products.insert(product("HG-9", "Rake", Category.HOME_GARDEN, "1.00", 1)));
    assertThrows(NonUniqueResultException.class, () -> in(store, () -> products.findByName("Rake")));
  }

  @Test
  void updatesCheckTheVersionAndNeverMoveARowToAnotherTenant() {
    Product headphones = in(store, () -> products.findBySku("EL-1").orElseThrow());
    long version = headphones.getVersion();
    headphones.setStock(4);
    in(store, () -> products.update(headphones));
    assertThat(headphones.getVersion()).isEqualTo(version + 1);
    Product stale = in(store, () -> products.findBySku("EL-1").orElseThrow());
    stale.setVersion(version);
    assertThrows(OptimisticLockingFailureException.class, () -> in(store, () -> products.update(stale)));

    // The other store cannot update it, even with the right key and version.
    Product copy = in(store, () -> products.findBySku("EL-1").orElseThrow());
    copy.setStoreId(null);
    assertThrows(OptimisticLockingFailureException.class, () -> in(otherStore, () -> products.update(copy)));
    // An entity carrying another tenant's key is refused before any SQL.
    Product foreign = in(store, () -> products.findBySku("EL-1").orElseThrow());
    assertThrows(CrossTenantWriteException.class, () -> in(otherStore, () -> products.update(foreign)));
    assertThrows(CrossTenantWriteException.class, () -> in(otherStore, () -> products.insert(foreign)));
    assertThat(in(store, () -> products.findBySku("EL-1").orElseThrow().getStock())).isEqualTo(4);
  }

  @Test
  void saveInsertsThenUpdates() {
    Product lamp = product("SV-1", "Lamp", Category.HOME_GARDEN, "5.00", 1);
    in(store, () -> products.save(lamp));
    assertThat(lamp.getVersion()).isEqualTo(0);
    lamp.setStock(9);
    in(store, () -> products.save(lamp));
    assertThat(lamp.getVersion()).isEqualTo(1);
    assertThat(in(store, () -> products.findBySku("SV-1").orElseThrow().getStock())).isEqualTo(9);
    // Saving another store's key updates nothing (RLS hides the row; the statement refuses it).
    Product intruder = product("SV-2", "Intruder", Category.TOYS, "1.00", 1);
    intruder.setId(lamp.getId());
    intruder.setVersion(1);
    RuntimeException refused = assertThrows(RuntimeException.class, () -> in(otherStore, () -> products.save(intruder)));
    assertThat(refused.getClass()).isAnyOf(OptimisticLockingFailureException.class, RowguardSqlException.class);
    assertThat(in(store, () -> products.findBySku("SV-1").orElseThrow().getName())).isEqualTo("Lamp");
    List<Product> saved = in(store, () -> products.saveAll(List.of(lamp, product("SV-3", "Mat", Category.HOME_GARDEN,
        "2.00", 2))));
    assertThat(saved).hasSize(2);
    assertThat(lamp.getVersion()).isEqualTo(2);
  }

  @Test
  void everyMethodRefusesToRunWithoutATenant() {
    assertThrows(TenantNotBoundException.class, () -> products.findBySku("HG-1"));
    assertThrows(TenantNotBoundException.class, () -> products.findAll());
    assertThrows(TenantNotBoundException.class, () -> products.countByCategory(Category.TOYS));
    assertThrows(TenantNotBoundException.class,
        () -> products.insert(product("X-1", "x", Category.TOYS, "1.00", 1)));
    assertThrows(TenantNotBoundException.class, () -> products.deleteByDiscontinuedTrue());
    assertThrows(TenantNotBoundException.class, () -> reviews.findByRatingGreaterThanEqual(1));
    assertThrows(TenantNotBoundException.class, () -> movements.findBySkuOrderById("x"));
  }

  @Test
  void sharedTablesNeedNoTenant() {
    assertThat(stores.findByName("no such store")).isEmpty();
    assertThat(stores.findById((UUID) store.values().get(0))).isPresent();
  }

  @Test
  void recordsWithReferences() {
    Product kite = in(store, () -> products.findBySku("TY-1").orElseThrow());
    Instant posted = Instant.parse("2026-01-02T03:04:05.123456Z");
    Review first = in(store, () -> reviews.add(new Review(UUID.randomUUID(), null, kite, 5, "Flies well", posted)));
    assertThat(first.storeId()).isEqualTo(store.values().get(0));
    in(store, () -> reviews.addAll(List.of(new Review(UUID.randomUUID(), null, kite, 2, "Tangled", posted))));
    List<Review> found = in(store, () -> reviews.findByProductOrderByRatingDesc(kite));
    assertThat(found.stream().map(Review::rating).toList()).containsExactly(5, 2).inOrder();
    assertThat(found.get(0).product().getId()).isEqualTo(kite.getId());
    assertThat(found.get(0).postedAt()).isEqualTo(posted);
    Review saved = in(store, () -> reviews.save(new Review(first.id(), null, kite, 4, "Flies, mostly", posted)));
    assertThat(saved.body()).isEqualTo("Flies, mostly");
    assertThat(in(store, () -> reviews.findByRatingGreaterThanEqual(4))).hasSize(1);
    assertThat(in(otherStore, () -> reviews.findByRatingGreaterThanEqual(0))).isEmpty();
  }

  @Test
  void identityKeysComeBackAndFieldAccessWorks() {
    StockMovement movement = new StockMovement();
    movement.sku = "HG-1";
    movement.delta = 3;
    in(store, () -> movements.record(movement));
    assertThat(movement.id).isNotNull();
    assertThat(movement.storeId).isEqualTo(store.values().get(0));
    StockMovement second = new StockMovement();
    second.sku = "HG-1";
    second.delta = -1;
    StockMovement third = new StockMovement();
    third.sku = "HG-1";
    third.delta = -2;
    in(store, () -> movements.recordAll(List.of(second, third)));
    assertThat(second.id).isGreaterThan(movement.id);
    assertThat(third.id).isGreaterThan(second.id);
    movement.delta = 30;
    assertThat(in(store, () -> movements.correct(movement))).isEqualTo(1);
    in(store, () -> movements.remove(third));
    List<StockMovement> left = in(store, () -> movements.findBySkuOrderById("HG-1"));
    assertThat(left.stream().map(m -> m.delta).toList()).containsExactly(30, -1).inOrder();
    assertThat(in(otherStore, () -> movements.findBySkuOrderById("HG-1"))).isEmpty();
  }

  @Test
  void sqlFailuresKeepTheirState() {
    RowguardSqlException duplicate = assertThrows(RowguardSqlException.class,
        () -> in(store, () -> products.insert(product("HG-1", "again", Category.TOYS, "1.00", 1))));
    assertThat(duplicate.getSQLState()).isEqualTo("23505");
    assertThat(duplicate).hasMessageThat().contains("ProductRepository.insert");
    // A failed batch applies nothing.
    RowguardSqlException batch = assertThrows(RowguardSqlException.class, () -> in(store,
        () -> products.insertAll(List.of(product("B-1", "ok", Category.TOYS, "1.00", 1),
            product("HG-1", "duplicate", Category.TOYS, "1.00", 1)))));
    assertThat(batch.getSQLState()).isEqualTo("23505");
    assertThat(in(store, () -> products.existsBySku("B-1"))).isFalse();
  }

  @Test
  void nativeQueries() {
    in(store, () -> {
      assertThat(skus(products.searchByName("%O%"))).containsExactly("BK-1", "EL-1", "HG-1").inOrder();
      assertThat(products.stockByCategory()).containsExactly(
          new CategoryStock(Category.BOOKS_AND_MEDIA, 1, 3),
          new CategoryStock(Category.ELECTRONICS, 2, 45),
          new CategoryStock(Category.HOME_GARDEN, 2, 12),
          new CategoryStock(Category.TOYS, 1, 7));
      assertThat(products.restock("TY-1", 5)).isEqualTo(1);
      assertThat(products.findBySku("TY-1").orElseThrow().getStock()).isEqualTo(12);
      Product kite = products.findBySku("TY-1").orElseThrow();
      reviews.add(new Review(UUID.randomUUID(), null, kite, 4, "ok", Instant.now()));
      assertThat(products.reviewCount("TY-1")).isEqualTo(1);
      assertThat(products.skusIn(Category.HOME_GARDEN)).containsExactly("HG-1", "HG-2").inOrder();
      assertThat(products.nameOf(kite.getId())).hasValue("Kite");
      assertThat(products.nameOf(UUID.randomUUID())).isEmpty();
    });
    // The other store's rows are untouched and unseen.
    assertThat(in(otherStore, () -> products.findBySku("TY-1").orElseThrow().getStock())).isEqualTo(7);
    assertThat(in(otherStore, () -> products.reviewCount("TY-1"))).isEqualTo(0);
    assertThrows(TenantNotBoundException.class, () -> products.restock("TY-1", 1));
  }

  /**
   * A session whose search path leads elsewhere and that holds a temporary view named like the table (pg_temp is
   * searched first): the SQL of an @SqlQuery names its tables schema-qualified, so neither matters.
   */
  @Test
  void nativeQueriesRunWithAnySearchPathAndAreNotShadowedByATemporaryView() {
    DataSource hostile = new SessionPreparingDataSource(database.loginDataSource,
        "SET search_path TO pg_catalog",
        "CREATE TEMP VIEW product AS SELECT id, store_id, 'SHADOW' AS sku, name, category, price, stock"
            + " FROM public.product");
    ProductRepository shadowed = new ProductRepositoryJdbc(TenantBindingDataSource.wrap(hostile, StoreDatabase.KEYS));
    in(store, () -> {
      assertThat(shadowed.skusIn(Category.TOYS)).containsExactly("TY-1");
      assertThat(shadowed.reviewCount("TY-1")).isEqualTo(0);
      assertThat(shadowed.restock("TY-1", 1)).isEqualTo(1);
    });
  }

  /** Runs statements on every new connection before handing it out, as a previous user of a pooled one might. */
  private record SessionPreparingDataSource(DataSource delegate, String... statements) implements DataSource {
    @Override
    public Connection getConnection() throws SQLException {
      return prepared(delegate.getConnection());
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      return prepared(delegate.getConnection(user, password));
    }

    private Connection prepared(Connection connection) throws SQLException {
      try (Statement statement = connection.createStatement()) {
        for (String sql : statements) {
          statement.execute(sql);
        }
      }
      return connection;
    }

    @Override
    public java.io.PrintWriter getLogWriter() throws SQLException {
      return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(java.io.PrintWriter out) throws SQLException {
      delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
      delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
      return delegate.getLoginTimeout();
    }

    @Override
    public java.util.logging.Logger getParentLogger() throws java.sql.SQLFeatureNotSupportedException {
      return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      return delegate.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
      return delegate.isWrapperFor(type);
    }
  }
}
