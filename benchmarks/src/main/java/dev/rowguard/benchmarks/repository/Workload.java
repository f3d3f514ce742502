package dev.rowguard.benchmarks.repository;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.rowguard.benchmarks.jmh.BenchDatabase;
import dev.rowguard.benchmarks.repository.domain.BenchAsset;
import dev.rowguard.runtime.RlsRoleCheck;
import dev.rowguard.runtime.Tenant;
import dev.rowguard.runtime.TenantBindingDataSource;
import dev.rowguard.runtime.TenantContext;
import dev.rowguard.runtime.TenantKeys;
import dev.rowguard.runtime.TenantScope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.UUID;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What every contender runs against in a fork: the pool on the loaded database (HikariCP, connected as a member
 * of {@code rowguard_app}, wrapped in {@link TenantBindingDataSource} as an application has it), what to look up
 * next, and the rows to insert.
 */
@State(Scope.Thread)
public class Workload {
  /** The rows of one insertBatch. */
  static final int BATCH = 10_000;
  /** Lookups drawn once, with a fixed seed, and cycled through: the same sequence for every contender. */
  private static final int SAMPLE = 10_000;
  /** As declared in the domain's package-info: one {@code tenant_id uuid} key. */
  private static final TenantKeys KEYS = TenantKeys.defaultKeys();

  private Dataset dataset;
  private HikariDataSource pool;
  private TenantBindingDataSource dataSource;
  private HikariDataSource plainPool;
  private Connection owner;
  private int serverVersion;
  private Tenant[] tenants;
  private RowLookup[] rowLookups;
  private CategoryLookup[] categoryLookups;
  private RowLookup[] updateLookups;
  private int nextRow;
  private int nextUpdate;
  private int nextCategory;

  /** A loaded row and its tenant. */
  record RowLookup(Tenant tenant, UUID id) {}

  /** A tenant and one of its categories. */
  record CategoryLookup(Tenant tenant, String category) {}

  @Setup(Level.Trial)
  public void open() throws SQLException {
    BenchDatabase.Logins logins = BenchDatabase.inFork().orElseThrow(() -> new IllegalStateException(
        "no database handed to this fork: run `java -jar benchmarks/target/benchmarks.jar repository`"));
    dataset = Dataset.inFork();
    HikariConfig config = new HikariConfig();
    config.setPoolName("repository-benchmark");
    config.setJdbcUrl(logins.login().url());
    config.setUsername(logins.login().user());
    config.setPassword(logins.login().password());
    config.setMaximumPoolSize(2);
    pool = new HikariDataSource(config);
    HikariConfig plain = new HikariConfig();
    plain.setPoolName("repository-benchmark-plain");
    plain.setJdbcUrl(logins.plain().url());
    plain.setUsername(logins.plain().user());
    plain.setPassword(logins.plain().password());
    plain.setMaximumPoolSize(2);
    plainPool = new HikariDataSource(plain);
    dataSource = TenantBindingDataSource.wrap(pool, KEYS);
    // Rowguard's start-up check: the login is subject to row-level security on the table, or this throws.
    RlsRoleCheck.forTables(Dataset.TABLE).verify(dataSource);
    owner = logins.owner().dataSource().getConnection();
    try (Statement statement = owner.createStatement();
        ResultSet version = statement.executeQuery("SELECT current_setting('server_version_num')::int")) {
      version.next();
      serverVersion = version.getInt(1);
    }

    tenants = new Tenant[dataset.tenants() + 1];
    for (int t = 0; t <= dataset.tenants(); t++) {
      tenants[t] = KEYS.tenant(Dataset.tenantId(t));
    }
    SplittableRandom random = new SplittableRandom(42);
    rowLookups = new RowLookup[SAMPLE];
    categoryLookups = new CategoryLookup[SAMPLE];
    updateLookups = new RowLookup[SAMPLE];
    for (int i = 0; i < SAMPLE; i++) {
      int g = random.nextInt(dataset.rows());
      rowLookups[i] = new RowLookup(tenants[g % dataset.tenants()], dataset.row(g).getId());
      categoryLookups[i] = new CategoryLookup(tenants[random.nextInt(dataset.tenants())],
          Dataset.category(random.nextInt(dataset.categories())));
      // Updates stay away from the tenants check() compares with the dataset (0, 1 and the last loaded one).
      int tenant = 2 + random.nextInt(dataset.tenants() - 3);
      int row = dataset.rowOf(tenant, random.nextInt(dataset.rowsPerTenant()));
      updateLookups[i] = new RowLookup(tenants[tenant], dataset.row(row).getId());
    }
  }

  @TearDown(Level.Trial)
  public void close() throws SQLException {
    owner.close();
    pool.close();
    plainPool.close();
  }

  /** The pool every contender uses: tenant-bound connections of the non-owner login. */
  TenantBindingDataSource dataSource() {
    return dataSource;
  }

  /**
   * A plain pool of a login that bypasses row-level security, with no tenant binding: the contenders that
   * enforce nothing (jdbc-plain, hibernate-plain).
   */
  DataSource plainDataSource() {
    return plainPool;
  }

  /** {@code cpu_cores} after readThenUpdate: one more (a missing value counts as 0). */
  static Integer incremented(Integer cpuCores) {
    return cpuCores == null ? 1 : cpuCores + 1;
  }

  /** PostgreSQL's {@code server_version_num}. */
  int serverVersion() {
    return serverVersion;
  }

  Dataset dataset() {
    return dataset;
  }

  RowLookup nextRow() {
    RowLookup lookup = rowLookups[nextRow];
    nextRow = nextRow + 1 == SAMPLE ? 0 : nextRow + 1;
    return lookup;
  }

  CategoryLookup nextCategory() {
    CategoryLookup lookup = categoryLookups[nextCategory];
    nextCategory = nextCategory + 1 == SAMPLE ? 0 : nextCategory + 1;
    return lookup;
  }

  RowLookup nextUpdate() {
    RowLookup lookup = updateLookups[nextUpdate];
    nextUpdate = nextUpdate + 1 == SAMPLE ? 0 : nextUpdate + 1;
    return lookup;
  }

  /** The tenant insertBatch writes for; it has no loaded rows. */
  Tenant insertTenant() {
    return tenants[dataset.tenants()];
  }

  /**
   * Deletes what insertBatch wrote and vacuums the table, so that every insertBatch starts from the same table:
   * without it, dead rows would pile up from one invocation to the next and autovacuum (off for this table, see
   * {@link RepositoryFixture}) would run in the middle of measurements. Returns the rows deleted.
   */
  int removeInserted() throws SQLException {
    int removed;
    String sql = "DELETE FROM " + Dataset.TABLE + " WHERE tenant_id = ?";
    try (TenantScope scope = TenantContext.bind(insertTenant());
        Connection connection = dataSource.getConnection();
        PreparedStatement delete = connection.prepareStatement(sql)) {
      delete.setObject(1, dataset.insertTenantId());
      removed = delete.executeUpdate();
    }
    try (Statement statement = owner.createStatement()) {
      statement.execute("VACUUM " + Dataset.TABLE);
    }
    return removed;
  }

  /**
   * Fails unless {@code store} returns exactly the right rows, whole, for the bound tenant only, and inserts every
   * row for the bound tenant, so that a broken contender cannot look fast.
   */
  void check(String contender, AssetStore store) throws SQLException {
    int g = 0;
    BenchAsset expected = dataset.row(g);
    try (TenantScope scope = TenantContext.bind(tenants[0])) {
      BenchAsset found = store.findById(expected.getId())
          .orElseThrow(() -> failure(contender, "findById found no row for " + expected));
      requireSame(contender, "findById", expected, found);
    }
    try (TenantScope scope = TenantContext.bind(tenants[1])) {
      store.findById(expected.getId()).ifPresent(row -> {
        throw failure(contender, "findById returned tenant 0's row with tenant 1 bound: " + row);
      });
    }

    int tenant = dataset.tenants() - 1;
    int category = dataset.categories() - 1;
    Map<UUID, BenchAsset> expectedRows = new HashMap<>();
    for (int i = category; i < dataset.rowsPerTenant(); i += dataset.categories()) {
      BenchAsset row = dataset.row(dataset.rowOf(tenant, i));
      expectedRows.put(row.getId(), row);
    }
    try (TenantScope scope = TenantContext.bind(tenants[tenant])) {
      List<BenchAsset> found = store.findByCategory(Dataset.category(category));
      if (found.size() != Dataset.CATEGORY_ROWS || expectedRows.size() != Dataset.CATEGORY_ROWS) {
        throw failure(contender, "findByCategory returned " + found.size() + " rows, expected "
            + Dataset.CATEGORY_ROWS);
      }
      for (BenchAsset row : found) {
        BenchAsset want = expectedRows.remove(row.getId());
        if (want == null) {
          throw failure(contender, "findByCategory returned a row it should not have, or twice: " + row);
        }
        requireSame(contender, "findByCategory", want, row);
      }
    }

    RowLookup update = updateLookups[SAMPLE - 1];
    try (TenantScope scope = TenantContext.bind(update.tenant())) {
      Integer before = store.findById(update.id()).orElseThrow().getCpuCores();
      store.readThenUpdate(update.id());
      Integer after = store.findById(update.id()).orElseThrow().getCpuCores();
      if (!incremented(before).equals(after)) {
        throw failure(contender, "readThenUpdate left cpu_cores " + after + ", expected " + incremented(before));
      }
    }
    try (TenantScope scope = TenantContext.bind(tenants[1])) {
      try {
        store.readThenUpdate(update.id());
        throw failure(contender, "readThenUpdate updated another tenant's row");
      } catch (SQLException | RuntimeException refused) {
        if (refused instanceof IllegalStateException broken && broken.getMessage().contains("is broken")) {
          throw broken;
        }
        // refused: the row is not visible for tenant 1
      }
    }

    List<BenchAsset> batch = dataset.newRows(BATCH);
    try (TenantScope scope = TenantContext.bind(insertTenant())) {
      store.insertAll(batch);
      BenchAsset written = dataset.newRow(BATCH - 1);
      requireSame(contender, "insertAll then findById", written, store.findById(written.getId())
          .orElseThrow(() -> failure(contender, "insertAll did not write " + written)));
    }
    int removed = removeInserted();
    if (removed != BATCH) {
      throw failure(contender, "insertAll wrote " + removed + " rows for the bound tenant, expected " + BATCH);
    }
  }

  private static void requireSame(String contender, String operation, BenchAsset expected, BenchAsset actual) {
    boolean same = Objects.equals(expected.getId(), actual.getId())
        && Objects.equals(expected.getTenantId(), actual.getTenantId())
        && Objects.equals(expected.getHostname(), actual.getHostname())
        && Objects.equals(expected.getCategory(), actual.getCategory())
        && expected.getStatus() == actual.getStatus()
        && Objects.equals(expected.getCpuCores(), actual.getCpuCores())
        // numeric(12,2) may come back with another scale than the value written.
        && (expected.getMonthlyCost() == null ? actual.getMonthlyCost() == null
            : actual.getMonthlyCost() != null && expected.getMonthlyCost().compareTo(actual.getMonthlyCost()) == 0)
        && Objects.equals(expected.getDiscoveredAt(), actual.getDiscoveredAt());
    if (!same) {
      throw failure(contender, operation + " returned " + actual + ", expected " + expected);
    }
  }

  private static IllegalStateException failure(String contender, String problem) {
    return new IllegalStateException(contender + " is broken, its scores would mean nothing: " + problem);
  }
}
