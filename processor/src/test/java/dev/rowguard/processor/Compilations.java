package dev.rowguard.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.rowguard.processor.repository.RepositoryIndex;
import dev.rowguard.schema.SchemaJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/** Compiles entity sources through the processor, as a build would. */
final class Compilations {
  static final Path FIXTURES = Path.of("src/test/resources/fixtures");

  private Compilations() {}

  static Compilation compile(List<JavaFileObject> sources, String... options) {
    return javac().withProcessors(new RowguardProcessor()).withOptions((Object[]) options).compile(sources);
  }

  private static final String IMPORTS = "import jakarta.persistence.*; import dev.rowguard.annotations.*; "
      + "import java.util.UUID; import java.time.*; import java.math.BigDecimal; import java.util.*; "
      + "import jakarta.data.repository.*; import jakarta.data.page.*; import jakarta.data.Sort; "
      + "import jakarta.data.Order;";

  /** A source file {@code test.<name>} with the usual imports, so tests show only what matters. */
  static JavaFileObject source(String name, String... lines) {
    String[] source = new String[lines.length + 2];
    source[0] = "package test;";
    source[1] = IMPORTS;
    System.arraycopy(lines, 0, source, 2, lines.length);
    return JavaFileObjects.forSourceLines("test." + name, source);
  }

  static Compilation compile(JavaFileObject... sources) {
    return compile(List.of(sources));
  }

  /** Every {@code .java} file under a fixture's {@code input/} directory. */
  static List<JavaFileObject> fixture(String name) {
    Path root = FIXTURES.resolve(name).resolve("input");
    try (Stream<Path> files = Files.walk(root)) {
      List<JavaFileObject> sources = new ArrayList<>();
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        sources.add(JavaFileObjects.forResource(file.toUri().toURL()));
      }
      return sources;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The store model of the tests' own sources, which every repository method shape uses. */
  static List<JavaFileObject> storeModel() {
    try (Stream<Path> files = Files.list(Path.of("src/test/java/dev/rowguard/processor/store"))) {
      List<JavaFileObject> sources = new ArrayList<>();
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        if (!file.getFileName().toString().endsWith("Test.java")
            && !file.getFileName().toString().equals("StoreDatabase.java")) {
          sources.add(JavaFileObjects.forResource(file.toUri().toURL()));
        }
      }
      return sources;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A generated Java source, by qualified class name. */
  static String generatedSource(Compilation compilation, String className) {
    try {
      return compilation.generatedSourceFile(className)
          .orElseThrow(() -> new AssertionError(className + " was not generated; " + compilation.diagnostics()))
          .getCharContent(true)
          .toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String schemaSql(Compilation compilation) {
    return resource(compilation, RowguardProcessor.SCHEMA_SQL);
  }

  static String repositoryIndex(Compilation compilation) {
    return resource(compilation, RepositoryIndex.RESOURCE);
  }

  static String schemaJson(Compilation compilation) {
    return resource(compilation, SchemaJson.RESOURCE);
  }

  private static String resource(Compilation compilation, String path) {
    try {
      return compilation.generatedFile(StandardLocation.CLASS_OUTPUT, path)
          .orElseThrow(() -> new AssertionError(path + " was not generated; diagnostics: " + compilation.diagnostics()))
          .getCharContent(true)
          .toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
