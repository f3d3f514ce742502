package dev.rowguard.benchmarks;

import static dev.rowguard.benchmarks.Harness.delete;
import static dev.rowguard.benchmarks.Harness.jars;
import static dev.rowguard.benchmarks.Harness.join;
import static dev.rowguard.benchmarks.Harness.printRatio;
import static dev.rowguard.benchmarks.Harness.times;
import static dev.rowguard.benchmarks.Harness.ratios;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * javac time for generated entity models, in four configurations on the same sources: no processors
 * ({@code -proc:none}); a processor for {@code @Entity} that does nothing (javac's own cost of running any
 * processor: at least two more rounds of entering every class); Rowguard's processor only; Hibernate's processor
 * only.
 *
 * <p>Each compilation runs the in-process {@link JavaCompiler} with a fresh file manager, sources on disk and a
 * fresh output directory; the processor under test is the only one on {@code --processor-path}, so javac loads
 * it in a new class loader for every compilation, as a build does. After warm-up rounds, every measured round
 * compiles every size in every configuration, in an order that rotates from round to round, so that noise from
 * other work on the machine falls on all configurations alike. A plain harness rather than JMH because JMH runs
 * one parameter combination after the other and cannot interleave them.
 *
 * <p>Usage: {@code java -jar benchmarks/target/benchmarks.jar [--sizes=100,500] [--warmup=3] [--rounds=12]
 * [--configs=plain,noop,rowguard,hibernate] [--lib=benchmarks/target/benchmark-lib] [--keep]}
 */
public final class CompileBenchmark {
  enum Config {
    PLAIN("plain"),
    /** A processor for {@code @Entity} that does nothing: what javac itself spends on running any processor. */
    NOOP("noop"),
    ROWGUARD("rowguard"),
    /**
     * Rowguard with {@code -Arowguard.migrations.dir} naming a committed history of {@link #HISTORY} versions that
     * matches the model: the drift check reads the last snapshot, diffs it against the model and checks every
     * file's checksum, and finds nothing to report.
     */
    DRIFT("drift"),
    HIBERNATE("hibernate");

    final String label;

    Config(String label) {
      this.label = label;
    }

    static Config of(String label) {
      return Arrays.stream(values()).filter(c -> c.label.equals(label)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("unknown configuration: " + label));
    }
  }

  /** The versions in the drift configuration's migration history. */
  static final int HISTORY = 50;

  private static final String ROWGUARD_PROCESSOR = "dev.rowguard.processor.RowguardProcessor";
  private static final String HIBERNATE_PROCESSOR = "org.hibernate.processor.HibernateProcessor";
  private static final String NOOP_PROCESSOR = "dev.rowguard.benchmarks.noop.NoopProcessor";

  private final List<Path> classpath;
  private final Map<Config, List<Path>> processorPath = new EnumMap<>(Config.class);
  private final Path work;

  private CompileBenchmark(Path lib, Path work) {
    this.classpath = jars(lib.resolve("classpath"));
    this.processorPath.put(Config.ROWGUARD, jars(lib.resolve("rowguard")));
    this.processorPath.put(Config.DRIFT, jars(lib.resolve("rowguard")));
    this.processorPath.put(Config.HIBERNATE, jars(lib.resolve("hibernate")));
    this.work = work;
    this.processorPath.put(Config.NOOP, List.of(noopProcessor(work.resolve("noop-processor"))));
  }

  /** Compiles the do-nothing processor into {@code directory}, with its service entry. */
  private static Path noopProcessor(Path directory) {
    String source = """
        package dev.rowguard.benchmarks.noop;

        import java.util.Set;
        import javax.annotation.processing.AbstractProcessor;
        import javax.annotation.processing.RoundEnvironment;
        import javax.annotation.processing.SupportedAnnotationTypes;
        import javax.lang.model.SourceVersion;
        import javax.lang.model.element.TypeElement;

        @SupportedAnnotationTypes("jakarta.persistence.Entity")
        public final class NoopProcessor extends AbstractProcessor {
          @Override
          public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
          }

          @Override
          public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            return false;
          }
        }
        """;
    try {
      Path file = directory.resolve("src/dev/rowguard/benchmarks/noop/NoopProcessor.java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, source);
      Path classes = directory.resolve("classes");
      Path service = classes.resolve("META-INF/services/" + Processor.class.getName());
      Files.createDirectories(service.getParent());
      Files.writeString(service, NOOP_PROCESSOR + "\n");
      int status = ToolProvider.getSystemJavaCompiler()
          .run(null, null, null, "-proc:none", "--release", "17", "-d", classes.toString(), file.toString());
      if (status != 0) {
        throw new IllegalStateException("could not compile the no-op processor");
      }
      return classes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void main(String[] args) throws Exception {
    // `java -jar benchmarks.jar errorprone …`, `… rls …` and `… repository …` run the other benchmarks.
    if (args.length > 0 && args[0].equals("errorprone")) {
      ErrorProneBenchmark.main(Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    if (args.length > 0 && args[0].equals("rls")) {
      dev.rowguard.benchmarks.rls.RlsBenchmark.main(Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    if (args.length > 0 && args[0].equals("repository")) {
      dev.rowguard.benchmarks.repository.RepositoryBenchmark.main(Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    Map<String, String> options = new LinkedHashMap<>();
    for (String arg : args) {
      if (!arg.startsWith("--")) {
        continue; // e.g. a JMH-style benchmark name; there is only one benchmark here.
      }
      String[] parts = arg.substring(2).split("=", 2);
      options.put(parts[0], parts.length > 1 ? parts[1] : "true");
    }
    List<Integer> sizes = Arrays.stream(options.getOrDefault("sizes", "100,500").split(","))
        .map(String::trim).map(Integer::valueOf).toList();
    List<Config> configs = Arrays.stream(options.getOrDefault("configs", "plain,noop,rowguard,hibernate").split(","))
        .map(String::trim).map(Config::of).toList();
    int warmup = Integer.parseInt(options.getOrDefault("warmup", "3"));
    int rounds = Integer.parseInt(options.getOrDefault("rounds", "12"));
    Path lib = options.containsKey("lib") ? Path.of(options.get("lib")) : defaultLib();

    checkIsolation();
    Path work = Files.createTempDirectory("rowguard-compile-bench");
    CompileBenchmark benchmark = new CompileBenchmark(lib, work);
    try {
      benchmark.run(sizes, configs, warmup, rounds);
    } finally {
      if (!options.containsKey("keep")) {
        delete(work);
      } else {
        System.out.println("sources and outputs kept in " + work);
      }
    }
  }

  private void run(List<Integer> sizes, List<Config> configs, int warmup, int rounds) {
    System.out.printf(Locale.ROOT, "JDK %s (%s), %d available processors, max heap %d MB%n",
        System.getProperty("java.version"), System.getProperty("java.vm.name"),
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
    for (Config config : configs) {
      if (config != Config.PLAIN) {
        System.out.printf("%-9s processor path: %s%n", config.label, processorPath.get(config).stream()
            .map(p -> p.getFileName().toString()).collect(Collectors.joining(" ")));
        System.out.printf("%-9s processors found there: %s%n", config.label, processorsOn(processorPath.get(config)));
      }
    }
    System.out.println("compile classpath: " + classpath.stream()
        .map(p -> p.getFileName().toString()).collect(Collectors.joining(" ")));

    Map<Integer, List<Path>> sources = new LinkedHashMap<>();
    boolean drift = configs.contains(Config.DRIFT);
    for (int size : sizes) {
      // With a history, every configuration compiles its last version: one added column per version after V1.
      List<Path> files = EntityModelGenerator.generate(work.resolve("src-" + size), size, drift ? HISTORY - 1 : 0);
      if (drift) {
        writeHistory(size);
      }
      sources.put(size, files);
      long lines = files.stream().mapToLong(CompileBenchmark::lineCount).sum();
      long fields = files.stream().mapToLong(CompileBenchmark::fieldCount).sum();
      System.out.printf(Locale.ROOT, "model of %d entities: %d lines, %d persistent fields (%.1f per entity)%n",
          size, lines, fields, (double) fields / size);
    }

    // Every configuration must compile every model cleanly and produce what it is there for.
    for (int size : sizes) {
      for (Config config : configs) {
        Compilation compilation = compile(config, sources.get(size));
        verify(config, size, compilation);
        System.out.printf(Locale.ROOT, "verified %-9s %3d entities: %s (%d ms, %d warnings)%n", config.label, size,
            compilation.summary, compilation.nanos / 1_000_000, compilation.warnings.size());
        compilation.warnings.stream().limit(3).forEach(w -> System.out.println("    warning: " + w));
        delete(compilation.output);
      }
    }

    Map<Integer, Map<Config, List<Long>>> times = new LinkedHashMap<>();
    sizes.forEach(size -> times.put(size, new EnumMap<>(Config.class)));
    for (int round = -warmup; round < rounds; round++) {
      boolean measured = round >= 0;
      List<Integer> sizeOrder = new ArrayList<>(sizes);
      if (Math.floorMod(round, 2) == 1) {
        java.util.Collections.reverse(sizeOrder);
      }
      StringBuilder line = new StringBuilder(measured ? "round " + (round + 1) : "warm-up " + (round + warmup + 1));
      for (int size : sizeOrder) {
        for (int i = 0; i < configs.size(); i++) {
          Config config = configs.get(Math.floorMod(round + i, configs.size()));
          Compilation compilation = compile(config, sources.get(size));
          if (!compilation.success) {
            throw new IllegalStateException(config.label + " failed: " + compilation.errors);
          }
          delete(compilation.output);
          long ms = compilation.nanos / 1_000_000;
          line.append(String.format(Locale.ROOT, "  %s/%d=%d", config.label, size, ms));
          if (measured) {
            times.get(size).computeIfAbsent(config, c -> new ArrayList<>()).add(compilation.nanos);
          }
        }
      }
      System.out.println(line);
    }
    report(times, configs, rounds);
  }

  /** The folder of the drift configuration's history for a model of {@code size} entities. */
  private Path historyOf(int size) {
    return work.resolve("history-" + size);
  }

  /**
   * Generates the committed history the drift configuration checks: version {@code v} of the model compiled with
   * {@code -Arowguard.migrations.generate}, for {@code v} = 1 … {@link #HISTORY}, each adding one column.
   */
  private void writeHistory(int size) {
    long start = System.nanoTime();
    for (int version = 1; version <= HISTORY; version++) {
      Path src = work.resolve("history-src-" + size);
      delete(src);
      List<Path> files = EntityModelGenerator.generate(src, size, version - 1);
      Compilation compilation = compile(Config.DRIFT, files, "-Arowguard.migrations.generate=step " + version);
      delete(compilation.output);
      if (!compilation.success) {
        throw new IllegalStateException("generating V" + version + " failed: " + compilation.errors);
      }
    }
    long migrations = countFiles(historyOf(size), p -> p.getFileName().toString().matches("V\\d+__.*\\.sql"));
    if (migrations != HISTORY) {
      throw new IllegalStateException("expected " + HISTORY + " migrations in " + historyOf(size) + ", found "
          + migrations);
    }
    System.out.printf(Locale.ROOT, "history of %d entities: %d migrations generated in %.0f s%n", size, migrations,
        (System.nanoTime() - start) / 1e9);
  }

  private static void report(Map<Integer, Map<Config, List<Long>>> times, List<Config> configs, int rounds) {
    System.out.printf("%nResults over %d interleaved rounds (ms: median [min–max], IQR = interquartile range; "
        + "ratios: of the medians, and median [min–max] of the per-round ratios)%n", rounds);
    System.out.println("| entities | configuration | median ms | min–max ms | IQR ms | ratio to plain | per-round "
        + "ratio to plain | ratio to noop | per-round ratio to noop |");
    System.out.println("|---:|---|---:|---:|---:|---:|---:|---:|---:|");
    for (Map.Entry<Integer, Map<Config, List<Long>>> bySize : times.entrySet()) {
      Map<Config, List<Long>> byConfig = bySize.getValue();
      for (Config config : configs) {
        List<Long> values = byConfig.get(config);
        System.out.printf(Locale.ROOT, "| %d | %s | %s | %s | %s |%n", bySize.getKey(), config.label, times(values),
            ratios(values, config == Config.PLAIN ? null : byConfig.get(Config.PLAIN), 2),
            ratios(values, config == Config.PLAIN || config == Config.NOOP ? null : byConfig.get(Config.NOOP), 2));
      }
    }
    System.out.println();
    for (Map.Entry<Integer, Map<Config, List<Long>>> bySize : times.entrySet()) {
      Map<Config, List<Long>> byConfig = bySize.getValue();
      int size = bySize.getKey();
      printRatio("rowguard/noop:" + size, byConfig.get(Config.ROWGUARD), byConfig.get(Config.NOOP));
      printRatio("rowguard/plain:" + size, byConfig.get(Config.ROWGUARD), byConfig.get(Config.PLAIN));
      printRatio("hibernate/plain:" + size, byConfig.get(Config.HIBERNATE), byConfig.get(Config.PLAIN));
      printRatio("drift/rowguard:" + size, byConfig.get(Config.DRIFT), byConfig.get(Config.ROWGUARD));
    }
  }


  private Compilation compile(Config config, List<Path> sources, String... extraOptions) {
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
    if (config == Config.PLAIN) {
      options.add("-proc:none");
    } else {
      options.add("--processor-path");
      options.add(join(processorPath.get(config)));
    }
    if (config == Config.DRIFT) {
      int size = sources.size(); // one file per entity
      options.add("-Arowguard.migrations.dir=" + historyOf(size).toAbsolutePath());
    }
    options.addAll(List.of(extraOptions));
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
      String text = diagnostic.getKind() + " " + (diagnostic.getSource() == null ? ""
          : diagnostic.getSource().getName() + ":" + diagnostic.getLineNumber() + " ")
          + diagnostic.getMessage(Locale.ROOT);
      if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
        errors.add(text);
      } else if (diagnostic.getKind() == Diagnostic.Kind.WARNING
          || diagnostic.getKind() == Diagnostic.Kind.MANDATORY_WARNING) {
        warnings.add(text);
      }
    }
    return new Compilation(success, errors, warnings, output, nanos, "");
  }

  /** Fails unless the compilation succeeded and wrote what its configuration is for, and nothing else. */
  private static void verify(Config config, int size, Compilation compilation) {
    if (!compilation.success || !compilation.errors.isEmpty()) {
      throw new IllegalStateException(config.label + " could not compile " + size + " entities:\n"
          + String.join("\n", compilation.errors.subList(0, Math.min(20, compilation.errors.size()))));
    }
    Path schemaSql = compilation.output.resolve("META-INF/rowguard/schema.sql");
    Path schemaJson = compilation.output.resolve("META-INF/rowguard/schema.json");
    long metamodels = countFiles(compilation.output, p -> p.getFileName().toString().endsWith("_.class"));
    long classes = countFiles(compilation.output, p -> p.getFileName().toString().endsWith(".class"));
    boolean hasSchema = Files.exists(schemaSql);
    String problem = null;
    String summary;
    switch (config) {
      case PLAIN, NOOP -> {
        summary = classes + " classes";
        if (hasSchema || metamodels > 0) {
          problem = "a processor ran";
        }
      }
      case ROWGUARD, DRIFT -> {
        long tables = hasSchema ? readString(schemaSql).lines().filter(l -> l.startsWith("CREATE TABLE ")).count() : 0;
        long indexes = hasSchema ? readString(schemaSql).lines().filter(l -> l.startsWith("CREATE INDEX ")).count() : 0;
        summary = classes + " classes, schema.sql with " + tables + " CREATE TABLE and " + indexes + " CREATE INDEX ("
            + fileSize(schemaSql) / 1024 + " KiB), schema.json (" + fileSize(schemaJson) / 1024 + " KiB)";
        if (tables != size || !Files.exists(schemaJson)) {
          problem = "expected schema.sql with " + size + " tables and schema.json";
        } else if (metamodels > 0) {
          problem = "Hibernate's processor ran";
        }
      }
      case HIBERNATE -> {
        summary = classes + " classes, of which " + metamodels + " static metamodel classes (Entity_)";
        if (metamodels != size) {
          problem = "expected " + size + " metamodel classes";
        } else if (hasSchema) {
          problem = "Rowguard's processor ran";
        }
      }
      default -> throw new AssertionError(config);
    }
    if (problem != null) {
      throw new IllegalStateException(config.label + ", " + size + " entities: " + problem + "; got " + summary);
    }
    compilation.summary = summary;
  }

  /** The harness must not see the processors: javac's processor class loader would find them there first. */
  private static void checkIsolation() {
    for (String name : List.of(ROWGUARD_PROCESSOR, HIBERNATE_PROCESSOR, "jakarta.persistence.Entity")) {
      try {
        Class.forName(name, false, ClassLoader.getSystemClassLoader());
        throw new IllegalStateException(name + " is on the benchmark's own class path; it must only be on the "
            + "compilations' class and processor paths");
      } catch (ClassNotFoundException expected) {
        // Good.
      }
    }
  }

  private static String processorsOn(List<Path> path) {
    URL[] urls = path.stream().map(p -> {
      try {
        return p.toUri().toURL();
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException(e);
      }
    }).toArray(URL[]::new);
    try (URLClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
      List<String> names = ServiceLoader.load(Processor.class, loader).stream()
          .map(p -> p.type().getName()).toList();
      if (names.size() != 1) {
        throw new IllegalStateException("expected exactly one processor on " + path + ", found " + names);
      }
      return names.get(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Where the build copies the libraries the benchmarks keep off their own class path (see the pom). */
  public static Path defaultLib() throws URISyntaxException {
    Path jar = Path.of(CompileBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    // benchmarks/target/benchmarks.jar or benchmarks/target/classes: the libraries are in target/benchmark-lib.
    return jar.getParent().resolve("benchmark-lib");
  }





  private static long lineCount(Path file) {
    return readString(file).lines().count();
  }

  private static long fieldCount(Path file) {
    return readString(file).lines().filter(l -> l.startsWith("  private ")).count();
  }

  private static String readString(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long fileSize(Path file) {
    try {
      return Files.exists(file) ? Files.size(file) : 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long countFiles(Path root, java.util.function.Predicate<Path> filter) {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).filter(filter).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }


  private static final class Compilation {
    final boolean success;
    final List<String> errors;
    final List<String> warnings;
    final Path output;
    final long nanos;
    String summary;

    Compilation(boolean success, List<String> errors, List<String> warnings, Path output, long nanos, String summary) {
      this.success = success;
      this.errors = errors;
      this.warnings = warnings;
      this.output = output;
      this.nanos = nanos;
      this.summary = summary;
    }
  }
}
