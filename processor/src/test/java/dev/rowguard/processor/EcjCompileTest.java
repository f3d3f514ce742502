package dev.rowguard.processor;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.rowguard.processor.read.BuildIndex;
import dev.rowguard.schema.SchemaJson;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.eclipse.jdt.internal.compiler.tool.EclipseCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Eclipse compiler, as in an Eclipse IDE build, runs the processor on the fixture models as javac does. */
final class EcjCompileTest {
  private static final List<String> RESOURCES =
      List.of(RowguardProcessor.SCHEMA_SQL, SchemaJson.RESOURCE, BuildIndex.RESOURCE);

  @TempDir Path work;

  @Test
  void theStoreModelsResourcesAreThoseJavacWrites() throws IOException {
    assertSameResources("store", storeSources());
  }

  /**
   * The repositories ECJ generates are javac's, byte for byte (Jakarta Data's inherited methods are named and
   * ordered by the processor, not by what each compiler reads from jakarta.data-api's class files), and ECJ, with
   * its default options, warns about nothing in them.
   */
  @Test
  void theStoreModelsRepositoriesAreThoseJavacGeneratesAndCompileWithoutWarnings() throws IOException {
    List<Path> sources = storeSources();
    Path javacRoot = work.resolve("store-javac");
    Path ecjRoot = work.resolve("store-ecj");
    List<String> javacWarnings =
        compile(ToolProvider.getSystemJavaCompiler(), javacRoot, sources, javacRoot.resolve("generated"));
    assertWithMessage("javac's -Xlint:all warnings in generated sources").that(javacWarnings).isEmpty();
    List<String> warnings = compile(new EclipseCompiler(), ecjRoot, sources, ecjRoot.resolve("generated"));
    assertWithMessage("ECJ's warnings in generated sources").that(warnings).isEmpty();
    List<Path> generated = generatedSources(javacRoot.resolve("generated"));
    assertWithMessage("repositories javac generates").that(generated).isNotEmpty();
    assertWithMessage("sources ECJ generates")
        .that(generatedSources(ecjRoot.resolve("generated"))).containsExactlyElementsIn(generated);
    for (Path source : generated) {
      assertWithMessage("%s under ECJ", source)
          .that(Files.readString(ecjRoot.resolve("generated").resolve(source)))
          .isEqualTo(Files.readString(javacRoot.resolve("generated").resolve(source)));
    }
  }

  /** The store model: its entities and repositories, without the tests and their database helper. */
  private static List<Path> storeSources() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("src/test/java/dev/rowguard/processor/store"))) {
      return files.filter(f -> f.toString().endsWith(".java"))
          .filter(f -> !f.getFileName().toString().endsWith("Test.java"))
          .filter(f -> !f.getFileName().toString().equals("StoreDatabase.java"))
          .sorted()
          .toList();
    }
  }

  /** javac's lint, all of it, when warnings are looked at; ECJ's warnings are its defaults. */
  private static List<String> options(JavaCompiler compiler, boolean lint) {
    List<String> options = new ArrayList<>(List.of("-source", "17", "-target", "17", "-encoding", "UTF-8"));
    if (lint && !(compiler instanceof EclipseCompiler)) {
      options.add("-Xlint:all,-processing");
    }
    return options;
  }

  /** The generated sources, relative to the source output. */
  private static List<Path> generatedSources(Path generated) throws IOException {
    try (Stream<Path> files = Files.walk(generated)) {
      return files.filter(f -> f.toString().endsWith(".java")).map(generated::relativize).sorted().toList();
    }
  }

  @Test
  void theFixturesResourcesAreThoseJavacWrites() throws IOException {
    for (String fixture : List.of("catalog", "tenancy")) {
      try (Stream<Path> files = Files.walk(Compilations.FIXTURES.resolve(fixture).resolve("input"))) {
        assertSameResources(fixture, files.filter(f -> f.toString().endsWith(".java")).sorted().toList());
      }
    }
  }

  private void assertSameResources(String name, List<Path> sources) throws IOException {
    Path javac = compile(ToolProvider.getSystemJavaCompiler(), work.resolve(name + "-javac"), sources);
    Path ecj = compile(new EclipseCompiler(), work.resolve(name + "-ecj"), sources);
    for (String resource : RESOURCES) {
      assertWithMessage("%s of %s under ECJ", resource, name)
          .that(Files.readString(ecj.resolve(resource))).isEqualTo(Files.readString(javac.resolve(resource)));
    }
  }

  /** Compiles with the processor; returns the class output. */
  private static Path compile(JavaCompiler compiler, Path root, List<Path> sources) throws IOException {
    compile(compiler, root, sources, null);
    return root.resolve("classes");
  }

  /** Compiles with the processor; returns the warnings in sources under {@code warned} (none when null). */
  private static List<String> compile(JavaCompiler compiler, Path root, List<Path> sources, Path warned)
      throws IOException {
    Path classes = Files.createDirectories(root.resolve("classes"));
    Path generated = Files.createDirectories(root.resolve("generated"));
    List<File> classPath = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!entry.endsWith("test-classes")) { // The store model's own classes, compiled by this build.
        classPath.add(new File(entry));
      }
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      files.setLocation(StandardLocation.CLASS_OUTPUT, List.of(classes.toFile()));
      files.setLocation(StandardLocation.SOURCE_OUTPUT, List.of(generated.toFile()));
      files.setLocation(StandardLocation.CLASS_PATH, classPath);
      JavaCompiler.CompilationTask task = compiler.getTask(new StringWriter(), files, diagnostics,
          options(compiler, warned != null), null,
          files.getJavaFileObjectsFromPaths(sources));
      task.setProcessors(List.of(new RowguardProcessor()));
      task.call();
    }
    assertWithMessage("errors of %s", compiler.getClass().getSimpleName())
        .that(diagnostics.getDiagnostics().stream()
            .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
            .map(d -> d.getMessage(Locale.ROOT))
            .toList())
        .isEmpty();
    if (warned == null) {
      return List.of();
    }
    String prefix = warned.toAbsolutePath().normalize().toString();
    return diagnostics.getDiagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.WARNING || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING)
        .filter(d -> d.getSource() != null && Path.of(d.getSource().toUri()).toAbsolutePath().normalize().toString()
            .startsWith(prefix))
        .map(d -> d.getSource().getName() + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
        .toList();
  }
}
