package dev.rowguard.runtime;

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
 * A {@code TenantContext.bind(..)} that is not closed by try-with-resources fails the build of application
 * code compiled with Error Prone, with its default checks ({@code MustBeClosedChecker} is an error by default),
 * against this runtime's classes: the scope would otherwise stay on a pooled thread for the next task.
 */
final class TenantScopeMustBeClosedTest {
  @TempDir Path directory;

  @Test
  void aBindWhoseScopeIsDroppedOrClosedByHandDoesNotCompile() throws IOException {
    List<String> errors = compile(
        "package com.example;",
        "import dev.rowguard.runtime.*;",
        "class Jobs {",
        "  void dropped(Tenant tenant) {",
        "    TenantContext.bind(tenant);",
        "  }",
        "  void closedByHand(Tenant tenant) {",
        "    TenantScope scope = TenantContext.bind(tenant);",
        "    scope.close();",
        "  }",
        "}");

    assertThat(errors).hasSize(2);
    assertThat(errors.get(0)).startsWith("Jobs.java:5: [MustBeClosedChecker]");
    assertThat(errors.get(1)).startsWith("Jobs.java:8: [MustBeClosedChecker]");
  }

  @Test
  void tryWithResourcesAndTheLambdaFormsCompile() throws IOException {
    List<String> errors = compile(
        "package com.example;",
        "import dev.rowguard.runtime.*;",
        "class Jobs {",
        "  void scoped(Tenant tenant) {",
        "    try (TenantScope scope = TenantContext.bind(tenant)) {",
        "      TenantContext.require();",
        "    }",
        "  }",
        "  int lambdas(Tenant tenant) throws java.sql.SQLException {",
        "    TenantContext.run(tenant, () -> TenantContext.require());",
        "    return TenantContext.call(tenant, () -> { if (tenant == null) throw new java.sql.SQLException(); return 1; });",
        "  }",
        "}");

    assertThat(errors).isEmpty();
  }

  /** Compiles {@code lines} as {@code com/example/Jobs.java} with Error Prone; returns "File:line: message". */
  private List<String> compile(String... lines) throws IOException {
    Path source = directory.resolve("src/com/example/Jobs.java");
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
        "-XDcompilePolicy=simple",
        "--should-stop=ifError=FLOW",
        "-Xplugin:ErrorProne");
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
      StringWriter out = new StringWriter();
      boolean succeeded =
          javac.getTask(out, files, diagnostics, options, null, files.getJavaFileObjects(source)).call();
      // A crash of the compiler or of Error Prone reports no diagnostic; it must not pass for a clean build.
      assertThat(out.toString()).doesNotContain("An exception has occurred in the compiler");
      assertThat(succeeded).isEqualTo(diagnostics.getDiagnostics().stream()
          .noneMatch(diagnostic -> diagnostic.getKind() == Diagnostic.Kind.ERROR));
    }
    List<String> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
      if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
        errors.add(Path.of(diagnostic.getSource().toUri()).getFileName() + ":" + diagnostic.getLineNumber() + ": "
            + diagnostic.getMessage(null).lines().findFirst().orElse(""));
      }
    }
    return errors;
  }
}
