package dev.rowguard.processor.store;

import dev.rowguard.annotations.CheckEnum;
import dev.rowguard.annotations.ColumnDefault;
import dev.rowguard.annotations.Jsonb;
import dev.rowguard.annotations.StoredValue;
import dev.rowguard.annotations.Tenanted;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A product of one store: a class with getters and setters, as JPA entities usually are. */
@Entity
@Tenanted
@Table(indexes = @Index(columnList = "category"))
public class Product {
  @Id private UUID id;
  @Column(nullable = false) private UUID storeId;
  @Column(length = 40, nullable = false, unique = true) private String sku;
  @Column(length = 200, nullable = false) private String name;
  @Column(nullable = false) private Category category;
  @Column(precision = 10, scale = 2) private BigDecimal price;
  private int stock;
  private boolean discontinued;
  @Jsonb private String attributes;
  private LocalDate launchDate;
  @Column(nullable = false) @ColumnDefault("now()") private Instant createdAt;
  @Version private long version;

  /** Stored in kebab case; one constant keeps the text an older release wrote. */
  @CheckEnum(storedCase = CheckEnum.Case.KEBAB)
  public enum Category { HOME_GARDEN, ELECTRONICS, @StoredValue("books") BOOKS_AND_MEDIA, TOYS }

  public Product() {}

  public Product(UUID id, String sku, String name, Category category, BigDecimal price, int stock) {
    this.id = id;
    this.sku = sku;
    this.name = name;
    this.category = category;
    this.price = price;
    this.stock = stock;
  }

  public UUID getId() { return id; }
  public void setId(UUID id) { this.id = id; }
  public UUID getStoreId() { return storeId; }
  public void setStoreId(UUID storeId) { this.storeId = storeId; }
  public String getSku() { return sku; }
  public void setSku(String sku) { this.sku = sku; }
  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public Category getCategory() { return category; }
  public void setCategory(Category category) { this.category = category; }
  public BigDecimal getPrice() { return price; }
  public void setPrice(BigDecimal price) { this.price = price; }
  public int getStock() { return stock; }
  public void setStock(int stock) { this.stock = stock; }
  public boolean isDiscontinued() { return discontinued; }
  public void setDiscontinued(boolean discontinued) { this.discontinued = discontinued; }
  public String getAttributes() { return attributes; }
  public void setAttributes(String attributes) { this.attributes = attributes; }
  public LocalDate getLaunchDate() { return launchDate; }
  public void setLaunchDate(LocalDate launchDate) { this.launchDate = launchDate; }
  public Instant getCreatedAt() { return createdAt; }
  public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
  public long getVersion() { return version; }
  public void setVersion(long version) { this.version = version; }
}
