package dev.rowguard.benchmarks.repository;

import dev.rowguard.benchmarks.repository.domain.BenchAsset;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One contender of the repository benchmark: the three operations, each for the tenant bound with {@code
 * TenantContext} and on a connection of its own from the shared pool, as a request of an application would run
 * them.
 */
interface AssetStore extends AutoCloseable {
  Optional<BenchAsset> findById(UUID id) throws SQLException;

  List<BenchAsset> findByCategory(String category) throws SQLException;

  /** Inserts every row, in one transaction. */
  void insertAll(List<BenchAsset> rows) throws SQLException;

  @Override
  default void close() {}
}
