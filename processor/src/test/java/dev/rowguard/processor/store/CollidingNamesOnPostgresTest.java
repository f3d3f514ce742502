package dev.rowguard.processor.store;

import static com.google.common.truth.Truth.assertThat;

import dev.rowguard.postgres.Database;
import dev.rowguard.postgres.PostgresExtension;
import dev.rowguard.processor.store.Product.Category;
import dev.rowguard.runtime.Tenant;
import dev.rowguard.runtime.TenantContext;
import dev.rowguard.runtime.TenantScope;
import jakarta.data.Limit;
import jakarta.data.Order;
import jakarta.data.Sort;
import jakarta.data.page.PageRequest;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link CollidingNamesRepository} names its parameters after the generated bodies' locals, fields and classes;
 * that it compiled at all is the first half of the proof, these runs the second: each method kind binds the
 * caller's argument, not the local it would have hidden, for the bound store only.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CollidingNamesOnPostgresTest {
  private StoreDatabase database;
  private CollidingNamesRepository products;
  private Tenant store;
  private Tenant otherStore;
  private String prefix;

  @BeforeAll
  void start(Database database) {
    this.database = new StoreDatabase(database);
    products = new CollidingNamesRepositoryJdbc(this.database.dataSource);
  }

  @AfterAll
  void stop() {
    database.close();
  }

  /** Two products in the store, and the same in another store, which must stay invisible. */
  @BeforeEach
  void seed() throws SQLException {
    store = database.newStore("store " + UUID.randomUUID());
    otherStore = database.newStore("other " + UUID.randomUUID());
    prefix = UUID.randomUUID().toString().substring(0, 8) + "-";
    in(otherStore, () -> products.insertAll(List.of(product("A", Category.TOYS), product("B", Category.BOOKS_AND_MEDIA))));
    in(store, () -> products.insertAll(List.of(product("A", Category.TOYS), product("B", Category.BOOKS_AND_MEDIA))));
  }

  @Test
  void lifecycleMethodsWriteTheArgument() {
    in(store, () -> {
      Product inserted = products.insert(product("C", Category.TOYS));
      assertThat(inserted.getCreatedAt()).isNotNull();
      inserted.setName("renamed");
      products.update(inserted);
      assertThat(products.bySku(prefix + "C").orElseThrow().getName()).isEqualTo("renamed");
      List<Product> both = products.findByCategoryIn(List.of(Category.TOYS));
      both.forEach(p -> p.setStock(7));
      products.updateAll(both);
      assertThat(products.findBySku(prefix + "A").orElseThrow().getStock()).isEqualTo(7);
      Product saved = products.store(product("D", Category.TOYS));
      assertThat(products.bySku(prefix + "D").orElseThrow().getId()).isEqualTo(saved.getId());
      products.remove(products.bySku(prefix + "C").orElseThrow());
      products.removeAll(List.of(products.bySku(prefix + "D").orElseThrow()));
      assertThat(skus(products.inCategory(Category.TOYS, Order.by(Sort.asc("sku"))))).containsExactly("A");
    });
    in(otherStore, () -> assertThat(products.findBySku(prefix + "A").orElseThrow().getStock()).isEqualTo(1));
  }

  @Test
  void findMethodsBindTheArgument() {
    in(store, () -> {
      assertThat(products.bySku(prefix + "B").orElseThrow().getCategory()).isEqualTo(Category.BOOKS_AND_MEDIA);
      assertThat(skus(products.inCategory(Category.TOYS, Order.by(Sort.desc("sku"))))).containsExactly("A");
      assertThat(skus(products.ordered(Category.TOYS, Sort.asc("name"), Order.by(Sort.asc("sku")))))
          .containsExactly("A");
      assertThat(skus(products.paged(Category.BOOKS_AND_MEDIA, PageRequest.ofSize(10)).content()))
          .containsExactly("B");
      var page = products.pagedWithTotal(Category.TOYS, PageRequest.ofSize(1));
      assertThat(page.totalElements()).isEqualTo(1);
      assertThat(page.hasNext()).isFalse();
    });
  }

  @Test
  void queriesByMethodNameBindTheArgument() {
    in(store, () -> {
      assertThat(products.findBySku(prefix + "A")).isPresent();
      assertThat(products.findBySku("missing")).isEmpty();
      assertThat(skus(products.findBySkuAndName(prefix + "B", "product B"))).containsExactly("B");
      assertThat(skus(products.findByCategoryIn(List.of(Category.BOOKS_AND_MEDIA)))).containsExactly("B");
      assertThat(skus(products.findBySkuOrNameOrderBySku(prefix + "A", "product B"))).containsExactly("A", "B")
          .inOrder();
      assertThat(skus(products.findByCategoryInOrderBySku(new Category[] {Category.TOYS, Category.BOOKS_AND_MEDIA})))
          .containsExactly("A", "B").inOrder();
      assertThat(skus(products.findByCategory(Category.TOYS, Limit.of(5), Sort.asc("sku")))).containsExactly("A");
      assertThat(products.findByAttributes("{\"colour\": \"red\"}")).isEmpty();
      assertThat(skus(products.findByCreatedAtGreaterThanOrderBySku(Instant.parse("2000-01-01T00:00:00Z"))))
          .containsExactly("A", "B").inOrder();
      assertThat(products.countByCategory(Category.TOYS)).isEqualTo(1);
      assertThat(products.countBySku(prefix + "A")).isEqualTo(1);
      assertThat(products.existsBySku(prefix + "B")).isTrue();
      assertThat(products.deleteBySku(prefix + "B")).isEqualTo(1);
      assertThat(products.existsBySku(prefix + "B")).isFalse();
    });
    in(otherStore, () -> assertThat(products.existsBySku(prefix + "B")).isTrue());
  }

  @Test
  void sqlQueriesBindTheArgument() {
    in(store, () -> {
      assertThat(skus(products.search("%product%"))).containsExactly("A", "B").inOrder();
      assertThat(products.restock(prefix + "A", 4)).isEqualTo(1);
      Product a = products.findBySku(prefix + "A").orElseThrow();
      assertThat(a.getStock()).isEqualTo(5);
      assertThat(products.nameOf(a.getId())).hasValue("product A");
    });
    in(otherStore, () -> assertThat(products.findBySku(prefix + "A").orElseThrow().getStock()).isEqualTo(1));
  }

  private Product product(String sku, Category category) {
    return new Product(UUID.randomUUID(), prefix + sku, "product " + sku, category, new BigDecimal("1.00"), 1);
  }

  private List<String> skus(List<Product> list) {
    List<String> skus = new ArrayList<>();
    list.forEach(p -> skus.add(p.getSku().substring(prefix.length())));
    return skus;
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
}
