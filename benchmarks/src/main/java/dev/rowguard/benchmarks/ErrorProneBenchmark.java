package dev.rowguard.benchmarks;

import static dev.rowguard.benchmarks.Harness.delete;
import static dev.rowguard.benchmarks.Harness.jars;
import static dev.rowguard.benchmarks.Harness.join;
import static dev.rowguard.benchmarks.Harness.times;
import static dev.rowguard.benchmarks.Harness.ratios;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * javac time of a generated tree of JDBC application code ({@link JdbcSourceGenerator}) in three
 * configurations on the same sources: plain javac; Error Prone alone (its jars on {@code --processor-path});
 * Error Prone with Rowguard's four checks (the checks jar and its dependencies added to that path). Both Error
 * Prone configurations get {@code -XDcompilePolicy=simple --should-stop=ifError=FLOW -Xplugin:ErrorProne} and
 * the tree's {@code schema.json}, so that {@code UnfilteredTenantQuery} analyses every constant statement.
 *
 * <p>As in {@link CompileBenchmark}: in-process {@link JavaCompiler}, a fresh file manager and output directory
 * per compilation, the plugin loaded from the processor path in a new class loader every time (as in a build),
 * warm-up rounds, then rounds that compile every configuration in an order that rotates from round to round.
 * Before timing, a canary proves that each configuration runs exactly the checks it claims to; the first
 * compilation of each configuration (in the first warm-up round) must compile the whole tree without errors.
 *
 * <p>Error Prone needs javac's internals: run as {@code java -jar benchmarks/target/benchmarks.jar errorprone}
 * (the jar's manifest has the {@code Add-Exports}/{@code Add-Opens}), or with the options of {@code
 * .mvn/jvm.config} on the command line. Options: {@code [--files=1000] [--warmup=1] [--rounds=8]
 * [--configs=plain,errorprone,errorprone+rowguard,errorprone+rowguard-utq-off] [--lib=benchmarks/target/benchmark-lib] [--keep]}
 */
public final class ErrorProneBenchmark {
  enum Config {
    PLAIN("plain"),
    ERRORPRONE("errorprone"),
    ROWGUARD("errorprone+rowguard"),
    /** Diagnostic, not in the default set: Rowguard's checks with UnfilteredTenantQuery (JSqlParser) switched off. */
    ROWGUARD_UTQ_OFF("errorprone+rowguard-utq-off");

    final String label;

    Config(String label) {
      this.label = label;
    }

    static Config of(String label) {
      return Arrays.stream(values()).filter(c -> c.label.equals(label)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("unknown configuration: " + label));
    }
  }

  private static final List<String> ROWGUARD_CHECKS =
      List.of("RawSql", "SqlConcatenation", "UnfilteredTenantQuery", "ReservedColumnName");
  private static final Pattern CHECK_NAME = Pattern.compile("^\\[(\\w+)\\]");

  private final List<Path> classpath;
  private final Map<Config, List<Path>> processorPath = new EnumMap<>(Config.class);
  private final Path work;
  private Path schemaJson;

  private ErrorProneBenchmark(Path lib, Path work) {
    this.classpath = jars(lib.resolve("classpath"));
    List<Path> errorProne = jars(lib.resolve("errorprone"));
    List<Path> withChecks = new ArrayList<>(errorProne);
    withChecks.addAll(jars(lib.resolve("rowguard-checks")));
    processorPath.put(Config.ERRORPRONE, errorProne);
    processorPath.put(Config.ROWGUARD, withChecks);
    processorPath.put(Config.ROWGUARD_UTQ_OFF, withChecks);
    this.work = work;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new LinkedHashMap<>();
    for (String arg : args) {
      if (!arg.startsWith("--")) {
        continue;
      }
      String[] parts = arg.substring(2).split("=", 2);
      options.put(parts[0], parts.length > 1 ? parts[1] : "true");
    }
    int files = Integer.parseInt(options.getOrDefault("files", "1000"));
    List<Config> configs = Arrays.stream(options.getOrDefault("configs", "plain,errorprone,errorprone+rowguard")
        .split(",")).map(String::trim).map(Config::of).toList();
    int warmup = Integer.parseInt(options.getOrDefault("warmup", "1"));
    int rounds = Integer.parseInt(options.getOrDefault("rounds", "8"));
    Path lib = options.containsKey("lib") ? Path.of(options.get("lib")) : CompileBenchmark.defaultLib();

    checkIsolation();
    Path work = Files.createTempDirectory("rowguard-errorprone-bench");
    ErrorProneBenchmark benchmark = new ErrorProneBenchmark(lib, work);
    try {
      benchmark.run(files, configs, warmup, rounds);
    } finally {
      if (!options.containsKey("keep")) {
        delete(work);
      } else {
        System.out.println("sources and outputs kept in " + work);
      }
    }
  }

  private void run(int fileCount, List<Config> configs, int warmup, int rounds) {
    System.out.printf(Locale.ROOT, "JDK %s (%s), %d available processors, max heap %d MB%n",
        System.getProperty("java.version"), System.getProperty("java.vm.name"),
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
    for (Config config : configs) {
      if (config != Config.PLAIN) {
        System.out.printf("%-19s processor path: %s%n", config.label, processorPath.get(config).stream()
            .map(p -> p.getFileName().toString()).collect(Collectors.joining(" ")));
        System.out.printf("%-19s javac plugins: %s; annotation processors: %s; Error Prone checks added: %s%n",
            config.label, services(processorPath.get(config), "com.sun.source.util.Plugin"),
            services(processorPath.get(config), "javax.annotation.processing.Processor"),
            services(processorPath.get(config), "com.google.errorprone.bugpatterns.BugChecker"));
      }
    }
    System.out.println("compile classpath: " + classpath.stream()
        .map(p -> p.getFileName().toString()).collect(Collectors.joining(" ")));

    JdbcSourceGenerator.Tree tree = JdbcSourceGenerator.generate(work.resolve("tree"), fileCount);
    schemaJson = tree.schemaJson();
    System.out.printf(Locale.ROOT, "source tree: %d files, %d lines, %d JDBC calls that take SQL text; schema.json "
        + "with %d tenanted tables and 1 shared table%n", tree.sources().size(), tree.lines(), tree.sqlCallSites(),
        JdbcSourceGenerator.TABLES);

    canary(configs);

    Map<Config, List<Long>> times = new EnumMap<>(Config.class);
    java.util.Set<Config> verified = java.util.EnumSet.noneOf(Config.class);
    for (int round = -warmup; round < rounds; round++) {
      boolean measured = round >= 0;
      StringBuilder line = new StringBuilder(measured ? "round " + (round + 1) : "warm-up " + (round + warmup + 1));
      for (int i = 0; i < configs.size(); i++) {
        Config config = configs.get(Math.floorMod(round + i, configs.size()));
        Compilation compilation = compile(config, tree.sources());
        if (verified.add(config)) {
          verify(config, compilation); // the first compilation of each configuration, a warm-up one if any
        } else if (!compilation.success) {
          throw new IllegalStateException(config.label + " failed: " + compilation.errors);
        }
        delete(compilation.output);
        line.append(String.format(Locale.ROOT, "  %s=%d", config.label, compilation.nanos / 1_000_000));
        if (measured) {
          times.computeIfAbsent(config, c -> new ArrayList<>()).add(compilation.nanos);
        }
      }
      System.out.println(line);
    }
    report(times, configs, rounds, fileCount);
  }

  /** Fails unless the whole tree compiled without errors; prints what was compiled and warned about. */
  private static void verify(Config config, Compilation compilation) {
    if (!compilation.success || !compilation.errors.isEmpty()) {
      throw new IllegalStateException(config.label + " could not compile the tree:\n"
          + String.join("\n", compilation.errors.subList(0, Math.min(20, compilation.errors.size()))));
    }
    System.out.printf(Locale.ROOT, "verified %-19s %d classes, no errors, %d warnings %s (%d ms)%n", config.label,
        countClasses(compilation.output), compilation.warnings.size(), byCheck(compilation.warnings),
        compilation.nanos / 1_000_000);
  }

  /**
   * Compiles a few lines that each configuration must judge differently: plain javac accepts them; Error Prone
   * reports its own DeadException; with Rowguard's checks, each of the four checks reports too.
   */
  private void canary(List<Config> configs) {
    Path dir = work.resolve("canary/src/canary");
    List<Path> sources = List.of(dir.resolve("Canary.java"), dir.resolve("CanaryEntity.java"));
    write(sources.get(0), """
        package canary;

        import dev.rowguard.annotations.AllowRawSql;
        import java.sql.Connection;
        import java.sql.SQLException;
        import java.sql.Statement;

        public class Canary {
          void raw(Connection connection) throws SQLException {
            try (Statement statement = connection.createStatement()) {
              statement.execute("SELECT 1");
            }
          }

          @AllowRawSql("canary")
          void unfiltered(Connection connection) throws SQLException {
            connection.prepareStatement("SELECT id FROM app.item_0 WHERE id = ?").close();
          }

          @AllowRawSql("canary")
          void concatenated(Connection connection, String code) throws SQLException {
            connection.prepareStatement("SELECT code FROM app.region WHERE code = '" + code + "'").close();
          }

          void dead() {
            new IllegalStateException("canary");
          }
        }
        """);
    write(sources.get(1), """
        package canary;

        import jakarta.persistence.Entity;
        import jakarta.persistence.Id;
        import java.util.UUID;

        @Entity
        public class CanaryEntity {
          @Id private UUID id;
          private String order;
        }
        """);
    for (Config config : configs) {
      Compilation compilation = compile(config, sources);
      delete(compilation.output);
      Map<String, Long> errors = byCheck(compilation.errors);
      List<String> expected = switch (config) {
        case PLAIN -> List.of();
        case ERRORPRONE -> List.of("DeadException");
        case ROWGUARD -> List.of("DeadException", "RawSql", "ReservedColumnName", "SqlConcatenation",
            "UnfilteredTenantQuery");
        case ROWGUARD_UTQ_OFF -> List.of("DeadException", "RawSql", "ReservedColumnName", "SqlConcatenation");
      };
      if (!errors.keySet().equals(new java.util.TreeSet<>(expected))) {
        throw new IllegalStateException("canary: " + config.label + " reported errors " + errors + ", expected one "
            + "each of " + expected + ":\n" + String.join("\n", compilation.errors));
      }
      System.out.printf("canary   %-19s errors %s: as expected%n", config.label, errors);
    }
  }

  /** Counts diagnostics by the Error Prone check that reported them ("javac" for javac's own). */
  private static Map<String, Long> byCheck(List<String> diagnostics) {
    Map<String, Long> counts = new TreeMap<>();
    for (String diagnostic : diagnostics) {
      Matcher matcher = CHECK_NAME.matcher(diagnostic.substring(diagnostic.indexOf(' ') + 1).trim());
      String check = matcher.find() ? matcher.group(1) : "javac";
      counts.merge(check, 1L, Long::sum);
    }
    return counts;
  }

  private static void report(Map<Config, List<Long>> times, List<Config> configs, int rounds, int files) {
    System.out.printf("%nResults over %d interleaved rounds (ms: median [min–max], IQR = interquartile range; "
        + "ratios: of the medians, and median [min–max] of the per-round ratios)%n", rounds);
    System.out.println("| configuration | median ms | min–max ms | IQR ms | ratio to plain | per-round ratio to "
        + "plain | ratio to errorprone | per-round ratio to errorprone |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
    for (Config config : configs) {
      List<Long> values = times.get(config);
      System.out.printf(Locale.ROOT, "| %s | %s | %s | %s |%n", config.label, times(values),
          ratios(values, config == Config.PLAIN ? null : times.get(Config.PLAIN), 3),
          ratios(values, config == Config.PLAIN || config == Config.ERRORPRONE ? null : times.get(Config.ERRORPRONE), 3));
    }
    System.out.println();
    Harness.printRatio("checks/errorprone:" + files, times.get(Config.ROWGUARD), times.get(Config.ERRORPRONE));
    Harness.printRatio("errorprone/plain:" + files, times.get(Config.ERRORPRONE), times.get(Config.PLAIN));
  }


  private Compilation compile(Config config, List<Path> sources) {
    Path output;
    try {
      output = Files.createTempDirectory(work, "out-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> options = new ArrayList<>(List.of(
        "-d", output.toString(),
        "--class-path", join(classpath),
        "--release", "17"));
    if (config != Config.PLAIN) {
      options.addAll(List.of(
          "-XDcompilePolicy=simple",
          "--should-stop=ifError=FLOW",
          "--processor-path", join(processorPath.get(config)),
          "-Xplugin:ErrorProne -XepOpt:UnfilteredTenantQuery:SchemaJson=" + schemaJson
              + (config == Config.ROWGUARD_UTQ_OFF ? " -Xep:UnfilteredTenantQuery:OFF" : "")));
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    System.gc(); // Start every compilation with an empty young generation (not timed).
    long start = System.nanoTime();
    boolean success;
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      success = javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources))
          .call();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    long nanos = System.nanoTime() - start;
    List<String> errors = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
      String text = (diagnostic.getSource() == null ? "-" : diagnostic.getSource().getName() + ":"
          + diagnostic.getLineNumber()) + " " + diagnostic.getMessage(Locale.ROOT);
      if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
        errors.add(text);
      } else if (diagnostic.getKind() == Diagnostic.Kind.WARNING
          || diagnostic.getKind() == Diagnostic.Kind.MANDATORY_WARNING) {
        warnings.add(text);
      }
    }
    return new Compilation(success, errors, warnings, output, nanos);
  }

  /**
   * The harness must not see Error Prone, the checks or their dependencies: javac's plugin class loader would
   * find them there first, load them once and keep them JIT-compiled across compilations.
   */
  private static void checkIsolation() {
    for (String name : List.of("com.google.errorprone.ErrorProneJavacPlugin", "dev.rowguard.errorprone.RawSql",
        "com.google.common.collect.ImmutableList", "net.sf.jsqlparser.parser.CCJSqlParserUtil",
        "com.fasterxml.jackson.databind.ObjectMapper", "dev.rowguard.schema.SchemaJson")) {
      try {
        Class.forName(name, false, ClassLoader.getSystemClassLoader());
        throw new IllegalStateException(name + " is on the benchmark's own class path; it must only be on the "
            + "compilations' processor path");
      } catch (ClassNotFoundException expected) {
        // Good.
      }
    }
  }

  /** The classes a path registers for a service, read from META-INF/services without loading them. */
  private static List<String> services(List<Path> path, String service) {
    URL[] urls = path.stream().map(p -> {
      try {
        return p.toUri().toURL();
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException(e);
      }
    }).toArray(URL[]::new);
    List<String> names = new ArrayList<>();
    try (URLClassLoader loader = new URLClassLoader(urls, null)) {
      for (URL url : Collections.list(loader.getResources("META-INF/services/" + service))) {
        try (InputStream in = url.openStream()) {
          new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(l -> l.replaceAll("#.*", "").trim())
              .filter(l -> !l.isEmpty()).map(l -> l.substring(l.lastIndexOf('.') + 1)).forEach(names::add);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return names;
  }


  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }




  private static long countClasses(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.toString().endsWith(".class")).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }


  private record Compilation(boolean success, List<String> errors, List<String> warnings, Path output, long nanos) {}
}
