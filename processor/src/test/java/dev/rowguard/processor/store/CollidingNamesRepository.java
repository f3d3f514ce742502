package dev.rowguard.processor.store;

import dev.rowguard.annotations.SqlQuery;
import dev.rowguard.processor.store.Product.Category;
import jakarta.data.Limit;
import jakarta.data.Order;
import jakarta.data.Sort;
import jakarta.data.page.Page;
import jakarta.data.page.PageRequest;
import jakarta.data.repository.BasicRepository;
import jakarta.data.repository.By;
import jakarta.data.repository.Delete;
import jakarta.data.repository.Find;
import jakarta.data.repository.Insert;
import jakarta.data.repository.Repository;
import jakarta.data.repository.Save;
import jakarta.data.repository.Update;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Parameters named like every local, field and class the generated bodies use, for every kind of method: the
 * implementation must compile and behave like any other (see CollidingNamesOnPostgresTest).
 */
@Repository
@SuppressWarnings({"MethodParameterNaming", "checkstyle:ParameterName"})
public interface CollidingNamesRepository extends BasicRepository<Product, UUID> {
  @Insert
  Product insert(Product e);

  @Insert
  List<Product> insertAll(List<Product> entity);

  @Update
  Product update(Product statement);

  @Update
  void updateAll(List<Product> index);

  @Save
  Product store(Product generated);

  @Delete
  void remove(Product rows);

  @Delete
  void removeAll(List<Product> counts);

  @Find
  Optional<Product> bySku(@By("sku") String result);

  @Find
  List<Product> inCategory(@By("category") Category TENANT, Order<Product> order);

  @Find
  List<Product> ordered(@By("category") Category List, Sort<Product> sort, Order<Product> String);

  @Find
  Page<Product> paged(Category category, PageRequest PageRequest);

  @Find
  Page<Product> pagedWithTotal(@By("category") Category total, PageRequest more);

  Optional<Product> findBySku(String Optional);

  List<Product> findBySkuAndName(String sql, String tenant);

  /** The renamed {@code rows} must not take the name of the next parameter. */
  List<Product> findBySkuOrNameOrderBySku(String rows, String rowsArgument);

  List<Product> findByCategoryIn(List<Category> value);

  List<Product> findByCategoryInOrderBySku(Category[] Arrays);

  List<Product> findByCategory(Category connection, Limit results, Sort<Product> dataSource);

  List<Product> findByAttributes(String Types);

  List<Product> findByCreatedAtGreaterThanOrderBySku(Instant RepositorySupport);

  int countByCategory(Category Math);

  long countBySku(String count);

  boolean existsBySku(String FIND_BY_SKU);

  long deleteBySku(String resultArgument);

  @SqlQuery("SELECT p.* FROM product p WHERE rowguard_tenant(p) AND p.name ILIKE :e ORDER BY p.sku")
  List<Product> search(String e);

  @SqlQuery("UPDATE product SET stock = stock + :rows WHERE rowguard_tenant() AND sku = :connection")
  int restock(String connection, int rows);

  @SqlQuery("SELECT p.name FROM product p WHERE rowguard_tenant(p) AND p.id = :result")
  Optional<String> nameOf(UUID result);
}
