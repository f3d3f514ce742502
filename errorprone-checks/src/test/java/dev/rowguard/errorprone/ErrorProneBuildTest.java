package dev.rowguard.errorprone;

import static com.google.common.truth.Truth.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles a small module the way a build does, with {@code -Xplugin:ErrorProne} and the checks found on the
 * processor path through their service registration, and proves that raw SQL fails the build.
 */
final class ErrorProneBuildTest {
  @TempDir Path directory;

  @Test
  void aModuleWithRawSqlFailsToBuild() throws IOException {
    Result result = compile(
        "package com.example;",
        "class Report {",
        "  int count(java.sql.Statement statement) throws java.sql.SQLException {",
        "    return statement.executeQuery(\"SELECT count(*) FROM app.country\").getRow();",
        "  }",
        "}");

    assertThat(result.succeeded).isFalse();
    assertThat(result.errors)
        .containsExactly("[RawSql] Raw SQL handed to Statement.executeQuery outside sanctioned code; use a"
            + " Rowguard repository or an @SqlQuery method, or annotate the method or class with"
            + " @AllowRawSql(\"<why>\")");
  }

  @Test
  void theSchemaWrittenByTheProcessorInTheSameCompilationIsChecked() throws IOException {
    Result result = compile(
        "package com.example;",
        "@dev.rowguard.annotations.AllowRawSql(\"billing export\")",
        "class Export {",
        "  void run(java.sql.Statement statement) throws java.sql.SQLException {",
        "    statement.executeQuery(\"SELECT * FROM billing.invoice WHERE tenant_id = ?\");",
        "    statement.executeQuery(\"SELECT * FROM billing.invoice\");",
        "  }",
        "}");

    assertThat(result.succeeded).isFalse();
    assertThat(result.errors).hasSize(1);
    assertThat(result.errors.get(0))
        .startsWith("[UnfilteredTenantQuery] SELECT on tenanted table billing.invoice does not restrict tenant key");
  }

  private Result compile(String... lines) throws IOException {
    Path source = directory.resolve("src/com/example/Source.java");
    Files.createDirectories(source.getParent());
    Files.write(source, List.of(lines), StandardCharsets.UTF_8);
    Path classes = Files.createDirectories(directory.resolve("classes"));

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    String classpath = System.getProperty("java.class.path");
    List<String> options = List.of(
        "-d", classes.toString(),
        "-classpath", classpath,
        "-processorpath", classpath,
        "-processor", SchemaWritingProcessor.class.getName(),
        "-XDcompilePolicy=simple",
        "--should-stop=ifError=FLOW",
        "-Xplugin:ErrorProne -XepDisableAllChecks -Xep:RawSql:ERROR -Xep:SqlConcatenation:ERROR"
            + " -Xep:UnfilteredTenantQuery:ERROR -Xep:ReservedColumnName:ERROR");
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
      boolean succeeded = javac.getTask(
              new StringWriter(), files, diagnostics, options, null, files.getJavaFileObjects(source))
          .call();
      List<String> errors = new ArrayList<>();
      for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
        if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
          errors.add(diagnostic.getMessage(null).lines().findFirst().orElse(""));
        }
      }
      return new Result(succeeded, errors);
    }
  }

  private record Result(boolean succeeded, List<String> errors) {}
}
