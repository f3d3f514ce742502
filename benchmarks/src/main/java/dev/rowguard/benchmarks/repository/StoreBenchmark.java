package dev.rowguard.benchmarks.repository;

import dev.rowguard.benchmarks.repository.domain.BenchAsset;
import dev.rowguard.runtime.TenantContext;
import dev.rowguard.runtime.TenantScope;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The four operations of the repository benchmark, written once for every contender, so that all of them are
 * measured by the same code: bind the next tenant, call the store, return its result. A subclass only says which
 * store. Each operation checks a connection out of the pool (binding the tenant) and returns it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 10, time = 3) // Hibernate needs about 30 s to reach its steady state on two cores
@Measurement(iterations = 5, time = 3)
public abstract class StoreBenchmark {
  private AssetStore store;

  /** The contender over the workload's pool; it is checked before it is measured. */
  protected abstract AssetStore openStore(Workload workload);

  @Setup(Level.Trial)
  public void open(Workload workload) throws SQLException {
    store = openStore(workload);
    workload.check(getClass().getSimpleName(), store);
  }

  @TearDown(Level.Trial)
  public void close() {
    store.close();
  }

  /** One row by primary key, a random row of a random tenant. */
  @Benchmark
  public BenchAsset findById(Workload workload) throws SQLException {
    Workload.RowLookup lookup = workload.nextRow();
    try (TenantScope scope = TenantContext.bind(lookup.tenant())) {
      return store.findById(lookup.id()).orElseThrow();
    }
  }

  /** The 100 rows of a random category of a random tenant, through the (tenant_id, category) index. */
  @Benchmark
  public List<BenchAsset> findByCategory(Workload workload) throws SQLException {
    Workload.CategoryLookup lookup = workload.nextCategory();
    try (TenantScope scope = TenantContext.bind(lookup.tenant())) {
      return store.findByCategory(lookup.category());
    }
  }

  /** A random row of a random tenant read and written back, in one transaction. */
  @Benchmark
  public void readThenUpdate(Workload workload) throws SQLException {
    Workload.RowLookup lookup = workload.nextUpdate();
    try (TenantScope scope = TenantContext.bind(lookup.tenant())) {
      store.readThenUpdate(lookup.id());
    }
  }

  /** 10,000 new rows for one tenant, in one transaction; {@link NewRows} removes them afterwards. */
  @Benchmark
  public void insertBatch(Workload workload, NewRows rows) throws SQLException {
    try (TenantScope scope = TenantContext.bind(workload.insertTenant())) {
      store.insertAll(rows.rows());
    }
  }
}
