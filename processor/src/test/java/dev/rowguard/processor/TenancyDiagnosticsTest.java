package dev.rowguard.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.rowguard.processor.Compilations.compile;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The tenancy diagnostics, each asserted with its tag, text, file and line. */
class TenancyDiagnosticsTest {
  private static JavaFileObject source(String name, String... lines) {
    return Compilations.source(name, lines);
  }

  private static JavaFileObject hierarchy() {
    return JavaFileObjects.forSourceLines("test.package-info",
        "@TenantKey(column = \"client_account_id\", entity = Client.class)",
        "@TenantKey(column = \"engagement_id\", entity = Engagement.class)",
        "package test;",
        "import dev.rowguard.annotations.TenantKey;");
  }

  private static JavaFileObject client() {
    return source("Client", "@Entity public class Client { @Id UUID id; }");
  }

  private static JavaFileObject engagement() {
    return source("Engagement",
        "@Entity @Tenanted(keys = \"client_account_id\") public class Engagement {",
        "  @Id UUID id;",
        "  @Column(nullable = false) UUID clientAccountId;",
        "}");
  }

  @Test
  void aTenantedEntityWithoutItsKeyFieldIsToldWhatToAdd() {
    JavaFileObject asset = source("Asset",
        "@Entity @Tenanted public class Asset {",
        "  @Id UUID id;",
        "}");
    assertThat(compile(asset))
        .hadErrorContaining("[RowguardMissingTenantKey] @Tenanted entity Asset has no field for tenant key "
            + "'tenant_id'. Add: @Column(nullable = false) UUID tenantId;")
        .inFile(asset)
        .onLineContaining("@Tenanted public class Asset");
  }

  @Test
  void aNullableTenantKeyIsAnError() {
    JavaFileObject asset = source("Asset",
        "@Entity @Tenanted public class Asset {",
        "  @Id UUID id;",
        "  UUID tenantId;",
        "}");
    assertThat(compile(asset))
        .hadErrorContaining("[RowguardNullableTenantKey] tenant key field 'tenantId' is nullable; a row without a "
            + "tenant belongs to nobody and breaks isolation. Add @Column(nullable = false)")
        .inFile(asset)
        .onLineContaining("UUID tenantId;");
  }

  @Test
  void aTenantKeyOfTheWrongTypeIsAnError() {
    JavaFileObject asset = source("Asset",
        "@Entity @Tenanted public class Asset {",
        "  @Id UUID id;",
        "  @Column(nullable = false) String tenantId;",
        "}");
    assertThat(compile(asset))
        .hadErrorContaining("[RowguardTenantKeyType] field 'tenantId' holds tenant key 'tenant_id', which is uuid, but "
            + "the field is stored as text. Declare it as UUID")
        .inFile(asset)
        .onLineContaining("String tenantId;");
  }

  @Test
  void aSharedEntityMayNotReferenceATenantedOne() {
    JavaFileObject asset = source("Asset",
        "@Entity @Tenanted public class Asset {",
        "  @Id UUID id;",
        "  @Column(nullable = false) UUID tenantId;",
        "}");
    JavaFileObject catalogEntry = source("CatalogEntry",
        "@Entity public class CatalogEntry {",
        "  @Id UUID id;",
        "  @ManyToOne Asset example;",
        "}");
    assertThat(compile(asset, catalogEntry))
        .hadErrorContaining("[RowguardSharedToTenanted] field 'example' of shared entity CatalogEntry refers to "
            + "tenanted table public.asset")
        .inFile(catalogEntry)
        .onLineContaining("@ManyToOne Asset example;");
  }

  @Test
  void anOuterLevelTableMayNotReferenceAnInnerLevelTable() {
    JavaFileObject asset = source("Asset",
        "@Entity @Tenanted public class Asset {",
        "  @Id UUID id;",
        "  @Column(nullable = false) UUID clientAccountId;",
        "  @Column(nullable = false) UUID engagementId;",
        "}");
    JavaFileObject contract = source("Contract",
        "@Entity @Tenanted(keys = \"client_account_id\") public class Contract {",
        "  @Id UUID id;",
        "  @Column(nullable = false) UUID clientAccountId;",
        "  @ManyToOne Asset coveredAsset;",
        "}");
    assertThat(compile(hierarchy(), client(), engagement(), asset, contract))
        .hadErrorContaining("[RowguardTenantScope] field 'coveredAsset' of Contract (scoped by [client_account_id]) "
            + "refers to public.asset (scoped by [client_account_id, engagement_id])")
        .inFile(contract)
        .onLineContaining("@ManyToOne Asset coveredAsset;");
  }

  @Test
  void tenantedMayNameOnlyDeclaredKeys() {
    JavaFileObject asset = source("Asset",
        "@Entity @Tenanted(keys = \"region_id\") public class Asset {",
        "  @Id UUID id;",
        "}");
    assertThat(compile(hierarchy(), client(), engagement(), asset))
        .hadErrorContaining("[RowguardUnknownTenantKey] @Tenanted on Asset names tenant key 'region_id', which is not "
            + "declared. Declared keys, outermost first: [client_account_id, engagement_id]")
        .inFile(asset)
        .onLineContaining("@Tenanted(keys = \"region_id\")");
  }

  @Test
  void tenantedMustNameTheOutermostLevels() {
    JavaFileObject asset = source("Asset",
        "@Entity @Tenanted(keys = \"engagement_id\") public class Asset {",
        "  @Id UUID id;",
        "}");
    assertThat(compile(hierarchy(), client(), engagement(), asset))
        .hadErrorContaining("[RowguardTenantScope] @Tenanted on Asset names [engagement_id], but a table is scoped by "
            + "the outermost levels, in order: name [client_account_id]")
        .inFile(asset)
        .onLineContaining("@Tenanted(keys = \"engagement_id\")");
  }

  @Test
  void invalidTenantKeyDeclarationsAreErrorsOnTheAnnotation() {
    JavaFileObject keys = JavaFileObjects.forSourceLines("test.package-info",
        "@TenantKey(column = \"org_id\", type = Integer.class)",
        "@TenantKey(column = \"team_id\", setting = \"team\")",
        "@TenantKey(column = \"user\")",
        "package test;",
        "import dev.rowguard.annotations.TenantKey;");
    Compilation compilation = compile(keys, client());
    assertThat(compilation)
        .hadErrorContaining("[RowguardTenantKeyInvalid] @TenantKey 'org_id' cannot be used: its type java.lang.Integer "
            + "is not supported; use java.util.UUID, Long or String")
        .inFile(keys)
        .onLineContaining("package test;"); // javac cannot place a diagnostic on one of repeated annotations
    assertThat(compilation)
        .hadErrorContaining("[RowguardTenantKeyInvalid] @TenantKey 'team_id' cannot be used: its setting 'team' is not "
            + "a custom PostgreSQL setting; write it as prefix.name, e.g. rowguard.team_id")
        .inFile(keys)
        .onLineContaining("package test;");
    assertThat(compilation)
        .hadErrorContaining("[RowguardTenantKeyInvalid] @TenantKey 'user' cannot be used: 'user' is a reserved keyword")
        .inFile(keys)
        .onLineContaining("package test;");
  }

  @Test
  void aSingleDeclarationOnATypeIsReportedOnTheAnnotation() {
    JavaFileObject keys = source("Keys",
        "@TenantKey(column = \"org_id\", type = Integer.class)",
        "public class Keys {}");
    assertThat(compile(keys, client()))
        .hadErrorContaining("[RowguardTenantKeyInvalid] @TenantKey 'org_id' cannot be used")
        .inFile(keys)
        .onLineContaining("Integer.class");
  }

  @Test
  void tenantKeysDeclaredTwiceAreAConflict() {
    JavaFileObject first = JavaFileObjects.forSourceLines("test.package-info",
        "@TenantKey(column = \"tenant_id\")",
        "package test;",
        "import dev.rowguard.annotations.TenantKey;");
    JavaFileObject second = JavaFileObjects.forSourceLines("other.package-info",
        "@TenantKey(column = \"org_id\")",
        "package other;",
        "import dev.rowguard.annotations.TenantKey;");
    assertThat(compile(first, second, client()))
        .hadErrorContaining("[RowguardTenantKeyConflict] tenant keys are declared on both")
        .inFile(second)
        .onLineContaining("package other;");
  }
}
