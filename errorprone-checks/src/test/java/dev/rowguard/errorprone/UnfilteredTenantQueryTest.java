package dev.rowguard.errorprone;

import static com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode.TEXT_MATCH;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.CompilationTestHelper;
import dev.rowguard.schema.Key;
import dev.rowguard.schema.QualifiedName;
import dev.rowguard.schema.Schema;
import dev.rowguard.schema.SchemaJson;
import dev.rowguard.schema.Table;
import dev.rowguard.schema.Tenancy;
import dev.rowguard.schema.TenantKeyColumn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The test classpath holds {@code META-INF/rowguard/schema.json} (src/test/resources) with the tenanted table
 * {@code app.asset} (key {@code tenant_id}, setting {@code rowguard.tenant_id}) and the shared table {@code
 * app.country}: the check finds it as it would find a schema.json in a dependency's jar.
 */
final class UnfilteredTenantQueryTest {
  @Test
  void identification() {
    Stubs.addTo(CompilationTestHelper.newInstance(UnfilteredTenantQuery.class, getClass()))
        .addSourceLines(
            "AssetDao.java",
            "import dev.rowguard.annotations.AllowRawSql;",
            "import dev.rowguard.annotations.SqlQuery;",
            "import java.sql.Connection;",
            "import java.sql.SQLException;",
            "import java.sql.Statement;",
            "import org.springframework.jdbc.core.JdbcTemplate;",
            "",
            "@AllowRawSql(\"reporting queries the generated repository does not cover\")",
            "class AssetDao {",
            "  static final String BY_HOSTNAME = \"SELECT * FROM app.asset WHERE hostname = ?\";",
            "",
            "  void sinks(Connection c, Statement s, JdbcTemplate jdbc, String dynamic) throws SQLException {",
            "    // BUG: Diagnostic contains: SELECT on tenanted table app.asset does not restrict tenant key tenant_id; add `tenant_id = ?` or `tenant_id = current_setting('rowguard.tenant_id')::uuid`",
            "    c.prepareStatement(BY_HOSTNAME);",
            "    // BUG: Diagnostic contains: (as `asset a`) does not restrict tenant key tenant_id; add `a.tenant_id = ?`",
            "    s.executeQuery(\"SELECT a.id FROM asset a JOIN app.country c ON c.id = a.country_id\");",
            "    // BUG: Diagnostic contains: INSERT into tenanted table app.asset does not set tenant key tenant_id",
            "    jdbc.update(\"INSERT INTO app.asset (id, hostname) VALUES (?, ?)\", 1, \"h\");",
            "    String local = \"DELETE FROM app.asset WHERE id = ?\";",
            "    // BUG: Diagnostic contains: DELETE on tenanted table app.asset",
            "    jdbc.update(local, 1);",
            "    // BUG: Diagnostic contains: cannot be parsed",
            "    s.execute(\"SELECT * FROM asset WHERE hostname ~~~ (((\");",
            "",
            "    c.prepareStatement(\"SELECT * FROM app.asset WHERE tenant_id = ? AND hostname = ?\");",
            "    s.executeQuery(\"SELECT * FROM asset WHERE tenant_id = current_setting('rowguard.tenant_id')::uuid\");",
            "    jdbc.update(\"INSERT INTO app.asset (id, tenant_id, hostname) VALUES (?, ?, ?)\", 1, 2, \"h\");",
            "    jdbc.update(\"UPDATE app.asset SET hostname = ? WHERE id = ? AND tenant_id = ?\", ps -> {});",
            "    s.executeQuery(\"SELECT * FROM app.country\");",
            "    s.execute(\"SET LOCAL statement_timeout = 1000\");",
            "    // Not a constant: SqlConcatenation's concern, not this check's.",
            "    s.executeQuery(dynamic);",
            "  }",
            "}")
        .addSourceLines(
            "AssetRepository.java",
            "import dev.rowguard.annotations.SqlQuery;",
            "import java.util.List;",
            "import java.util.UUID;",
            "",
            "interface AssetRepository {",
            "  // BUG: Diagnostic contains: SELECT on tenanted table app.asset",
            "  @SqlQuery(\"SELECT * FROM app.asset WHERE hostname = :hostname\")",
            "  List<Object> findByHostname(String hostname);",
            "",
            "  @SqlQuery(\"SELECT * FROM app.asset WHERE tenant_id = :tenantId AND hostname = :hostname\")",
            "  List<Object> findByHostname(UUID tenantId, String hostname);",
            "}")
        .doTest();
  }

  @Test
  void identificationWithSchemaJsonFlag(@TempDir Path directory) throws IOException {
    Path extra = directory.resolve("billing-schema.json");
    TenantKeyColumn tenant = new TenantKeyColumn("tenant_id", "rowguard.tenant_id", "uuid", null);
    Files.writeString(extra, SchemaJson.write(Schema.of(List.of(new Table(
        new QualifiedName("billing", "invoice"), "com.example.Invoice", null, new Tenancy(List.of(tenant)),
        List.of(), new Key(null, List.of("id")), List.of(), List.of(), List.of(), List.of())))));
    Path broken = directory.resolve("broken.json");
    Files.writeString(broken, "{\"formatVersion\": 99, \"tables\": []}");

    CompilationTestHelper.newInstance(UnfilteredTenantQuery.class, getClass())
        .setArgs("-XepOpt:UnfilteredTenantQuery:SchemaJson=" + extra)
        .addSourceLines(
            "A.java",
            "class A {",
            "  void run(java.sql.Statement s) throws java.sql.SQLException {",
            "    // BUG: Diagnostic contains: tenanted table billing.invoice",
            "    s.executeQuery(\"SELECT * FROM billing.invoice\");",
            "    // BUG: Diagnostic contains: tenanted table app.asset",
            "    s.executeQuery(\"SELECT * FROM app.asset\");",
            "  }",
            "}")
        .doTest();

    CompilationTestHelper.newInstance(UnfilteredTenantQuery.class, getClass())
        .setArgs("-XepOpt:UnfilteredTenantQuery:SchemaJson=" + broken)
        .addSourceLines(
            "A.java",
            "class A {",
            "  void run(java.sql.Statement s) throws java.sql.SQLException {",
            "    // BUG: Diagnostic contains: schema model could not be read",
            "    s.executeQuery(\"SELECT 1\");",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void replacement() {
    // Adding a tenant filter changes what the query returns: no fix is offered, nothing is rewritten.
    BugCheckerRefactoringTestHelper.newInstance(UnfilteredTenantQuery.class, getClass())
        .addInputLines(
            "A.java",
            "class A {",
            "  void run(java.sql.Statement s) throws java.sql.SQLException {",
            "    s.executeQuery(\"SELECT * FROM app.asset\");",
            "  }",
            "}")
        .expectUnchanged()
        .doTest(TEXT_MATCH);
  }
}
