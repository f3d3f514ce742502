package dev.rowguard.benchmarks.repository;

import dev.rowguard.benchmarks.repository.domain.BenchAsset;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One contender of the repository benchmark: the four operations, each for the tenant bound with {@code
 * TenantContext} and on a connection of its own from the shared pool, as a request of an application would run
 * them.
 */
interface AssetStore extends AutoCloseable {
  Optional<BenchAsset> findById(UUID id) throws SQLException;

  List<BenchAsset> findByCategory(String category) throws SQLException;

  /** Inserts every row, in one transaction. */
  void insertAll(List<BenchAsset> rows) throws SQLException;

  /**
   * In one transaction: reads the row by primary key, then updates it with {@code cpu_cores} one higher (every
   * column written, as an ORM's update does).
   */
  void readThenUpdate(UUID id) throws SQLException;

  @Override
  default void close() {}
}
