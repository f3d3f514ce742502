package dev.rowguard.benchmarks.repository;

import dev.rowguard.benchmarks.repository.domain.BenchAsset;
import java.sql.SQLException;
import java.util.List;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The rows of one insertBatch, new objects for every invocation, and their removal afterwards. Neither is
 * measured (JMH times only the benchmark method); an insertBatch takes milliseconds, so the per-invocation
 * timestamps cost nothing in comparison.
 */
@State(Scope.Thread)
public class NewRows {
  private List<BenchAsset> rows;

  @Setup(Level.Invocation)
  public void create(Workload workload) {
    rows = workload.dataset().newRows(Workload.BATCH);
  }

  /** Also checks, every time, that all rows were written for the bound tenant. */
  @TearDown(Level.Invocation)
  public void remove(Workload workload) throws SQLException {
    int removed = workload.removeInserted();
    if (removed != rows.size()) {
      throw new IllegalStateException("insertBatch wrote " + removed + " rows for the bound tenant, expected "
          + rows.size());
    }
  }

  List<BenchAsset> rows() {
    return rows;
  }
}
