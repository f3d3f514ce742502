package dev.rowguard.benchmarks.rls;

import static dev.rowguard.benchmarks.jmh.Scores.percentile;

import dev.rowguard.benchmarks.jmh.ForkSettings;
import dev.rowguard.benchmarks.jmh.InterleavedForks;
import dev.rowguard.benchmarks.jmh.Scores;
import dev.rowguard.postgres.DevPostgres;
import java.sql.Connection;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs {@link RlsOverheadBenchmark}: loads the database once (embedded PostgreSQL, or {@code ROWGUARD_JDBC_URL}),
 * prints the plans of both queries as the login role, then runs one JMH fork per benchmark per round, in an
 * order that rotates from round to round, so that noise from other work on the machine falls on all benchmarks
 * alike (JMH itself runs all forks of one benchmark before the next). Every fork reuses the loaded database.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar dev.rowguard.benchmarks.rls.RlsBenchmark
 * [--rounds=4] [--warmup=2] [--iterations=5] [--time=3] [--rows=1000000] [--tenants=1000]
 * [--benchmarks=plain,plainWithBind,rls,rlsBindSeparately,rlsGuarded,plainPool,checkout,checkoutByHand,checkoutByHandFullReset]}
 *
 * <p>Besides the ratios against {@code plain} and {@code plainWithBind}, it prints, as its last lines, {@code
 * RATIO} lines (this one's latency over the baseline's): {@code checkout} against {@code plainPool} (the whole
 * enforced path per checkout: policy, binding, runtime, against a plain pool that enforces nothing), {@code
 * rlsGuarded} against {@code rls} (the runtime per statement), {@code checkout} against {@code
 * checkoutByHandFullReset} (today's checkout against the bind-query-reset it replaced), {@code
 * checkoutByHandFullReset} against {@code checkoutByHand} (the session reset on close).
 */
public final class RlsBenchmark {
  private RlsBenchmark() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = ForkSettings.options(args);
    ForkSettings settings = ForkSettings.of(options, new ForkSettings(4, 2, 5, 3));
    int rows = Integer.parseInt(options.getOrDefault("rows", "1000000"));
    int tenants = Integer.parseInt(options.getOrDefault("tenants", "1000"));
    List<String> benchmarks = Arrays.asList(options.getOrDefault("benchmarks",
        "plain,plainWithBind,rls,rlsBindSeparately,rlsGuarded,plainPool,checkout,checkoutByHand,"
            + "checkoutByHandFullReset")
        .split(","));

    System.out.printf(Locale.ROOT, "JDK %s (%s), %d available processors%n", System.getProperty("java.version"),
        System.getProperty("java.vm.name"), Runtime.getRuntime().availableProcessors());
    DevPostgres server = DevPostgres.shared();
    System.out.println("PostgreSQL: " + server.description());
    try (RlsFixture fixture = RlsFixture.load(server, rows, tenants, System.out);
        Connection login = fixture.login().dataSource().getConnection()) {
      try (var statement = login.createStatement();
          var version = statement.executeQuery("SELECT version(), current_setting('shared_buffers'), "
              + "pg_size_pretty(pg_total_relation_size('bench.asset_plain')), "
              + "pg_size_pretty(pg_total_relation_size('bench.asset_rls'))")) {
        version.next();
        System.out.printf("%s; shared_buffers %s; asset_plain %s, asset_rls %s (tables with indexes)%n",
            version.getString(1), version.getString(2), version.getString(3), version.getString(4));
      }
      RlsFixture.checkLogin(login);
      List<String[]> pairs = RlsFixture.sample(login, 3);
      RlsFixture.checkIsolation(login, pairs.get(0), pairs.get(1)[0]);
      System.out.println("row-level security isolates tenants for login " + fixture.login().user()
          + " (a hostname every tenant has: no row with no tenant bound, only the bound tenant's row otherwise)");
      System.out.println();
      System.out.print(RlsFixture.explainAndCheck(login, pairs.get(0)));

      Map<String, String> methods = new LinkedHashMap<>();
      benchmarks.forEach(b -> methods.put(b, RlsOverheadBenchmark.class.getName() + "." + b));
      Map<String, Scores> scores = InterleavedForks.run(methods, settings, fixture.forkProperties());
      report(scores, settings);
    }
  }

  private static void report(Map<String, Scores> scores, ForkSettings settings) {
    System.out.printf(Locale.ROOT, "%nResults: %s. Throughput in lookups/s: median of the %d fork scores [min–max]; "
        + "iteration median and IQR over all %d measured iterations; µs per lookup = 1e6 / median. Ratio = the "
        + "baseline's median throughput / this one's (= this one's latency / the baseline's); per-round: median [min–max] of the "
        + "ratios within each round.%n", settings.describe(), settings.rounds(),
        settings.rounds() * settings.iterations());
    System.out.println("| benchmark | median ops/s | min–max ops/s (forks) | iteration median | iteration IQR | "
        + "µs/op | ratio plain/this | per-round ratio | ratio plainWithBind/this | per-round ratio |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (Map.Entry<String, Scores> entry : scores.entrySet()) {
      String benchmark = entry.getKey();
      Scores own = entry.getValue();
      List<Double> its = own.iterations();
      System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f–%.0f | %.0f | %.0f | %.1f | %s | %s |%n", benchmark,
          own.median(), percentile(own.forks(), 0), percentile(own.forks(), 100), percentile(its, 50),
          percentile(its, 75) - percentile(its, 25), 1e6 / own.median(),
          ratios(scores.get("plain"), own, benchmark.equals("plain")),
          ratios(scores.get("plainWithBind"), own, benchmark.startsWith("plain")));
    }
    System.out.println();
    ratio(scores, "checkout", "plainPool", "the whole enforced path per checkout: policy, binding and runtime");
    ratio(scores, "rlsGuarded", "rls", "the runtime per statement: binding prefix, proxy and scope check");
    ratio(scores, "checkout", "checkoutByHandFullReset", "a checkout now, against bind, query and reset by hand");
    ratio(scores, "checkoutByHandFullReset", "checkoutByHand", "the session reset on close");
  }

  /** A machine-readable line: this one's latency over the baseline's (the baseline's throughput over this one's). */
  private static void ratio(Map<String, Scores> scores, String benchmark, String baseline, String what) {
    if (scores.containsKey(benchmark) && scores.containsKey(baseline)) {
      System.out.printf(Locale.ROOT, "RATIO %s/%s %.3f (%s; per round %s)%n", benchmark, baseline,
          scores.get(baseline).median() / scores.get(benchmark).median(), what,
          Scores.ratioCells(scores.get(baseline), scores.get(benchmark)).replace("**", "").replace(" | ", ", median "));
    }
  }

  /** "ratio of medians | median [min–max] of per-round ratios" of baseline over scores, or empty cells. */
  private static String ratios(Scores baseline, Scores scores, boolean skip) {
    return baseline == null || skip ? " | " : Scores.ratioCells(baseline, scores);
  }
}
