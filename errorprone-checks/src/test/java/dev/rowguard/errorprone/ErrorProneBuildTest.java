package dev.rowguard.errorprone;

import static com.google.common.truth.Truth.assertThat;

import java.io.File;
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
  void aCallThatIsRawAndConcatenatedIsOneFindingOnTheCallsLine() throws IOException {
    Result result = compile(
        "package com.example;",
        "class Report {",
        "  void run(java.sql.Statement statement, String name) throws java.sql.SQLException {",
        "    statement.executeQuery(\"SELECT * FROM app.country WHERE name = '\"",
        "        + name + \"'\");",
        "  }",
        "}");

    assertThat(result.errors)
        .containsExactly("[SqlConcatenation] SQL handed to Statement.executeQuery is built with +: `name` is spliced"
            + " in as a value; pass it as a bind parameter instead (`?` or `:name` in constant SQL, the value as an"
            + " argument). It is also raw SQL outside sanctioned code (RawSql): use a Rowguard repository or an"
            + " @SqlQuery method, or annotate the method or class with @AllowRawSql(\"<why>\")");
    assertThat(result.errorLines).containsExactly(4L);
  }

  @Test
  void withSqlConcatenationOffRawSqlStillReportsTheCall() throws IOException {
    Result result = compileWith(" -Xep:SqlConcatenation:OFF",
        "package com.example;",
        "class Report {",
        "  void run(java.sql.Statement statement, String name) throws java.sql.SQLException {",
        "    statement.executeQuery(\"SELECT * FROM app.country WHERE name = '\" + name + \"'\");",
        "  }",
        "}");

    assertThat(result.errors).containsExactly("[RawSql] Raw SQL handed to Statement.executeQuery outside sanctioned"
        + " code; use a Rowguard repository or an @SqlQuery method, or annotate the method or class with"
        + " @AllowRawSql(\"<why>\")");
  }

  @Test
  void theSchemaWrittenByTheProcessorInTheSameCompilationIsChecked() throws IOException {
    Result result = compile(
        "package com.example;",
        "@dev.rowguard.annotations.AllowRawSql(\"billing export\")",
        "class Export {",
        "  void run(java.sql.Statement statement) throws java.sql.SQLException {",
        "    statement.executeQuery(\"SELECT * FROM billing.invoice WHERE tenant_id = current_setting('rowguard.tenant_id')::uuid\");",
        "    statement.executeQuery(\"SELECT * FROM billing.invoice\");",
        "  }",
        "}");

    assertThat(result.succeeded).isFalse();
    assertThat(result.errors).hasSize(1);
    assertThat(result.errors.get(0))
        .startsWith("[UnfilteredTenantQuery] SELECT on tenanted table billing.invoice does not restrict tenant key");
  }

  @Test
  void theSchemaWrittenByTheProcessorIsFoundWhenTheOutputDirectoryIsRelative() throws IOException {
    // Inside the working directory, as `javac -d out` is: target/ is the module's own scratch space.
    Path relative = Path.of("target", "relative-classes-" + directory.getFileName());
    Result result = compile(relative, true, false,
        "package com.example;",
        "@dev.rowguard.annotations.AllowRawSql(\"billing export\")",
        "class Export {",
        "  void run(java.sql.Statement statement) throws java.sql.SQLException {",
        "    statement.executeQuery(\"SELECT * FROM billing.invoice\");",
        "  }",
        "}");

    assertThat(relative.isAbsolute()).isFalse();
    assertThat(result.errors).hasSize(1);
    assertThat(result.errors.get(0))
        .startsWith("[UnfilteredTenantQuery] SELECT on tenanted table billing.invoice does not restrict tenant key");
  }

  @Test
  void withoutAnyModelTheCompilationIsToldOnce() throws IOException {
    Result result = compile(directory.resolve("classes"), false, true,
        "package com.example;",
        "@dev.rowguard.annotations.AllowRawSql(\"billing export\")",
        "class Export {",
        "  void run(java.sql.Statement statement) throws java.sql.SQLException {",
        "    statement.executeQuery(\"SELECT 1\");",
        "    statement.executeQuery(\"SELECT * FROM billing.invoice\");",
        "    statement.executeQuery(\"SELECT * FROM billing.payment\");",
        "    statement.execute(\"SET ROLE admin\");",
        "  }",
        "}");

    assertThat(result.warnings).containsExactly("[UnfilteredTenantQuery] No Rowguard schema model"
        + " (META-INF/rowguard/schema.json) was found in the class output, on the classpath or in"
        + " -XepOpt:UnfilteredTenantQuery:SchemaJson, so tenant filters are not checked in this compilation; run"
        + " the Rowguard processor in the same compilation, put the jar that holds the model on the classpath, or"
        + " name the file with -XepOpt:UnfilteredTenantQuery:SchemaJson=<path>");
    // Forbidden operations need no model.
    assertThat(result.errors).hasSize(1);
    assertThat(result.errors.get(0)).startsWith("[UnfilteredTenantQuery] SQL runs SET statement");
  }

  @Test
  void theLinkInAMessageIsThePageInTheChecksJarOrUnderTheConfiguredBaseUrl() throws IOException {
    String[] rawSql = {
        "package com.example;",
        "class Report {",
        "  void run(java.sql.Statement statement) throws java.sql.SQLException {",
        "    statement.execute(\"DELETE FROM app.country\");",
        "  }",
        "}"};

    String shipped = compileWith("", rawSql).fullErrors().get(0);
    String configured = compileWith(
" -XepOpt:Rowguard:DocsUrl=https://docs.example.com/rowguard/checks", rawSql)
        .fullErrors().get(0);

    // In the build the checks come from their jar; here from the module's classes, which hold the same pages.
    assertThat(shipped).containsMatch("\\(see (file|jar:file):\\S*/META-INF/rowguard/docs/checks/RawSql\\.md\\)");
    assertThat(configured).contains("(see https://docs.example.com/rowguard/checks/RawSql.md)");
  }

  private Result compile(String... lines) throws IOException {
    return compile(directory.resolve("classes"), true, false, lines);
  }

  private Result compile(Path classes, boolean withProcessor, boolean withoutTestModel, String... lines)
      throws IOException {
    return compileFull(classes, withProcessor, withoutTestModel, "", lines);
  }

  /** {@link #compile(String...)} with more Error Prone options, e.g. {@code " -XepOpt:…"}. */
  private Result compileWith(String errorProneOptions, String... lines) throws IOException {
    return compileFull(directory.resolve("classes"), true, false, errorProneOptions, lines);
  }

  /**
   * @param classes the output directory, relative or absolute
   * @param withProcessor whether the stand-in processor writes a schema.json to it
   * @param withoutTestModel whether to leave this module's test resources (which hold a schema.json) off the
   *     classpath
   */
  private Result compileFull(
      Path classes, boolean withProcessor, boolean withoutTestModel, String errorProneOptions, String... lines)
      throws IOException {
    Path source = directory.resolve("src/com/example/Source.java");
    Files.createDirectories(source.getParent());
    Files.write(source, List.of(lines), StandardCharsets.UTF_8);
    Files.createDirectories(classes);

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    String classpath = System.getProperty("java.class.path");
    String compileClasspath = withoutTestModel
        ? String.join(File.pathSeparator, java.util.Arrays.stream(classpath.split(File.pathSeparator))
            .filter(entry -> !Files.isRegularFile(Path.of(entry).resolve("META-INF/rowguard/schema.json")))
            .toList())
        : classpath;
    List<String> options = new ArrayList<>(List.of(
        "-d", classes.toString(),
        "-classpath", compileClasspath,
        "-processorpath", classpath));
    options.addAll(withProcessor
        ? List.of("-processor", SchemaWritingProcessor.class.getName())
        : List.of("-proc:none"));
    options.addAll(List.of(
        "-XDcompilePolicy=simple",
        "--should-stop=ifError=FLOW",
        "-Xplugin:ErrorProne -XepDisableAllChecks -Xep:RawSql:ERROR -Xep:SqlConcatenation:ERROR"
            + " -Xep:UnfilteredTenantQuery:ERROR -Xep:ReservedColumnName:ERROR" + errorProneOptions));
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
      boolean succeeded = javac.getTask(
              new StringWriter(), files, diagnostics, options, null, files.getJavaFileObjects(source))
          .call();
      List<String> errors = new ArrayList<>();
      List<String> fullErrors = new ArrayList<>();
      List<String> warnings = new ArrayList<>();
      List<Long> errorLines = new ArrayList<>();
      for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
        String message = diagnostic.getMessage(null).lines().findFirst().orElse("");
        if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
          errors.add(message);
          fullErrors.add(diagnostic.getMessage(null));
          errorLines.add(diagnostic.getLineNumber());
        } else if (message.startsWith("[UnfilteredTenantQuery]")) {
          warnings.add(message);
        }
      }
      return new Result(succeeded, errors, fullErrors, warnings, errorLines);
    }
  }

  private record Result(
      boolean succeeded, List<String> errors, List<String> fullErrors, List<String> warnings, List<Long> errorLines) {}
}
