package dev.rowguard.processor.store;

import dev.rowguard.annotations.SqlQuery;
import dev.rowguard.processor.store.Product.Category;
import jakarta.data.Limit;
import jakarta.data.Order;
import jakarta.data.Sort;
import jakarta.data.page.Page;
import jakarta.data.page.PageRequest;
import jakarta.data.repository.By;
import jakarta.data.repository.CrudRepository;
import jakarta.data.repository.Delete;
import jakarta.data.repository.Find;
import jakarta.data.repository.OrderBy;
import jakarta.data.repository.Repository;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/** Every query shape the processor supports, on a class entity. */
@Repository
public interface ProductRepository extends CrudRepository<Product, UUID> {
  Optional<Product> findBySku(String sku);

  Product findByName(String name);

  List<Product> findByCategoryOrderBySkuAsc(Category category);

  List<Product> findByCategoryAndPriceLessThan(Category category, BigDecimal price);

  List<Product> findByPriceBetweenOrderByPriceDesc(BigDecimal low, BigDecimal high);

  List<Product> findByStockGreaterThanEqualOrderBySku(int stock);

  List<Product> findByNameLike(String pattern);

  List<Product> findByNameIgnoreCaseStartsWith(String prefix);

  List<Product> findByNameContains(String part);

  List<Product> findByNameEndsWith(String suffix);

  List<Product> findBySkuIn(Collection<String> skus);

  List<Product> findByCategoryNotIn(List<Category> categories);

  List<Product> findByNameInOrderBySku(String[] names);

  List<Product> findByAttributesIsNullOrderBySku();

  List<Product> findByLaunchDateNotNullOrderBySku();

  List<Product> findByDiscontinuedTrue();

  List<Product> findBySkuNot(String sku);

  List<Product> findByCategoryOrStockLessThan(Category category, int stock);

  List<Product> findFirst2ByCategoryOrderByPriceDesc(Category category);

  Optional<Product> findTopByOrderByPriceDesc();

  Stream<Product> findByCategory(Category category);

  List<Product> findByCategory(Category category, Limit limit, Sort<Product> sort);

  Page<Product> findByDiscontinuedFalse(PageRequest page, Order<Product> order);

  List<ProductSummary> findByCategoryOrderByName(Category category);

  long countByCategory(Category category);

  int countByDiscontinuedTrue();

  boolean existsBySku(String sku);

  long deleteByDiscontinuedTrue();

  @Find
  Optional<Product> bySku(@By("sku") String code);

  @Find
  @OrderBy(value = "price", descending = true)
  @OrderBy("sku")
  List<Product> inCategory(Category category);

  @Find
  List<ProductSummary> summaries(Category category, Order<Product> order);

  @Find
  Page<Product> page(PageRequest pageRequest, Sort<Product>... sorts);

  @Delete
  void discontinue(@By(By.ID) UUID productId);

  List<Product> findByLaunchDateGreaterThan(LocalDate date);

  @SqlQuery("SELECT p.* FROM product p WHERE rowguard_tenant(p) AND p.name ILIKE :pattern ORDER BY p.sku")
  List<Product> searchByName(String pattern);

  @SqlQuery("""
      SELECT p.category, count(*) AS products, sum(p.stock) AS stock
      FROM product p
      WHERE rowguard_tenant(p)
      GROUP BY p.category
      ORDER BY p.category""")
  List<CategoryStock> stockByCategory();

  @SqlQuery("UPDATE product SET stock = stock + :delta WHERE rowguard_tenant() AND sku = :sku")
  int restock(String sku, int delta);

  @SqlQuery("""
      SELECT count(*) FROM product p
      JOIN review r ON rowguard_tenant(r) AND r.product_id = p.id
      WHERE rowguard_tenant(p) AND p.sku = :sku""")
  long reviewCount(String sku);

  @SqlQuery("SELECT p.sku FROM product p WHERE rowguard_tenant(p) AND p.category = :category ORDER BY p.sku")
  List<String> skusIn(Category category);

  @SqlQuery("SELECT p.name FROM product p WHERE rowguard_tenant(p) AND p.id = :id")
  Optional<String> nameOf(UUID id);
}
