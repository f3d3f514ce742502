package dev.rowguard.processor.store;

import jakarta.data.repository.Delete;
import jakarta.data.repository.Insert;
import jakarta.data.repository.Repository;
import jakarta.data.repository.Update;
import java.util.List;

/** No supertype: each method names its entity. Identity keys come back from the database. */
@Repository
public interface StockMovementRepository {
  @Insert
  StockMovement record(StockMovement movement);

  @Insert
  void recordAll(List<StockMovement> movements);

  @Update
  int correct(StockMovement movement);

  @Delete
  void remove(StockMovement movement);

  List<StockMovement> findBySkuOrderById(String sku);
}
