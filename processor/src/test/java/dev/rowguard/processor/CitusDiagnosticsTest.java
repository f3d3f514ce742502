package dev.rowguard.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.rowguard.processor.Compilations.compile;
import static dev.rowguard.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The diagnostics of the target option and of the Citus target, each with its tag, text, file and line. */
class CitusDiagnosticsTest {
  private static final String CITUS = "-Arowguard.target=citus";

  @Test
  void anIntegerIdentityOnATenantedTableIsRefusedOnItsField() {
    JavaFileObject asset = source("Asset",
        "@Entity @Tenanted public class Asset {",
        "  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) int id;",
        "  @Column(nullable = false) UUID tenantId;",
        "}");
    Compilation compilation = compile(List.of(asset), CITUS);
    assertThat(compilation).hadErrorContaining("[RowguardCitusIdentity] field 'id' of entity Asset is an identity "
        + "column of type integer; on Citus (-Arowguard.target=citus) only a bigint identity gives values on every "
        + "node (an insert routed through a worker fails: nextval(sequence) calls in worker nodes are not "
        + "supported for column defaults of type int or smallint). Declare the field as long or Long, or make it a "
        + "UUID with @GeneratedValue(strategy = GenerationType.UUID)")
        .inFile(asset)
        .onLineContaining("int id;");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void anIntegerIdentityOnASharedTableIsRefusedToo() {
    JavaFileObject region = source("Region",
        "@Entity public class Region {",
        "  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Integer id;",
        "}");
    assertThat(compile(List.of(region), CITUS))
        .hadErrorContaining("[RowguardCitusIdentity] field 'id' of entity Region is an identity column of type "
            + "integer;")
        .inFile(region)
        .onLineContaining("Integer id;");
  }

  @Test
  void theSameIdentityIsFineForPostgresql() {
    JavaFileObject region = source("Region",
        "@Entity public class Region {",
        "  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Integer id;",
        "}");
    assertThat(compile(List.of(region), "-Arowguard.target=postgresql")).succeededWithoutWarnings();
  }

  @Test
  void aSharedTableReferringToATenantedOneStaysAnErrorOnTheField() {
    JavaFileObject project = source("Project",
        "@Entity @Tenanted public class Project {",
        "  @Id UUID id;",
        "  @Column(nullable = false) UUID tenantId;",
        "}");
    JavaFileObject template = source("Template",
        "@Entity public class Template {",
        "  @Id UUID id;",
        "  @ManyToOne Project example;",
        "}");
    assertThat(compile(List.of(project, template), CITUS))
        .hadErrorContaining("[RowguardSharedToTenanted] field 'example' of shared entity Template refers to "
            + "tenanted table public.project; a shared row would point into one tenant's data. Make Template "
            + "@Tenanted, or move the reference to the tenanted side")
        .inFile(template)
        .onLineContaining("Project example;");
  }

  @Test
  void anUnknownTargetIsNamed() {
    JavaFileObject region = source("Region", "@Entity public class Region { @Id UUID id; }");
    Compilation compilation = compile(List.of(region), "-Arowguard.target=cockroach");
    assertThat(compilation).hadErrorContaining("[RowguardTarget] -Arowguard.target=cockroach names no target; use "
        + "postgresql (the default) or citus");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void anExplicitPostgresqlTargetWritesWhatTheDefaultWrites() {
    List<JavaFileObject> fixture = Compilations.fixture("tenancy");
    assertThat(Compilations.schemaSql(compile(fixture, "-Arowguard.target=postgresql")))
        .isEqualTo(Compilations.schemaSql(compile(fixture)));
  }
}
