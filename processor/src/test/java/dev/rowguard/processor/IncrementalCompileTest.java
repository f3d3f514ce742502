package dev.rowguard.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.rowguard.processor.read.BuildIndex;
import dev.rowguard.processor.repository.RepositoryIndex;
import dev.rowguard.schema.SchemaJson;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An IDE's or Gradle's incremental compile: only some files of the store model (package-level {@code @TenantKey},
 * a shared record entity, tenanted entities, repositories) are compiled, into the previous build's output, which is
 * on the class path. The outputs must be exactly those of a full build.
 */
final class IncrementalCompileTest {
  private static final Path STORE = Path.of("src/test/java/dev/rowguard/processor/store");
  private static final List<String> RESOURCES =
      List.of(RowguardProcessor.SCHEMA_SQL, SchemaJson.RESOURCE, BuildIndex.RESOURCE, RepositoryIndex.RESOURCE);

  @TempDir static Path work;
  private static Build full;

  /** The output of one compilation: class output and generated sources. */
  private record Build(Path classes, Path sources, List<Diagnostic<? extends JavaFileObject>> diagnostics) {
    String resource(String path) {
      return read(classes.resolve(path));
    }

    /** Generated sources by path, relative to the generated-sources directory. */
    Map<String, String> generatedSources() {
      Map<String, String> files = new TreeMap<>();
      try (Stream<Path> walk = Files.walk(sources)) {
        walk.filter(Files::isRegularFile).forEach(f -> files.put(sources.relativize(f).toString(), read(f)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return files;
    }

    List<String> messages(Diagnostic.Kind kind) {
      return diagnostics.stream().filter(d -> d.getKind() == kind).map(d -> d.getMessage(Locale.ROOT)).toList();
    }
  }

  @BeforeAll
  static void fullBuild() throws IOException {
    full = compile("full", storeSources(), null, List.of());
    assertWithMessage("full build").that(full.messages(Diagnostic.Kind.ERROR)).isEmpty();
    assertThat(full.generatedSources()).isNotEmpty();
  }

  @Test
  void recompilingEachFileAloneWritesWhatAFullBuildWrites() throws IOException {
    for (Path source : storeSources()) {
      String name = source.getFileName().toString();
      Build partial = compile("alone-" + name, List.of(source), full.classes(), List.of());
      assertWithMessage("errors recompiling %s alone", name).that(partial.messages(Diagnostic.Kind.ERROR)).isEmpty();
      assertWithMessage("warnings recompiling %s alone", name)
          .that(partial.messages(Diagnostic.Kind.WARNING).stream().filter(m -> m.contains("Rowguard")).toList())
          .isEqualTo(rowguardWarningsOf(full, name));
      for (String resource : RESOURCES) {
        assertWithMessage("%s after recompiling %s alone", resource, name)
            .that(partial.resource(resource)).isEqualTo(full.resource(resource));
      }
      partial.generatedSources().forEach((path, text) ->
          assertWithMessage("%s generated when recompiling %s alone", path, name)
              .that(text).isEqualTo(full.generatedSources().get(path)));
    }
  }

  @Test
  void recompilingATenantedEntityAloneSeesThePackagesTenantKeys() throws IOException {
    Build partial = compile("product", List.of(STORE.resolve("Product.java")), full.classes(), List.of());

    assertThat(partial.messages(Diagnostic.Kind.ERROR)).isEmpty();
    assertThat(partial.resource(RowguardProcessor.SCHEMA_SQL)).contains("store_id uuid NOT NULL");
    assertThat(partial.resource(RowguardProcessor.SCHEMA_SQL))
        .isEqualTo(full.resource(RowguardProcessor.SCHEMA_SQL));
  }

  @Test
  void anEntityDeletedSinceTheLastBuildIsDropped() throws IOException {
    List<Path> remaining = storeSources().stream()
        .filter(s -> !s.getFileName().toString().startsWith("StockMovement"))
        .toList();
    Build expected = compile("without-stock-movement", remaining, null, List.of());
    assertThat(expected.resource(RowguardProcessor.SCHEMA_SQL)).doesNotContain("stock_movement");

    Build rest = compile("rest", remaining, withoutStockMovement(full.classes(), "rest"), List.of());
    Build one = compile("one", List.of(STORE.resolve("Review.java")), withoutStockMovement(full.classes(), "one"),
        List.of());

    for (Build partial : List.of(rest, one)) {
      assertThat(partial.messages(Diagnostic.Kind.ERROR)).isEmpty();
      for (String resource : RESOURCES) {
        assertWithMessage(resource).that(partial.resource(resource)).isEqualTo(expected.resource(resource));
      }
    }
  }

  @Test
  void recompilingOnlyAChangedMappedSuperclassRewritesTheTablesOfItsEntities() throws IOException {
    Path v1 = work.resolve("superclass-v1");
    Path base = write(v1, "Base", "@MappedSuperclass public abstract class Base { @Id UUID id; }");
    Path item = write(v1, "Item", "@Entity public class Item extends Base { @Column(nullable = false) String name; }");
    Build first = compile("superclass-first", List.of(base, item), null, List.of());
    Path v2 = work.resolve("superclass-v2");
    List<Path> changed = List.of(
        write(v2, "Base", "@MappedSuperclass public abstract class Base { @Id UUID id; String note; }"),
        write(v2, "Item", "@Entity public class Item extends Base { @Column(nullable = false) String name; }"));
    Build expected = compile("superclass-expected", changed, null, List.of());
    assertThat(expected.resource(RowguardProcessor.SCHEMA_SQL)).contains("note");

    Build partial = compile("superclass-partial", changed.subList(0, 1), first.classes(), List.of());

    assertThat(partial.messages(Diagnostic.Kind.ERROR)).isEmpty();
    for (String resource : RESOURCES) {
      assertWithMessage(resource).that(partial.resource(resource)).isEqualTo(expected.resource(resource));
    }
  }

  @Test
  void aClassRecompiledWithoutEntityIsDropped() throws IOException {
    Path v1 = work.resolve("unentity-v1");
    Path kept = write(v1, "Kept", "@Entity public class Kept { @Id UUID id; }");
    Path gone = write(v1, "Gone", "@Entity public class Gone { @Id UUID id; }");
    Build first = compile("unentity-first", List.of(kept, gone), null, List.of());
    assertThat(first.resource(RowguardProcessor.SCHEMA_SQL)).contains("gone");
    Path plain = write(work.resolve("unentity-v2"), "Gone", "public class Gone { @Id UUID id; }");
    Build expected = compile("unentity-expected", List.of(kept, plain), null, List.of());

    Build partial = compile("unentity-partial", List.of(plain), first.classes(), List.of());

    assertThat(partial.messages(Diagnostic.Kind.ERROR)).isEmpty();
    assertThat(partial.resource(RowguardProcessor.SCHEMA_SQL)).doesNotContain("gone");
    for (String resource : RESOURCES) {
      assertWithMessage(resource).that(partial.resource(resource)).isEqualTo(expected.resource(resource));
    }
  }

  /** A source file {@code test/<name>.java} under {@code root}, with the JPA imports. */
  private static Path write(Path root, String name, String body) throws IOException {
    Path file = Files.createDirectories(root.resolve("test")).resolve(name + ".java");
    Files.writeString(file, "package test;\nimport jakarta.persistence.*;\nimport java.util.UUID;\n" + body + "\n");
    return file;
  }

  @Test
  void anUnreadableIndexIsAWarningAndWritesNothing() throws IOException {
    Path classes = copy(full.classes(), "unreadable");
    Files.writeString(classes.resolve(BuildIndex.RESOURCE), "rowguard-index 99\n");
    Files.writeString(classes.resolve(RowguardProcessor.SCHEMA_SQL), "-- the last complete build's\n");

    Build partial = compile("unreadable-build", List.of(STORE.resolve("Product.java")), classes, List.of());

    assertThat(partial.messages(Diagnostic.Kind.ERROR)).isEmpty();
    assertThat(partial.messages(Diagnostic.Kind.WARNING)).contains("[RowguardIncompleteModel] this compilation sees "
        + "only some of the model's declarations, and the rest could not be read back: the previous build's "
        + BuildIndex.RESOURCE + ", which this version of Rowguard does not write. schema.sql, schema.json and the "
        + "repositories are left as the last complete build wrote them; rebuild the module from clean (mvn clean "
        + "compile, Build > Rebuild Project, gradle clean build)");
    assertThat(partial.resource(RowguardProcessor.SCHEMA_SQL)).isEqualTo("-- the last complete build's\n");
  }

  @Test
  void classFilesOutsideTheClassPathAreAWarningNotADeletion() throws IOException {
    // The class output holds StockMovement.class, but the class path the compiler reads has no StockMovement.
    Path classes = copy(full.classes(), "output-only");
    Path classPath = withoutStockMovement(full.classes(), "class-path-only");
    Files.delete(classes.resolve(RowguardProcessor.SCHEMA_SQL));

    Build partial = compile("output-only-build", List.of(STORE.resolve("Product.java")), classes, List.of(classPath));

    assertThat(partial.messages(Diagnostic.Kind.WARNING)).contains("[RowguardIncompleteModel] this compilation sees "
        + "only some of the model's declarations, and the rest could not be read back: the class files of "
        + "dev.rowguard.processor.store.StockMovement are in the class output but not on the class path; put the "
        + "output directory on the class path. schema.sql, schema.json and the repositories are left as the last "
        + "complete build wrote them; rebuild the module from clean (mvn clean compile, Build > Rebuild Project, "
        + "gradle clean build)");
    assertThat(Files.exists(classes.resolve(RowguardProcessor.SCHEMA_SQL))).isFalse();
  }

  /** The Rowguard warnings a full build printed on {@code file}: a partial build prints them again, no others. */
  private static List<String> rowguardWarningsOf(Build build, String file) {
    return build.diagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.WARNING && d.getSource() != null
            && Path.of(d.getSource().toUri()).getFileName().toString().equals(file))
        .map(d -> d.getMessage(Locale.ROOT))
        .filter(m -> m.contains("Rowguard"))
        .toList();
  }

  private static Path withoutStockMovement(Path classes, String name) throws IOException {
    Path copy = copy(classes, name);
    try (Stream<Path> files = Files.list(copy.resolve("dev/rowguard/processor/store"))) {
      for (Path file : files.filter(f -> f.getFileName().toString().startsWith("StockMovement")).toList()) {
        Files.delete(file);
      }
    }
    return copy;
  }

  private static Path copy(Path from, String name) throws IOException {
    Path to = work.resolve(name).resolve("classes");
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path file : walk.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
    return to;
  }

  /**
   * Compiles {@code sources} with the processor, as javac in a build tool does.
   *
   * @param previous the previous build's output, compiled into (a copy of it) and put on the class path; null for
   *     a clean build
   */
  private static Build compile(String name, List<Path> sources, Path previous, List<Path> extraClassPath)
      throws IOException {
    Path classes = previous == null
        ? Files.createDirectories(work.resolve(name).resolve("classes"))
        : previous.startsWith(work.resolve(name)) ? previous : copy(previous, name);
    Path generated = Files.createDirectories(work.resolve(name).resolve("generated"));
    List<File> classPath = new ArrayList<>();
    for (Path extra : extraClassPath) {
      classPath.add(extra.toFile());
    }
    if (previous != null && extraClassPath.isEmpty()) {
      classPath.add(classes.toFile());
    }
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!entry.endsWith("test-classes")) { // The store model's own classes, compiled by this build.
        classPath.add(new File(entry));
      }
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      files.setLocation(StandardLocation.CLASS_OUTPUT, List.of(classes.toFile()));
      files.setLocation(StandardLocation.SOURCE_OUTPUT, List.of(generated.toFile()));
      files.setLocation(StandardLocation.CLASS_PATH, classPath);
      JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics, List.of("-implicit:none"), null,
          files.getJavaFileObjectsFromPaths(sources));
      task.setProcessors(List.of(new RowguardProcessor()));
      task.call();
    }
    return new Build(classes, generated, diagnostics.getDiagnostics());
  }

  private static List<Path> storeSources() throws IOException {
    try (Stream<Path> files = Files.list(STORE)) {
      return files.filter(f -> f.toString().endsWith(".java"))
          .filter(f -> !f.getFileName().toString().endsWith("Test.java"))
          .filter(f -> !f.getFileName().toString().equals("StoreDatabase.java"))
          .sorted()
          .toList();
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
