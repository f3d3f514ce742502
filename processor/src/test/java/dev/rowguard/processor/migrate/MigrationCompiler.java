package dev.rowguard.processor.migrate;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.rowguard.processor.RowguardProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/** Compiles entity versions through the processor with a migrations folder, as the sample build does. */
final class MigrationCompiler {
  static final String SCHEMA = "mig";
  private static final String IMPORTS = "import jakarta.persistence.*; import dev.rowguard.annotations.*; "
      + "import java.util.UUID; import java.time.*; import java.math.BigDecimal;";

  private MigrationCompiler() {}

  /** A source file {@code test.<name>} with the usual imports, so tests show only what matters. */
  static JavaFileObject source(String name, String... lines) {
    String[] source = new String[lines.length + 2];
    source[0] = "package test;";
    source[1] = IMPORTS;
    System.arraycopy(lines, 0, source, 2, lines.length);
    return JavaFileObjects.forSourceLines("test." + name, source);
  }

  static Compilation compile(Path dir, List<JavaFileObject> sources, String... options) {
    return compileIn(SCHEMA, dir, sources, options);
  }

  /** The same, with the entities' tables in the given schema. */
  static Compilation compileIn(String schema, Path dir, List<JavaFileObject> sources, String... options) {
    List<String> all = new ArrayList<>(List.of("-Arowguard.defaultSchema=" + schema, "-Arowguard.jpaCompatibility=false",
        "-Arowguard.migrations.dir=" + dir.toAbsolutePath()));
    all.addAll(List.of(options));
    return javac().withProcessors(new RowguardProcessor()).withOptions(all).compile(sources);
  }

  static String schemaSql(Compilation compilation) {
    try {
      return compilation.generatedFile(StandardLocation.CLASS_OUTPUT, RowguardProcessor.SCHEMA_SQL)
          .orElseThrow(() -> new AssertionError("no schema.sql; " + compilation.diagnostics()))
          .getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String messages(Compilation compilation) {
    StringBuilder text = new StringBuilder();
    compilation.diagnostics().forEach(d -> text.append(d.getKind()).append(": ").append(d.getMessage(null))
        .append('\n'));
    return text.toString();
  }
}
