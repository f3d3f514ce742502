package dev.rowguard.errorprone;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
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
 * Every {@code @SqlQuery} fixture of the project, compiled once with Rowguard's processor and once with Error
 * Prone's {@code UnfilteredTenantQuery} over the model that compilation wrote: on every {@code @SqlQuery} the
 * processor reports a tenant-isolation error (tenant filter, forbidden operation, syntax, unsupported statement)
 * exactly when the check reports one. The fixtures are the processor tests' store model, the sample application,
 * and the documented forms and known attacks below.
 */
final class SqlQueryVerdictAgreementTest {
  /** The processor's messages for the isolation kinds of {@code NativeQueryProblem}. */
  private static final List<String> ISOLATION_TAGS = List.of(
      "[RowguardSqlTenantFilter]", "[RowguardSqlForbidden]", "[RowguardSqlSyntax]", "[RowguardSqlUnsupported]");

  private static final String TENANT = "current_setting('rowguard.tenant_id')";

  /** Accepted by both: every documented rowguard_tenant form, and the strict setting comparison. */
  private static final List<String> ACCEPTED = List.of(
      "SELECT h.* FROM host h WHERE rowguard_tenant(h) AND h.hostname = :other",
      "SELECT * FROM host WHERE rowguard_tenant(host)",
      "SELECT * FROM host WHERE rowguard_tenant()",
      "UPDATE host SET cores = cores + 1 WHERE rowguard_tenant() AND hostname = :other",
      "DELETE FROM host h WHERE rowguard_tenant(h) AND h.hostname = :other",
      "SELECT h.hostname, c.name FROM host h JOIN country c ON c.code = h.hostname WHERE rowguard_tenant(h)",
      "SELECT o.hostname FROM host h LEFT JOIN host o ON rowguard_tenant(o) AND o.id = h.id WHERE rowguard_tenant(h)",
      "WITH big AS (SELECT id FROM host WHERE rowguard_tenant() AND cores > 4) SELECT count(*) FROM big",
      "SELECT h.id FROM host h WHERE rowguard_tenant(h) AND EXISTS (SELECT 1 FROM host o WHERE rowguard_tenant(o)"
          + " AND o.hostname = h.hostname AND o.id <> h.id)",
      "SELECT * FROM host h WHERE h.tenant_id = " + TENANT + "::uuid",
      "SELECT count(*) FROM country",
      "SELECT " + TENANT);

  /** Rejected by both: the attacks of the issue, and the other ways to leave a tenant key unrestricted. */
  private static final List<String> REJECTED = List.of(
      "SELECT h.* FROM host h, (SELECT set_config('rowguard.tenant_id', :other, false) AS c) s"
          + " WHERE h.tenant_id = COALESCE(s.c, " + TENANT + ")::uuid",
      "SELECT set_config('rowguard.tenant_id', :other, false)",
      "SELECT pg_cancel_backend(:other::int)",
      "SELECT pg_advisory_lock(1) FROM host WHERE rowguard_tenant()",
      "SELECT lo_import(:other)",
      "DO $$ BEGIN PERFORM set_config('rowguard.tenant_id', 'x', false); END $$",
      "SET rowguard.tenant_id = 'x'",
      "SELECT h.* FROM host o RIGHT JOIN host h ON rowguard_tenant(h) AND rowguard_tenant(o)",
      "SELECT h.* FROM host h FULL JOIN host o ON rowguard_tenant(h) AND rowguard_tenant(o)",
      "SELECT h.* FROM host h LEFT JOIN host o ON rowguard_tenant(h) AND rowguard_tenant(o)",
      "SELECT h.* FROM host h WHERE h.tenant_id"
          + " = COALESCE(NULLIF(current_setting('rowguard.tenant_id', true), '')::uuid, h.tenant_id)",
      "SELECT h.* FROM host h WHERE h.tenant_id = COALESCE(:other::uuid, " + TENANT + "::uuid)",
      "SELECT h.* FROM host h WHERE h.tenant_id = CASE WHEN :other IS NULL THEN " + TENANT + "::uuid"
          + " ELSE h.tenant_id END",
      "SELECT h.* FROM host h WHERE h.tenant_id = :other::uuid",
      "SELECT h.* FROM host h WHERE rowguard_tenant(h) OR h.hostname = :other",
      "SELECT * FROM host",
      "SELECT * FROM country c WHERE c.code IN (SELECT hostname FROM host)",
      "UPDATE host SET tenant_id = :other::uuid WHERE rowguard_tenant()",
      "INSERT INTO host (id, tenant_id, hostname, cores) VALUES (gen_random_uuid(), :other::uuid, 'x', 1)",
      "SELEC * FROM host WHERE rowguard_tenant()",
      "SELECT * FROM host WHERE rowguard_tenant(); SELECT 1",
      "SELECT * FROM host h WHERE rowguard_tenant(x)");

  @TempDir Path directory;

  @Test
  void theDocumentedFormsAndTheKnownAttacks() throws IOException {
    Path sources = directory.resolve("src/agree");
    Files.createDirectories(sources);
    Files.writeString(sources.resolve("package-info.java"),
        "@dev.rowguard.annotations.TenantKey(column = \"tenant_id\")\npackage agree;\n");
    Files.writeString(sources.resolve("Host.java"), String.join("\n",
        "package agree;",
        "import jakarta.persistence.*;",
        "@Entity @dev.rowguard.annotations.Tenanted public record Host(",
        "    @Id java.util.UUID id,",
        "    @Column(nullable = false) java.util.UUID tenantId,",
        "    @Column(length = 100) String hostname,",
        "    int cores) {}"));
    Files.writeString(sources.resolve("Country.java"), String.join("\n",
        "package agree;",
        "import jakarta.persistence.*;",
        "@Entity public record Country(@Id long id, @Column(length = 2) String code, String name) {}"));
    List<String> lines = new ArrayList<>(List.of(
        "package agree;",
        "@jakarta.data.repository.Repository",
        "public interface Hosts extends jakarta.data.repository.BasicRepository<Host, java.util.UUID> {"));
    Set<String> accepted = new TreeSet<>();
    Set<String> rejected = new TreeSet<>();
    List<String> all = new ArrayList<>(ACCEPTED);
    all.addAll(REJECTED);
    for (int i = 0; i < all.size(); i++) {
      String sql = all.get(i);
      (i < ACCEPTED.size() ? accepted : rejected).add("Hosts.java:" + (lines.size() + 1));
      lines.add("  @dev.rowguard.annotations.SqlQuery(\"" + sql.replace("\\", "\\\\").replace("\"", "\\\"") + "\")");
      lines.add("  java.util.List<Object> q" + i + "(String other);");
    }
    lines.add("}");
    Files.write(sources.resolve("Hosts.java"), lines, StandardCharsets.UTF_8);

    Verdicts verdicts = verdicts(List.of(sources), List.of());

    assertThat(verdicts.sqlQueries()).containsExactlyElementsIn(union(accepted, rejected));
    assertWithMessage("rejected by the processor").that(verdicts.processor()).containsExactlyElementsIn(rejected);
    assertWithMessage("rejected by UnfilteredTenantQuery").that(verdicts.check()).containsExactlyElementsIn(rejected);
  }

  @Test
  void theProcessorTestsStoreModel() throws IOException {
    Path store = Path.of("..", "processor", "src", "test", "java", "dev", "rowguard", "processor", "store");
    Verdicts verdicts = verdicts(List.of(store), List.of());

    assertThat(verdicts.sqlQueries()).isNotEmpty();
    assertThat(verdicts.processor()).isEmpty();
    assertThat(verdicts.check()).isEqualTo(verdicts.processor());
  }

  @Test
  void theSampleApplication() throws IOException {
    Path sample = Path.of("..", "sample-app", "src", "main", "java", "dev", "rowguard", "sample");
    Verdicts verdicts = verdicts(List.of(sample.resolve("domain"), sample.resolve("data")),
        List.of("-Arowguard.defaultSchema=migration"));

    assertThat(verdicts.sqlQueries()).isNotEmpty();
    assertThat(verdicts.processor()).isEmpty();
    assertThat(verdicts.check()).isEqualTo(verdicts.processor());
  }

  /**
   * @param processor the {@code @SqlQuery} lines ({@code File.java:line}) with an isolation error from the processor
   * @param check the lines with an error from UnfilteredTenantQuery
   * @param sqlQueries every {@code @SqlQuery} line of the sources
   */
  private record Verdicts(Set<String> processor, Set<String> check, Set<String> sqlQueries) {}

  private Verdicts verdicts(List<Path> directories, List<String> processorOptions) throws IOException {
    List<Path> sources = new ArrayList<>();
    for (Path directory : directories) {
      try (Stream<Path> files = Files.list(directory)) {
        // Sources that run the generated code (tests, wiring) are not fixtures of the analysis.
        files.filter(f -> f.toString().endsWith(".java"))
            .filter(f -> !f.getFileName().toString().matches(".*(Test|Database|Repositories)\\.java"))
            .sorted()
            .forEach(sources::add);
      }
    }
    Set<String> sqlQueries = new TreeSet<>();
    for (Path source : sources) {
      List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).contains("@SqlQuery(") || lines.get(i).contains(".SqlQuery(")) {
          sqlQueries.add(source.getFileName() + ":" + (i + 1));
        }
      }
    }
    String classpath = System.getProperty("java.class.path");
    // Without this module's test resources, whose schema.json would add its own tables.
    String withoutTestModel = String.join(File.pathSeparator, Arrays.stream(classpath.split(File.pathSeparator))
        .filter(entry -> !Files.isRegularFile(Path.of(entry).resolve("META-INF/rowguard/schema.json")))
        .toList());

    Path processed = Files.createDirectories(directory.resolve("processed-" + sources.hashCode()));
    List<String> processing = new ArrayList<>(List.of("-proc:only",
        "-processor", "dev.rowguard.processor.RowguardProcessor", "-processorpath", classpath,
        "-classpath", withoutTestModel, "-d", processed.toString(), "-s", processed.toString()));
    processing.addAll(processorOptions);
    Set<String> processor = errors(compile(processing, sources), ISOLATION_TAGS);

    Path model = processed.resolve("META-INF/rowguard/schema.json");
    assertWithMessage("the processor wrote no model").that(Files.isRegularFile(model)).isTrue();
    Path checked = Files.createDirectories(directory.resolve("checked-" + sources.hashCode()));
    List<Diagnostic<? extends JavaFileObject>> checking = compile(List.of("-proc:none", "-processorpath", classpath,
        "-classpath", withoutTestModel, "-d", checked.toString(),
        "-XDcompilePolicy=simple", "--should-stop=ifError=FLOW",
        "-Xplugin:ErrorProne -XepDisableAllChecks -Xep:UnfilteredTenantQuery:ERROR"
            + " -XepOpt:UnfilteredTenantQuery:SchemaJson=" + model.toAbsolutePath()), sources);
    List<String> others = checking.stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR && !d.getMessage(null).startsWith("[UnfilteredTenantQuery]"))
        .map(d -> d.getMessage(null))
        .toList();
    assertWithMessage("errors other than the check's").that(others).isEmpty();
    return new Verdicts(processor, errors(checking, List.of("[UnfilteredTenantQuery]")), sqlQueries);
  }

  private static Set<String> errors(List<Diagnostic<? extends JavaFileObject>> diagnostics, List<String> tags) {
    Set<String> lines = new TreeSet<>();
    for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics) {
      String message = diagnostic.getMessage(null);
      if (diagnostic.getKind() == Diagnostic.Kind.ERROR && diagnostic.getSource() != null
          && tags.stream().anyMatch(message::startsWith)) {
        lines.add(Path.of(diagnostic.getSource().toUri()).getFileName() + ":" + diagnostic.getLineNumber());
      }
    }
    return lines;
  }

  private static List<Diagnostic<? extends JavaFileObject>> compile(List<String> options, List<Path> sources)
      throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
      javac.getTask(new StringWriter(), files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources))
          .call();
    }
    return diagnostics.getDiagnostics();
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new TreeSet<>(a);
    all.addAll(b);
    return all;
  }
}
