package dev.rowguard.processor.migrate;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.rowguard.processor.migrate.CitusMigrationCases.CITUS;
import static dev.rowguard.processor.migrate.MigrationCompiler.compile;
import static dev.rowguard.processor.migrate.MigrationCompiler.source;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a Citus migration cannot do in place, refused with the fix on the element it concerns, and a history of the
 * other target refused as a whole; each time nothing is written.
 */
class CitusMigrationDiagnosticsTest {
  @TempDir Path dir;

  private void firstVersion(String target, JavaFileObject... sources) {
    assertThat(compile(dir, List.of(sources), target, "-Arowguard.migrations.generate=initial schema")).succeeded();
  }

  private Compilation generate(JavaFileObject... sources) {
    return compile(dir, List.of(sources), CITUS, "-Arowguard.migrations.generate=next");
  }

  private void assertNothingWritten() throws Exception {
    try (var files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("V2")).toList()).isEmpty();
    }
  }

  @Test
  void aHistoryOfThePostgresqlTargetIsRefusedForCitusOnTheFirstEntity() throws Exception {
    JavaFileObject region = source("Region", "@Entity public class Region { @Id String code; }");
    firstVersion("-Arowguard.target=postgresql", region);
    Compilation check = compile(dir, List.of(region), CITUS);
    assertThat(check).hadErrorContaining("[RowguardMigrationDrift]");
    assertThat(check).hadErrorContaining("needs a decision before it can be generated: rowguard.target: the previous "
        + "version was generated for -Arowguard.target=postgresql and this model is for citus; a migration does not "
        + "move a database between the two; keep a migrations folder per target, or move the database by hand (on "
        + "Citus: create_distributed_table and create_reference_table in the order schema.sql shows) and start a "
        + "new history there");
    assertThat(check).hadErrorContaining("[RowguardMigrationDrift]").inFile(region).onLineContaining("class Region");
    Compilation generation = generate(region);
    assertThat(generation).hadErrorContaining("[RowguardMigrationRefused] migration 'next' cannot be generated, and "
        + "nothing was written:").inFile(region).onLineContaining("class Region");
    assertThat(generation).hadErrorCount(1);
    assertNothingWritten();
  }

  @Test
  void aSharedTableThatBecomesTenantedIsRefused() throws Exception {
    firstVersion(CITUS, source("Site", "@Entity public class Site { @Id UUID id; }"));
    JavaFileObject site = source("Site",
        "@Entity @Tenanted public class Site { @Id UUID id; @Column(nullable = false) UUID tenantId; }");
    Compilation generation = compile(dir, List.of(site), CITUS, "-Arowguard.migrations.generate=next",
        "-Arowguard.migrations.backfill=mig.site.tenant_id='" + EditNeeds.TENANT + "'::uuid");
    assertThat(generation).hadErrorContaining("mig.site: a shared table that becomes tenanted must turn from a "
        + "reference table into a distributed one, which Citus does not do in place; keep its tenancy, or create the "
        + "new table under another name, copy the rows in a migration written by hand, and remove this one")
        .inFile(site).onLineContaining("class Site");
    assertThat(generation).hadErrorCount(1);
    assertNothingWritten();
  }

  @Test
  void anIdentityAddedToAnExistingTableIsRefusedOnItsField() throws Exception {
    firstVersion(CITUS, source("Counter", "@Entity public class Counter { @Id long id; }"));
    JavaFileObject counter = source("Counter", "@Entity public class Counter {",
        "  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) long id;",
        "}");
    Compilation generation = generate(counter);
    assertThat(generation).hadErrorContaining("mig.counter.id: Citus cannot add an identity column to an existing "
        + "distributed or reference table; give it other values (a UUID with @GeneratedValue(strategy = "
        + "GenerationType.UUID)), or declare the identity on a new table")
        .inFile(counter).onLineContaining("long id;");
    assertThat(generation).hadErrorCount(1);
    assertNothingWritten();
  }

  @Test
  void aNewTypeForTheDistributionColumnIsRefusedOnItsField() throws Exception {
    firstVersion(CITUS, keys("Long"), source("Project",
        "@Entity @Tenanted public class Project { @Id UUID id; @Column(nullable = false) long tenantId; }"));
    JavaFileObject project = source("Project", "@Entity @Tenanted public class Project {",
        "  @Id UUID id;",
        "  @Column(nullable = false) String tenantId;",
        "}");
    Compilation generation = generate(keys("String"), project);
    assertThat(generation).hadErrorContaining("mig.project.tenant_id: Citus cannot change the type of a distribution "
        + "column (bigint to text); keep its type, or move the rows to a new table in a migration written by hand")
        .inFile(project).onLineContaining("String tenantId;");
    assertThat(generation).hadErrorCount(1);
    assertNothingWritten();
  }

  /** The tenant key declared with its Java type. */
  private static JavaFileObject keys(String type) {
    return JavaFileObjects.forSourceLines("test.package-info",
        "@TenantKey(column = \"tenant_id\", type = " + type + ".class)",
        "package test;",
        "import dev.rowguard.annotations.TenantKey;");
  }
}
