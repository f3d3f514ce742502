package dev.rowguard.benchmarks.repository;

import dev.rowguard.benchmarks.jmh.BenchDatabase;
import dev.rowguard.postgres.DevPostgres;
import dev.rowguard.runtime.TenantBindingDataSource;
import dev.rowguard.runtime.TenantContext;
import dev.rowguard.runtime.TenantKeys;
import dev.rowguard.runtime.TenantScope;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The repository benchmark's database: the schema Rowguard generated for {@code BenchAsset} ({@value #SCHEMA} on
 * the class path: table, row-level security, privileges of {@value #APP_ROLE}), loaded with the {@link Dataset},
 * and a login that is a member of {@value #APP_ROLE} and owns nothing, as an application's login is.
 */
final class RepositoryFixture implements AutoCloseable {
  static final String SCHEMA = "META-INF/rowguard/schema.sql";
  /** The role the generated schema grants to. It is cluster-wide and outlives the database, as a migration's would. */
  static final String APP_ROLE = "rowguard_app";

  private final BenchDatabase bench;
  private final Dataset dataset;

  private RepositoryFixture(BenchDatabase bench, Dataset dataset) {
    this.bench = bench;
    this.dataset = dataset;
  }

  static RepositoryFixture load(DevPostgres server, Dataset dataset, PrintStream log) {
    long start = System.nanoTime();
    BenchDatabase bench = BenchDatabase.create(server, "rowguard_repository_bench");
    try {
      long schemaStart = System.nanoTime();
      bench.database().executeScript(generatedSchema());
      log.printf(Locale.ROOT, "  %6d ms  %s (Rowguard's generated schema)%n",
          (System.nanoTime() - schemaStart) / 1_000_000, SCHEMA);
      bench.run(List.of(
          "GRANT " + APP_ROLE + " TO " + bench.login().user(),
          "GRANT " + APP_ROLE + " TO " + bench.plain().user(),
          // FORCE makes the policy apply to the owner too, unless it is a superuser: lifted for the bulk load of
          // every tenant's rows only. Every fork checks that it is back (RlsRoleCheck).
          "ALTER TABLE " + Dataset.TABLE + " NO FORCE ROW LEVEL SECURITY",
          dataset.insertStatement(),
          "ALTER TABLE " + Dataset.TABLE + " FORCE ROW LEVEL SECURITY",
          // The forks vacuum after every insertBatch themselves (see Workload.removeInserted): autovacuum would
          // only add work at times no benchmark chooses.
          "ALTER TABLE " + Dataset.TABLE + " SET (autovacuum_enabled = false)",
          "VACUUM (ANALYZE) " + Dataset.TABLE), log);
    } catch (RuntimeException e) {
      bench.close();
      throw e;
    }
    log.printf(Locale.ROOT, "loaded %,d rows (%,d tenants × %,d, %d categories of %d rows each) into database %s "
        + "in %.1f s%n", dataset.rows(), dataset.tenants(), dataset.rowsPerTenant(), dataset.categories(),
        Dataset.CATEGORY_ROWS, bench.database().name(), (System.nanoTime() - start) / 1e9);
    return new RepositoryFixture(bench, dataset);
  }

  private static String generatedSchema() {
    try (InputStream in = RepositoryFixture.class.getClassLoader().getResourceAsStream(SCHEMA)) {
      if (in == null) {
        throw new IllegalStateException(SCHEMA + " is not on the class path: Rowguard's processor writes it when "
            + "the benchmarks module is compiled");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The JVM arguments through which a fork finds the database and the dataset. */
  List<String> forkProperties() {
    List<String> properties = new ArrayList<>(bench.forkProperties());
    properties.addAll(dataset.forkProperties());
    return properties;
  }

  /**
   * Prints the server, the table's size and the plans of the hand-written queries as the login, with a tenant
   * bound; fails if a plan is a sequential scan, since then no contender would measure an indexed lookup.
   */
  void describe(PrintStream out) throws SQLException {
    try (Connection owner = bench.owner().dataSource().getConnection();
        Statement statement = owner.createStatement();
        ResultSet row = statement.executeQuery("SELECT version(), current_setting('shared_buffers'), "
            + "pg_size_pretty(pg_total_relation_size('" + Dataset.TABLE + "'))")) {
      row.next();
      out.printf("%s; shared_buffers %s; %s %s (with indexes)%n", row.getString(1), row.getString(2),
          Dataset.TABLE, row.getString(3));
    }
    TenantBindingDataSource login = TenantBindingDataSource.wrap(bench.login().dataSource(), TenantKeys.defaultKeys());
    UUID tenant = Dataset.tenantId(0);
    try (TenantScope scope = TenantContext.bind(TenantKeys.defaultKeys().tenant(tenant));
        Connection connection = login.getConnection()) {
      explain(out, connection, JdbcAssetStore.FIND_BY_ID, tenant, dataset.row(0).getId());
      explain(out, connection, JdbcAssetStore.FIND_BY_CATEGORY, tenant, Dataset.category(0));
    }
  }

  private void explain(PrintStream out, Connection connection, String sql, UUID tenant, Object value)
      throws SQLException {
    StringBuilder plan = new StringBuilder();
    try (PreparedStatement explain = connection.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + sql)) {
      explain.setObject(1, tenant);
      explain.setObject(2, value);
      try (ResultSet rows = explain.executeQuery()) {
        while (rows.next()) {
          plan.append(rows.getString(1)).append('\n');
        }
      }
    }
    out.printf("-- as %s, tenant %s bound: EXPLAIN (ANALYZE, BUFFERS) %s with %s%n%s%n", bench.login().user(), tenant,
        sql, value, plan);
    if (plan.toString().contains("Seq Scan")) {
      throw new IllegalStateException("the plan of " + sql + " is a sequential scan; the benchmark would not "
          + "measure what it claims:\n" + plan);
    }
  }

  /** Drops the database and the login. */
  @Override
  public void close() {
    bench.close();
  }
}
