package dev.rowguard.errorprone;

import static com.google.common.truth.Truth.assertWithMessage;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small corpus of realistic sources (src/test/resources/corpus: a DAO layer with its JDBC helper, a Spring
 * JdbcClient repository, a Liquibase change) compiled as a build compiles them, with all four checks through
 * {@code -Xplugin:ErrorProne}; the findings must be exactly those in {@code corpus/expected-findings.txt}, one
 * {@code <file>:<line> [<Check>] <first line of the message>} per line, in order.
 */
final class CorpusTest {
  @TempDir Path directory;

  @Test
  void theCorpusHasExactlyTheExpectedFindings() throws IOException, URISyntaxException {
    Path corpus = Path.of(getClass().getResource("/corpus").toURI());
    List<Path> sources = new ArrayList<>();
    try (Stream<Path> files = Files.walk(corpus)) {
      files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(sources::add);
    }
    for (String[] stub : Stubs.SOURCES) {
      Path file = directory.resolve("stubs").resolve(stub[0]);
      Files.createDirectories(file.getParent());
      Files.write(file, List.of(stub).subList(1, stub.length), StandardCharsets.UTF_8);
      sources.add(file);
    }
    Path classes = Files.createDirectories(directory.resolve("classes"));
    String classpath = System.getProperty("java.class.path");
    List<String> options = List.of(
        "-d", classes.toString(),
        "-classpath", classpath,
        "-processorpath", classpath,
        "-proc:none",
        "-XDcompilePolicy=simple",
        "--should-stop=ifError=FLOW",
        "-Xplugin:ErrorProne -XepDisableAllChecks -Xep:RawSql:ERROR -Xep:SqlConcatenation:ERROR"
            + " -Xep:UnfilteredTenantQuery:ERROR -Xep:ReservedColumnName:ERROR"
            + " -XepOpt:RawSql:AllowedPackages=com.example.migrations");

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<String> findings = new ArrayList<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
      javac.getTask(new StringWriter(), files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources))
          .call();
    }
    for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
      if (diagnostic.getKind() == Diagnostic.Kind.NOTE) {
        continue;
      }
      Path source = Path.of(diagnostic.getSource().toUri());
      String file = source.startsWith(corpus) ? corpus.relativize(source).toString() : source.toString();
      findings.add(file + ":" + diagnostic.getLineNumber() + " "
          + diagnostic.getMessage(null).lines().findFirst().orElse(""));
    }

    List<String> expected = Files.readAllLines(corpus.resolve("expected-findings.txt"), StandardCharsets.UTF_8)
        .stream().filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
    assertWithMessage("findings in the corpus (all of them):\n%s", String.join("\n", findings))
        .that(findings).containsExactlyElementsIn(expected).inOrder();
  }
}
