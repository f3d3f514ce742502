package dev.rowguard.benchmarks.rls;

import dev.rowguard.postgres.DevPostgres;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs {@link RlsOverheadBenchmark}: loads the database once (embedded PostgreSQL, or {@code ROWGUARD_JDBC_URL}),
 * prints the plans of both queries as the login role, then runs one JMH fork per benchmark per round, in an
 * order that rotates from round to round, so that noise from other work on the machine falls on all benchmarks
 * alike (JMH itself runs all forks of one benchmark before the next). Every fork reuses the loaded database.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar dev.rowguard.benchmarks.rls.RlsBenchmark
 * [--rounds=4] [--warmup=2] [--iterations=5] [--time=3] [--rows=1000000] [--tenants=1000]
 * [--benchmarks=plain,plainWithBind,rls,rlsBindSeparately]}
 */
public final class RlsBenchmark {
  private RlsBenchmark() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new LinkedHashMap<>();
    for (String arg : args) {
      String[] parts = arg.replaceFirst("^--", "").split("=", 2);
      options.put(parts[0], parts.length > 1 ? parts[1] : "true");
    }
    int rounds = Integer.parseInt(options.getOrDefault("rounds", "4"));
    int warmup = Integer.parseInt(options.getOrDefault("warmup", "2"));
    int iterations = Integer.parseInt(options.getOrDefault("iterations", "5"));
    int seconds = Integer.parseInt(options.getOrDefault("time", "3"));
    int rows = Integer.parseInt(options.getOrDefault("rows", "1000000"));
    int tenants = Integer.parseInt(options.getOrDefault("tenants", "1000"));
    List<String> benchmarks = Arrays.asList(options.getOrDefault("benchmarks", "plain,plainWithBind,rls,rlsBindSeparately")
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

      Map<String, List<Double>> forkScores = new LinkedHashMap<>();
      Map<String, List<Double>> iterationScores = new LinkedHashMap<>();
      benchmarks.forEach(b -> {
        forkScores.put(b, new ArrayList<>());
        iterationScores.put(b, new ArrayList<>());
      });
      for (int round = 0; round < rounds; round++) {
        StringBuilder line = new StringBuilder("round " + (round + 1) + ":");
        for (int i = 0; i < benchmarks.size(); i++) {
          String benchmark = benchmarks.get(Math.floorMod(round + i, benchmarks.size()));
          Options jmh = new OptionsBuilder()
              .include(RlsOverheadBenchmark.class.getName() + "\\." + benchmark + "$")
              .forks(1)
              .warmupIterations(warmup)
              .warmupTime(TimeValue.seconds(seconds))
              .measurementIterations(iterations)
              .measurementTime(TimeValue.seconds(seconds))
              .jvmArgsAppend("-D" + RlsFixture.URL_PROPERTY + "=" + fixture.login().url(),
                  "-D" + RlsFixture.USER_PROPERTY + "=" + fixture.login().user(),
                  "-D" + RlsFixture.PASSWORD_PROPERTY + "=" + fixture.login().password())
              .shouldFailOnError(true)
              .verbosity(VerboseMode.NORMAL)
              .build();
          Collection<RunResult> results = new Runner(jmh).run();
          if (results.size() != 1) {
            throw new IllegalStateException(benchmark + ": expected one result, got " + results.size());
          }
          RunResult result = results.iterator().next();
          forkScores.get(benchmark).add(result.getPrimaryResult().getScore());
          for (BenchmarkResult fork : result.getBenchmarkResults()) {
            for (IterationResult iteration : fork.getIterationResults()) {
              iterationScores.get(benchmark).add(iteration.getPrimaryResult().getScore());
            }
          }
          line.append(String.format(Locale.ROOT, "  %s=%.0f", benchmark, result.getPrimaryResult().getScore()));
        }
        System.out.println(line);
      }
      report(benchmarks, forkScores, iterationScores, rounds, warmup, iterations, seconds);
    }
  }

  private static void report(List<String> benchmarks, Map<String, List<Double>> forks,
      Map<String, List<Double>> iterations, int rounds, int warmup, int measured, int seconds) {
    System.out.printf(Locale.ROOT, "%nResults: %d rounds, each one fork per benchmark (%d × %d s warm-up, %d × %d s "
        + "measured), interleaved. Throughput in lookups/s: median of the %d fork scores [min–max]; iteration "
        + "median and IQR over all %d measured iterations; µs per lookup = 1e6 / median. Ratio = the "
        + "baseline's median throughput / this one's (= this one's latency / the baseline's); per-round: median [min–max] of the "
        + "ratios within each round.%n", rounds, warmup, seconds, measured, seconds, rounds, rounds * measured);
    System.out.println("| benchmark | median ops/s | min–max ops/s (forks) | iteration median | iteration IQR | "
        + "µs/op | ratio plain/this | per-round ratio | ratio plainWithBind/this | per-round ratio |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (String benchmark : benchmarks) {
      List<Double> scores = forks.get(benchmark);
      List<Double> its = iterations.get(benchmark);
      System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f–%.0f | %.0f | %.0f | %.1f | %s | %s |%n", benchmark,
          percentile(scores, 50), percentile(scores, 0), percentile(scores, 100), percentile(its, 50),
          percentile(its, 75) - percentile(its, 25), 1e6 / percentile(scores, 50),
          ratios(forks.get("plain"), scores, benchmark.equals("plain")),
          ratios(forks.get("plainWithBind"), scores, benchmark.startsWith("plain")));
    }
  }

  /** "ratio of medians | median [min–max] of per-round ratios" of baseline over scores, or empty cells. */
  private static String ratios(List<Double> baseline, List<Double> scores, boolean skip) {
    if (baseline == null || skip) {
      return " | ";
    }
    List<Double> perRound = new ArrayList<>();
    for (int i = 0; i < scores.size(); i++) {
      perRound.add(baseline.get(i) / scores.get(i));
    }
    return String.format(Locale.ROOT, "**%.3f** | %.3f [%.3f–%.3f]", percentile(baseline, 50)
        / percentile(scores, 50), percentile(perRound, 50), percentile(perRound, 0), percentile(perRound, 100));
  }

  private static double percentile(List<Double> values, int percent) {
    List<Double> sorted = values.stream().sorted().toList();
    double rank = percent / 100.0 * (sorted.size() - 1);
    int low = (int) Math.floor(rank);
    int high = (int) Math.ceil(rank);
    return sorted.get(low) + (rank - low) * (sorted.get(high) - sorted.get(low));
  }
}
