package dev.rowguard.benchmarks.repository;

import static dev.rowguard.benchmarks.jmh.Scores.percentile;

import dev.rowguard.benchmarks.CompileBenchmark;
import dev.rowguard.benchmarks.Harness;
import dev.rowguard.benchmarks.jmh.ForkSettings;
import dev.rowguard.benchmarks.jmh.InterleavedForks;
import dev.rowguard.benchmarks.jmh.Scores;
import dev.rowguard.postgres.DevPostgres;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the repository benchmark: the same operations ({@code findById}, {@code findByCategory}, {@code
 * insertBatch}, {@code readThenUpdate}) through each contender, against one database loaded once:
 *
 * <ul>
 *   <li>{@code jdbc-plain}: hand-written JDBC with {@code tenant_id = ?} on a plain HikariCP pool, as a login
 *       that bypasses row-level security. It enforces nothing: the limit for enforced isolation.
 *   <li>{@code hibernate-plain}: Hibernate ORM 7 with {@code @TenantId} on the same plain pool: what teams use.
 *   <li>{@code jdbc-bound}: the same hand-written JDBC through the tenant-binding data source, with RLS.
 *   <li>{@code generated}: Rowguard's generated repository through the tenant-binding data source, with RLS.
 * </ul>
 *
 * One JMH fork per contender and operation per round, interleaved ({@link InterleavedForks}); every fork checks
 * its contender's results before measuring. The last lines are one {@code RATIO <contender>/<baseline>:<case>
 * <value>} per ratio of median throughputs.
 *
 * <p>Usage: {@code java -jar benchmarks/target/benchmarks.jar repository [--rounds=4] [--warmup=10]
 * [--iterations=5] [--time=3] [--tenants=100] [--rows-per-tenant=1000]
 * [--contenders=jdbc-plain,hibernate-plain,jdbc-bound,generated]
 * [--operations=findById,findByCategory,insertBatch,readThenUpdate]
 * [--lib=benchmarks/target/benchmark-lib/repository]}
 */
public final class RepositoryBenchmark {
  /** Contender → its benchmark class, named so that an absent class (not compiled in) is no compile error. */
  private static final Map<String, String> CONTENDERS = new LinkedHashMap<>();

  static {
    String pkg = RepositoryBenchmark.class.getPackageName();
    CONTENDERS.put("jdbc-plain", pkg + ".JdbcPlainBenchmark");
    CONTENDERS.put("hibernate-plain", pkg + ".HibernatePlainBenchmark");
    CONTENDERS.put("jdbc-bound", pkg + ".JdbcBoundBenchmark");
    CONTENDERS.put("generated", pkg + ".GeneratedRepositoryBenchmark");
  }

  /**
   * Ten warm-up iterations: on two cores, Hibernate's findById took about 30 s to reach its steady throughput,
   * where hand-written JDBC takes a few seconds.
   */
  private static final ForkSettings DEFAULTS = new ForkSettings(4, 10, 5, 3);
  private static final List<String> OPERATIONS =
      List.of("findById", "findByCategory", "insertBatch", "readThenUpdate");
  /** Ratios of throughput reported per operation: numerator / denominator contender. */
  private static final List<List<String>> RATIOS = List.of(List.of("generated", "jdbc-plain"),
      List.of("generated", "hibernate-plain"), List.of("generated", "jdbc-bound"), List.of("jdbc-bound", "jdbc-plain"),
      List.of("hibernate-plain", "jdbc-plain"));

  private RepositoryBenchmark() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = ForkSettings.options(args);
    ForkSettings settings = ForkSettings.of(options, DEFAULTS);
    Dataset dataset = new Dataset(Integer.parseInt(options.getOrDefault("tenants", "100")),
        Integer.parseInt(options.getOrDefault("rows-per-tenant", "1000")));
    List<String> operations = Arrays.asList(options.getOrDefault("operations", String.join(",", OPERATIONS))
        .split(","));
    List<String> contenders = new ArrayList<>();
    for (String contender : options.getOrDefault("contenders", String.join(",", CONTENDERS.keySet())).split(",")) {
      if (!CONTENDERS.containsKey(contender)) {
        throw new IllegalArgumentException("unknown contender " + contender + "; the contenders are "
            + CONTENDERS.keySet());
      }
      if (compiledIn(CONTENDERS.get(contender))) {
        contenders.add(contender);
      } else {
        System.out.println(contender + ": not compiled in (" + CONTENDERS.get(contender) + " is excluded in "
            + "benchmarks/pom.xml), left out");
      }
    }
    Path lib = options.containsKey("lib") ? Path.of(options.get("lib"))
        : CompileBenchmark.defaultLib().resolve("repository");
    addToForkClassPath(lib);

    System.out.printf(Locale.ROOT, "JDK %s (%s), %d available processors%n", System.getProperty("java.version"),
        System.getProperty("java.vm.name"), Runtime.getRuntime().availableProcessors());
    DevPostgres server = DevPostgres.shared();
    System.out.println("PostgreSQL: " + server.description());
    try (RepositoryFixture fixture = RepositoryFixture.load(server, dataset, System.out)) {
      fixture.describe(System.out);
      // Operation by operation, so that the contenders of one operation run next to each other in every round.
      Map<String, String> benchmarks = new LinkedHashMap<>();
      for (String operation : operations) {
        for (String contender : contenders) {
          benchmarks.put(label(contender, operation), CONTENDERS.get(contender) + "." + operation);
        }
      }
      Map<String, Scores> scores = InterleavedForks.run(benchmarks, settings, fixture.forkProperties());
      report(scores, settings, operations);
    }
  }

  private static String label(String contender, String operation) {
    return contender + "." + operation;
  }

  private static boolean compiledIn(String className) {
    try {
      Class.forName(className, false, RepositoryBenchmark.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  /**
   * Hibernate, JPA and Jakarta Data are kept out of benchmarks.jar (the compile benchmarks must not see them) and
   * copied to {@code lib} instead. JMH starts its forks with this JVM's {@code java.class.path}, so that is where
   * they are added; this JVM never loads them.
   */
  private static void addToForkClassPath(Path lib) {
    System.setProperty("java.class.path",
        System.getProperty("java.class.path") + File.pathSeparator + Harness.join(Harness.jars(lib)));
  }

  private static void report(Map<String, Scores> scores, ForkSettings settings, List<String> operations) {
    System.out.printf(Locale.ROOT, "%nResults: %s. Throughput in operations/s (an insertBatch writes %,d rows): "
        + "median of the %d fork scores [min–max]; iteration median and IQR over all %d measured iterations; µs "
        + "per operation = 1e6 / median.%n", settings.describe(), Workload.BATCH, settings.rounds(),
        settings.rounds() * settings.iterations());
    System.out.println("| benchmark | median ops/s | min–max ops/s (forks) | iteration median | iteration IQR | "
        + "µs/op |");
    System.out.println("|---|---:|---:|---:|---:|---:|");
    for (Map.Entry<String, Scores> entry : scores.entrySet()) {
      Scores own = entry.getValue();
      List<Double> its = own.iterations();
      System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f–%.1f | %.1f | %.1f | %.1f |%n", entry.getKey(),
          own.median(), percentile(own.forks(), 0), percentile(own.forks(), 100), percentile(its, 50),
          percentile(its, 75) - percentile(its, 25), 1e6 / own.median());
    }

    System.out.printf(Locale.ROOT, "%nRatios of throughput (above 1: the first is faster): ratio of the medians, "
        + "and per round: median [min–max] of the ratios within each round. Empty: a contender was not run.%n");
    StringBuilder header = new StringBuilder("| operation |");
    StringBuilder rule = new StringBuilder("|---|");
    for (List<String> ratio : RATIOS) {
      header.append(' ').append(ratio.get(0)).append('/').append(ratio.get(1)).append(" | per round |");
      rule.append("---:|---:|");
    }
    System.out.println(header);
    System.out.println(rule);
    for (String operation : operations) {
      StringBuilder line = new StringBuilder("| " + operation + " |");
      for (List<String> ratio : RATIOS) {
        Scores numerator = scores.get(label(ratio.get(0), operation));
        Scores denominator = scores.get(label(ratio.get(1), operation));
        line.append(' ').append(numerator == null || denominator == null ? " | "
            : Scores.ratioCells(numerator, denominator)).append(" |");
      }
      System.out.println(line);
    }
    System.out.println();
    for (List<String> ratio : RATIOS) {
      for (String operation : operations) {
        Scores numerator = scores.get(label(ratio.get(0), operation));
        Scores denominator = scores.get(label(ratio.get(1), operation));
        if (numerator != null && denominator != null) {
          System.out.printf(Locale.ROOT, "RATIO %s/%s:%s %.3f%n", ratio.get(0), ratio.get(1), operation,
              numerator.median() / denominator.median());
        }
      }
    }
  }
}
