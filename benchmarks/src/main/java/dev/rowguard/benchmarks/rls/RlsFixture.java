package dev.rowguard.benchmarks.rls;

import dev.rowguard.benchmarks.jmh.BenchDatabase;
import dev.rowguard.postgres.Database;
import dev.rowguard.postgres.DevPostgres;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The database of the RLS overhead benchmark: two identical tables of assets in schema {@code bench}, shaped as
 * Rowguard generates them for a {@code @Tenanted} entity. {@code asset_rls} has row-level security enabled and
 * forced, with the policy Rowguard generates; {@code asset_plain} has none. Both are queried by a login role
 * that owns nothing and is neither superuser nor {@code BYPASSRLS}, so that the policy really applies.
 */
public final class RlsFixture implements AutoCloseable {
  static final String SETTING = "rowguard.tenant_id";

  /** The query on the plain table: the tenant filter written by hand. */
  static final String PLAIN_QUERY = "SELECT id, hostname, status, os_family, ip_address, cpu_cores, memory_mb, "
      + "discovered_at FROM bench.asset_plain WHERE tenant_id = ? AND hostname = ?";
  /** The query on the RLS table: no tenant filter; the policy adds it from the session's setting. */
  static final String RLS_QUERY = "SELECT id, hostname, status, os_family, ip_address, cpu_cores, memory_mb, "
      + "discovered_at FROM bench.asset_rls WHERE hostname = ?";
  /** Binds the tenant, as Rowguard's TenantBindingDataSource does on every connection checkout. */
  static final String BIND = "SELECT set_config('" + SETTING + "', ?, false)";

  private final BenchDatabase bench;

  private RlsFixture(BenchDatabase bench) {
    this.bench = bench;
  }

  /** The non-owner login on the benchmark database. */
  public DevPostgres.ServerAddress login() {
    return bench.login();
  }

  public Database database() {
    return bench.database();
  }

  /** The JVM arguments through which a JMH fork finds the loaded database ({@link BenchDatabase#inFork()}). */
  List<String> forkProperties() {
    return bench.forkProperties();
  }

  /** Creates the database, loads both tables with {@code rows} rows over {@code tenants} tenants, and the role. */
  public static RlsFixture load(DevPostgres server, int rows, int tenants, PrintStream log) {
    long start = System.nanoTime();
    BenchDatabase bench = BenchDatabase.create(server, "rowguard_rls_bench");
    try {
      bench.run(loadScript(rows, tenants, bench.login().user()), log);
    } catch (RuntimeException e) {
      bench.close();
      throw e;
    }
    if (log != null) {
      log.printf(Locale.ROOT, "loaded %,d rows per table over %,d tenants into database %s in %.1f s%n", rows,
          tenants, bench.database().name(), (System.nanoTime() - start) / 1e9);
    }
    return new RlsFixture(bench);
  }

  private static List<String> loadScript(int rows, int tenants, String role) {
    List<String> script = new ArrayList<>();
    script.add("SET maintenance_work_mem = '256MB'");
    script.add("CREATE SCHEMA bench");
    for (String table : List.of("asset_plain", "asset_rls")) {
      // The columns of a Rowguard-generated @Tenanted entity; constraints and indexes come after the load.
      script.add("CREATE TABLE bench." + table + " (\n"
          + "    id            uuid NOT NULL,\n"
          + "    tenant_id     uuid NOT NULL,\n"
          + "    hostname      text NOT NULL,\n"
          + "    status        text,\n"
          + "    os_family     text,\n"
          + "    ip_address    inet,\n"
          + "    cpu_cores     integer NOT NULL,\n"
          + "    memory_mb     integer NOT NULL,\n"
          + "    discovered_at timestamptz NOT NULL,\n"
          + "    version       bigint NOT NULL\n"
          + ")");
    }
    // Tenants interleaved in physical order (row g belongs to tenant g % tenants), as rows of many tenants
    // arriving over time would be: every lookup reads its own heap page, in both tables alike.
    script.add(String.format(Locale.ROOT, "INSERT INTO bench.asset_plain\n"
        + "SELECT md5('asset-' || g)::uuid, md5('tenant-' || (g %% %1$d))::uuid,\n"
        + "       'host-' || lpad((g / %1$d)::text, 6, '0') || '.example.net',\n"
        + "       (ARRAY['discovered', 'assessed', 'migrating', 'migrated'])[1 + g %% 4],\n"
        + "       (ARRAY['linux', 'windows', 'aix', 'solaris', 'other'])[1 + g %% 5],\n"
        + "       '10.0.0.0'::inet + g, 1 + g %% 64, 1024 * (1 + g %% 256),\n"
        + "       timestamptz '2026-01-01 00:00:00+00' + g * interval '1 second', 0\n"
        + "FROM generate_series(0, %2$d - 1) AS g", tenants, rows));
    script.add("INSERT INTO bench.asset_rls SELECT * FROM bench.asset_plain");
    for (String table : List.of("asset_plain", "asset_rls")) {
      script.add("ALTER TABLE bench." + table + "\n"
          + "    ADD CONSTRAINT pk_" + table + " PRIMARY KEY (id),\n"
          + "    ADD CONSTRAINT uq_" + table + "_id UNIQUE (tenant_id, id),\n"
          + "    ADD CONSTRAINT ck_" + table + "_status CHECK (status IN ('discovered', 'assessed', 'migrating', "
          + "'migrated'))");
      script.add("CREATE INDEX ix_" + table + "_hostname ON bench." + table + " (tenant_id, hostname)");
    }
    // Exactly as Rowguard generates it (see processor/src/test/resources/fixtures/tenancy/schema.sql).
    script.add("ALTER TABLE bench.asset_rls ENABLE ROW LEVEL SECURITY");
    script.add("ALTER TABLE bench.asset_rls FORCE ROW LEVEL SECURITY");
    script.add("CREATE POLICY tenant_isolation ON bench.asset_rls\n"
        + "    USING (tenant_id = (SELECT NULLIF(current_setting('rowguard.tenant_id', true), '')::uuid))\n"
        + "    WITH CHECK (tenant_id = (SELECT NULLIF(current_setting('rowguard.tenant_id', true), '')::uuid))");
    script.add("VACUUM (ANALYZE) bench.asset_plain");
    script.add("VACUUM (ANALYZE) bench.asset_rls");
    script.add("GRANT USAGE ON SCHEMA bench TO " + role);
    script.add("GRANT SELECT ON bench.asset_plain, bench.asset_rls TO " + role);
    return script;
  }

  /** Fails unless the connection's role can be subject to row-level security on both tables. */
  static void checkLogin(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT current_user, r.rolsuper, r.rolbypassrls, "
            + "(SELECT count(*) FROM pg_tables t WHERE t.schemaname = 'bench' AND t.tableowner = current_user), "
            + "c.relrowsecurity, c.relforcerowsecurity "
            + "FROM pg_roles r, pg_class c WHERE r.rolname = current_user AND c.oid = 'bench.asset_rls'::regclass")) {
      row.next();
      if (row.getBoolean(2) || row.getBoolean(3) || row.getLong(4) != 0 || !row.getBoolean(5) || !row.getBoolean(6)) {
        throw new IllegalStateException("the benchmark must query as a non-owner without SUPERUSER or BYPASSRLS, on "
            + "a table with row-level security enabled and forced; got role " + row.getString(1) + " superuser="
            + row.getBoolean(2) + " bypassrls=" + row.getBoolean(3) + " owns " + row.getLong(4)
            + " tables, relrowsecurity=" + row.getBoolean(5) + " relforcerowsecurity=" + row.getBoolean(6));
      }
    }
  }

  /** Tenant/hostname pairs that exist, sampled with a fixed seed (the same in every fork). */
  static List<String[]> sample(Connection connection, int size) throws SQLException {
    List<String[]> pairs = new ArrayList<>();
    try (Statement statement = connection.createStatement()) {
      statement.execute("SELECT setseed(0.42)");
      try (ResultSet rows = statement.executeQuery("SELECT tenant_id::text, hostname FROM bench.asset_plain "
          + "ORDER BY random() LIMIT " + size)) {
        while (rows.next()) {
          pairs.add(new String[] {rows.getString(1), rows.getString(2)});
        }
      }
    }
    if (pairs.size() != size) {
      throw new IllegalStateException("expected " + size + " sample rows, got " + pairs.size());
    }
    return pairs;
  }

  /**
   * Row-level security works for this login. Every tenant has the same hostnames, so the RLS query (which filters
   * by hostname only) must see: no tenant bound, no row; a tenant bound, exactly that tenant's row. The setting is
   * cleared afterwards.
   */
  static void checkIsolation(Connection connection, String[] pair, String otherTenant) throws SQLException {
    List<String> unbound = tenantsSeen(connection, "", pair[1]);
    List<String> own = tenantsSeen(connection, pair[0], pair[1]);
    List<String> other = tenantsSeen(connection, otherTenant, pair[1]);
    bind(connection, "");
    if (!unbound.isEmpty() || !own.equals(List.of(pair[0])) || !other.equals(List.of(otherTenant))) {
      throw new IllegalStateException("row-level security does not isolate tenants: hostname " + pair[1]
          + " seen for tenants " + unbound + " with no tenant bound (expected none), " + own + " with " + pair[0]
          + " bound, " + other + " with " + otherTenant + " bound");
    }
  }

  private static List<String> tenantsSeen(Connection connection, String tenant, String hostname)
      throws SQLException {
    bind(connection, tenant);
    List<String> seen = new ArrayList<>();
    try (PreparedStatement query =
        connection.prepareStatement("SELECT tenant_id::text FROM bench.asset_rls WHERE hostname = ?")) {
      query.setString(1, hostname);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          seen.add(rows.getString(1));
        }
      }
    }
    return seen;
  }

  static void bind(Connection connection, String tenant) throws SQLException {
    try (PreparedStatement bind = connection.prepareStatement(BIND)) {
      bind.setString(1, tenant);
      bind.executeQuery().close();
    }
  }

  /**
   * {@code EXPLAIN (ANALYZE, BUFFERS)} of both queries as this login, with the tenant bound for the RLS query:
   * once as a custom plan (the first executions of a prepared statement) and once as the generic plan that a
   * prepared statement settles on. Fails loudly when a plan is a sequential scan or does not use the
   * {@code (tenant_id, hostname)} index. Returns the plans as text.
   */
  static String explainAndCheck(Connection connection, String[] pair) throws SQLException {
    StringBuilder out = new StringBuilder();
    bind(connection, pair[0]);
    try (Statement statement = connection.createStatement()) {
      for (String mode : List.of("force_custom_plan", "force_generic_plan")) {
        statement.execute("SET plan_cache_mode = " + mode);
        statement.execute("PREPARE plain_q(uuid, text) AS " + PLAIN_QUERY.replace("tenant_id = ?", "tenant_id = $1")
            .replace("hostname = ?", "hostname = $2"));
        statement.execute("PREPARE rls_q(text) AS " + RLS_QUERY.replace("?", "$1"));
        String[][] queries = {
          {"asset_plain", "plain_q('" + pair[0] + "', '" + pair[1] + "')", "ix_asset_plain_hostname"},
          {"asset_rls", "rls_q('" + pair[1] + "')", "ix_asset_rls_hostname"},
        };
        for (String[] q : queries) {
          StringBuilder plan = new StringBuilder();
          try (ResultSet rows = statement.executeQuery("EXPLAIN (ANALYZE, BUFFERS) EXECUTE " + q[1])) {
            while (rows.next()) {
              plan.append(rows.getString(1)).append('\n');
            }
          }
          out.append("-- ").append(q[0]).append(", plan_cache_mode = ").append(mode).append(", as ")
              .append(currentUser(connection)).append(": EXPLAIN (ANALYZE, BUFFERS) EXECUTE ").append(q[1])
              .append('\n').append(plan).append('\n');
          String text = plan.toString();
          if (text.contains("Seq Scan") || !text.contains("Index Scan using " + q[2])
              && !text.contains("Index Only Scan using " + q[2])) {
            throw new IllegalStateException("the plan of the " + q[0] + " query (" + mode + ") is not an index scan "
                + "on " + q[2] + "; the benchmark would not measure what it claims:\n" + out);
          }
        }
        statement.execute("DEALLOCATE ALL");
      }
      statement.execute("RESET plan_cache_mode");
    }
    bind(connection, "");
    return out.toString();
  }

  private static String currentUser(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT current_user")) {
      row.next();
      return row.getString(1);
    }
  }

  /** Drops the database and the login role. */
  @Override
  public void close() {
    bench.close();
  }
}
