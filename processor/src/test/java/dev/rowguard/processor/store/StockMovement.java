package dev.rowguard.processor.store;

import dev.rowguard.annotations.Tenanted;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.util.UUID;

/** A change of stock, numbered by the database: package-visible fields instead of accessors. */
@Entity
@Tenanted
public class StockMovement {
  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
  @Column(nullable = false) UUID storeId;
  @Column(nullable = false, length = 40) String sku;
  int delta;
}
