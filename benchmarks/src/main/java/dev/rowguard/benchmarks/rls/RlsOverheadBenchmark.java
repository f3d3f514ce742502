package dev.rowguard.benchmarks.rls;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.rowguard.benchmarks.jmh.BenchDatabase;
import dev.rowguard.postgres.DevPostgres;
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
import java.util.List;
import java.util.Optional;
import java.util.UUID;
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
 * One indexed tenant-scoped lookup (one row by tenant and hostname), on a table without row-level security with
 * the tenant filter written by hand, and on an identical table with Rowguard's policy, where the query has no
 * tenant filter and the tenant is bound with {@code set_config}. Every operation looks up the next of 10,000
 * existing (tenant, hostname) pairs, so every RLS lookup binds a new tenant.
 *
 * <p>{@link RlsBenchmark} loads the database once and runs the forks interleaved; it hands the database to the
 * forks through system properties. Run directly by JMH ({@code org.openjdk.jmh.Main RlsOverheadBenchmark}), each
 * fork loads a database of its own in its trial set-up instead.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
public class RlsOverheadBenchmark {
  private static final int SAMPLE = 10_000;
  /** The session reset that Rowguard's TenantSettings runs when a connection is closed (the same text). */
  private static final String SESSION_RESET = "CLOSE ALL; DISCARD TEMP; DEALLOCATE ALL; RESET ALL; UNLISTEN *;"
      + " DISCARD SEQUENCES; SELECT pg_advisory_unlock_all(), set_config('" + RlsFixture.SETTING + "', '', false)";
  private static final String CLEAR = "SELECT set_config('" + RlsFixture.SETTING + "', '', false)";

  private RlsFixture ownFixture;
  private Connection connection;
  private PreparedStatement plain;
  private PreparedStatement plainWithBind;
  private PreparedStatement rlsWithBind;
  private PreparedStatement bind;
  private PreparedStatement rlsQuery;
  private UUID[] tenantIds;
  private String[] tenants;
  private String[] hostnames;
  private Tenant[] tenantValues;
  private int next;
  // A pool of two: one connection held for the trial by rlsGuarded, the other for the checkout benchmarks.
  private HikariDataSource pool;
  // The same login through a pool of its own that nothing wraps, for plainPool.
  private HikariDataSource plainPool;
  private TenantBindingDataSource bound;
  private TenantScope trialScope;
  private Connection guarded;
  private PreparedStatement rlsGuarded;

  @Setup(Level.Trial)
  public void setUp() throws SQLException {
    DevPostgres.ServerAddress login;
    Optional<BenchDatabase.Logins> handed = BenchDatabase.inFork();
    if (handed.isPresent()) {
      login = handed.get().login();
    } else {
      ownFixture = RlsFixture.load(DevPostgres.shared(), Integer.getInteger("rowguard.bench.rls.rows", 1_000_000),
          Integer.getInteger("rowguard.bench.rls.tenants", 1_000), System.out);
      login = ownFixture.login();
    }
    connection = login.dataSource().getConnection();
    RlsFixture.checkLogin(connection);
    List<String[]> pairs = RlsFixture.sample(connection, SAMPLE);
    RlsFixture.checkIsolation(connection, pairs.get(0), pairs.get(1)[0].equals(pairs.get(0)[0])
        ? pairs.get(2)[0] : pairs.get(1)[0]);
    String plans = RlsFixture.explainAndCheck(connection, pairs.get(0));
    if (ownFixture != null) {
      System.out.print(plans);
    }
    tenantIds = new UUID[SAMPLE];
    tenants = new String[SAMPLE];
    hostnames = new String[SAMPLE];
    for (int i = 0; i < SAMPLE; i++) {
      tenants[i] = pairs.get(i)[0];
      tenantIds[i] = UUID.fromString(tenants[i]);
      hostnames[i] = pairs.get(i)[1];
    }
    plain = connection.prepareStatement(RlsFixture.PLAIN_QUERY);
    // Binding and query in one statement text: the JDBC driver sends both in one round trip.
    plainWithBind = connection.prepareStatement(RlsFixture.BIND + "; " + RlsFixture.PLAIN_QUERY);
    rlsWithBind = connection.prepareStatement(RlsFixture.BIND + "; " + RlsFixture.RLS_QUERY);
    bind = connection.prepareStatement(RlsFixture.BIND);
    rlsQuery = connection.prepareStatement(RlsFixture.RLS_QUERY);

    tenantValues = new Tenant[SAMPLE];
    for (int i = 0; i < SAMPLE; i++) {
      tenantValues[i] = TenantKeys.defaultKeys().tenant(tenantIds[i]);
    }
    HikariConfig config = new HikariConfig();
    config.setDataSource(login.dataSource());
    config.setMaximumPoolSize(2);
    config.setPoolName("rls-benchmark");
    pool = new HikariDataSource(config);
    HikariConfig plainConfig = new HikariConfig();
    plainConfig.setDataSource(login.dataSource());
    plainConfig.setMaximumPoolSize(1);
    plainConfig.setPoolName("rls-benchmark-plain");
    plainPool = new HikariDataSource(plainConfig);
    bound = TenantBindingDataSource.wrap(pool, TenantKeys.defaultKeys());
    // JMH runs a thread-scoped state's set-up and tear-down on the benchmark thread: the scope spans the trial.
    trialScope = TenantContext.bind(tenantValues[0]);
    guarded = bound.getConnection();
    // The runtime sends its own set_config in front of the query, in the same round trip.
    rlsGuarded = guarded.prepareStatement(RlsFixture.RLS_QUERY);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws SQLException {
    guarded.close();
    trialScope.close();
    pool.close();
    plainPool.close();
    connection.close();
    if (ownFixture != null) {
      ownFixture.close();
    }
  }

  /** The hand-written filter on the table without RLS: one statement, one round trip. */
  @Benchmark
  public long plain() throws SQLException {
    int i = advance();
    plain.setObject(1, tenantIds[i]);
    plain.setString(2, hostnames[i]);
    try (ResultSet rows = plain.executeQuery()) {
      return read(rows);
    }
  }

  /**
   * Control for {@link #rls}: the plain query with the hand-written filter, preceded by the same {@code
   * set_config} in the same round trip. {@code rls} against this is the cost of the policy alone; this against
   * {@code plain} is the cost of binding the tenant.
   */
  @Benchmark
  public long plainWithBind() throws SQLException {
    int i = advance();
    plainWithBind.setString(1, tenants[i]);
    plainWithBind.setObject(2, tenantIds[i]);
    plainWithBind.setString(3, hostnames[i]);
    return executeBoundQuery(plainWithBind);
  }

  /**
   * The RLS table, the tenant bound by {@code set_config} in the same round trip as the query (the two
   * statements of one JDBC statement text).
   */
  @Benchmark
  public long rls() throws SQLException {
    int i = advance();
    rlsWithBind.setString(1, tenants[i]);
    rlsWithBind.setString(2, hostnames[i]);
    return executeBoundQuery(rlsWithBind);
  }

  /**
   * {@link #rls} through a connection of Rowguard's {@code TenantBindingDataSource}, checked out for the trial: the
   * query alone is prepared, and the runtime sends its {@code set_config} in front of it, in the same round trip,
   * through its statement proxy and scope check. Against {@code rls} this is the cost of the runtime per statement.
   */
  @Benchmark
  public long rlsGuarded() throws SQLException {
    int i = advance();
    rlsGuarded.setString(1, hostnames[i]);
    try (ResultSet rows = rlsGuarded.executeQuery()) {
      return read(rows);
    }
  }

  /**
   * One checkout per lookup through {@code TenantBindingDataSource} from a pool of one: bind the tenant
   * (TenantContext.call), check out, prepare and run the query (the runtime sends the binding with it), close (no
   * reset: the lookup left nothing in the session). One round trip.
   */
  @Benchmark
  public long checkout() throws SQLException {
    int i = advance();
    return TenantContext.call(tenantValues[i], () -> {
      try (Connection pooled = bound.getConnection();
          PreparedStatement query = pooled.prepareStatement(RlsFixture.RLS_QUERY)) {
        query.setString(1, hostnames[i]);
        try (ResultSet rows = query.executeQuery()) {
          return read(rows);
        }
      }
    });
  }

  /**
   * The baseline that enforces nothing: a checkout from a plain HikariCP pool, the hand-written tenant filter on
   * the table without row-level security, one round trip. {@link #checkout} against it is the whole enforced
   * path (policy, binding and runtime) in one number.
   */
  @Benchmark
  public long plainPool() throws SQLException {
    int i = advance();
    try (Connection pooled = plainPool.getConnection();
        PreparedStatement query = pooled.prepareStatement(RlsFixture.PLAIN_QUERY)) {
      query.setObject(1, tenantIds[i]);
      query.setString(2, hostnames[i]);
      try (ResultSet rows = query.executeQuery()) {
        return read(rows);
      }
    }
  }

  /**
   * What a checkout cost before the binding rode on the statement: bind, query and clear as three round trips,
   * written by hand on the pool's connection, with no scope and no proxy; the reset only clears the setting.
   */
  @Benchmark
  public long checkoutByHand() throws SQLException {
    return checkoutByHand(CLEAR);
  }

  /**
   * {@link #checkoutByHand} with the full session reset on close, as the runtime sent it after every checkout
   * before (and still does after a checkout that may have left session state).
   */
  @Benchmark
  public long checkoutByHandFullReset() throws SQLException {
    return checkoutByHand(SESSION_RESET);
  }

  private long checkoutByHand(String reset) throws SQLException {
    int i = advance();
    try (Connection pooled = pool.getConnection()) {
      try (PreparedStatement set = pooled.prepareStatement(RlsFixture.BIND)) {
        set.setString(1, tenants[i]);
        set.executeQuery().close();
      }
      long result;
      try (PreparedStatement query = pooled.prepareStatement(RlsFixture.RLS_QUERY)) {
        query.setString(1, hostnames[i]);
        try (ResultSet rows = query.executeQuery()) {
          result = read(rows);
        }
      }
      try (Statement clear = pooled.createStatement()) {
        clear.execute(reset);
      }
      return result;
    }
  }

  /** Runs "set_config; query" and reads the query's result. */
  private static long executeBoundQuery(PreparedStatement statement) throws SQLException {
    statement.execute();
    statement.getResultSet().close();
    if (!statement.getMoreResults()) {
      throw new IllegalStateException("no result set for the query after set_config");
    }
    try (ResultSet rows = statement.getResultSet()) {
      return read(rows);
    }
  }

  /**
   * The RLS table, the tenant bound by a statement of its own before the query, as Rowguard's {@code
   * TenantBindingDataSource} does when a connection is checked out: two round trips per lookup. This is the cost
   * of checking out a connection for a single query, not of the policy.
   */
  @Benchmark
  public long rlsBindSeparately() throws SQLException {
    int i = advance();
    bind.setString(1, tenants[i]);
    bind.executeQuery().close();
    rlsQuery.setString(1, hostnames[i]);
    try (ResultSet rows = rlsQuery.executeQuery()) {
      return read(rows);
    }
  }

  private int advance() {
    int i = next;
    next = i + 1 == SAMPLE ? 0 : i + 1;
    return i;
  }

  /** Reads every column of the one row expected; fails if there is not exactly one. */
  private static long read(ResultSet rows) throws SQLException {
    long hash = 0;
    int count = 0;
    while (rows.next()) {
      count++;
      for (int column = 1; column <= 8; column++) {
        String value = rows.getString(column);
        hash += value == null ? 0 : value.hashCode();
      }
    }
    if (count != 1) {
      throw new IllegalStateException("expected exactly one row, got " + count);
    }
    return hash;
  }
}
