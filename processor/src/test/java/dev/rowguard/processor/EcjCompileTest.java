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
    List<Path> sources;
    try (Stream<Path> files = Files.list(Path.of("src/test/java/dev/rowguard/processor/store"))) {
      sources = files.filter(f -> f.toString().endsWith(".java"))
          .filter(f -> !f.getFileName().toString().endsWith("Test.java"))
          .filter(f -> !f.getFileName().toString().equals("StoreDatabase.java"))
          .sorted()
          .toList();
    }
    assertSameResources("store", sources);
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
          List.of("-source", "17", "-target", "17", "-encoding", "UTF-8"), null,
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
    return classes;
  }
}
