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
            "    // BUG: Diagnostic contains: SELECT on tenanted table app.asset does not restrict tenant key tenant_id; add `tenant_id = current_setting('rowguard.tenant_id')::uuid`",
            "    c.prepareStatement(BY_HOSTNAME);",
            "    // BUG: Diagnostic contains: (as `asset a`) does not restrict tenant key tenant_id; add `a.tenant_id = current_setting(",
            "    s.executeQuery(\"SELECT a.id FROM asset a JOIN app.country c ON c.id = a.country_id\");",
            "    // BUG: Diagnostic contains: INSERT into tenanted table app.asset does not set tenant key tenant_id",
            "    jdbc.update(\"INSERT INTO app.asset (id, hostname) VALUES (?, ?)\", 1, \"h\");",
            "    String local = \"DELETE FROM app.asset WHERE id = ?\";",
            "    // BUG: Diagnostic contains: DELETE on tenanted table app.asset",
            "    jdbc.update(local, 1);",
            "    // BUG: Diagnostic contains: cannot be parsed",
            "    s.execute(\"SELECT * FROM asset WHERE hostname ~~~ (((\");",
            "    // A bind parameter is whatever tenant the caller binds: it does not restrict.",
            "    // BUG: Diagnostic contains: SELECT on tenanted table app.asset does not restrict tenant key tenant_id",
            "    c.prepareStatement(\"SELECT * FROM app.asset WHERE tenant_id = ? AND hostname = ?\");",
            "    // BUG: Diagnostic contains: a bind parameter, COALESCE, NULLIF, CASE or OR does not restrict it",
            "    s.executeQuery(\"SELECT * FROM asset WHERE tenant_id = COALESCE(?, current_setting('rowguard.tenant_id'))::uuid\");",
            "    // BUG: Diagnostic contains: SQL runs set_config(…), which application SQL may not",
            "    s.executeQuery(\"SELECT set_config('rowguard.tenant_id', ?, false)\");",
            "    // BUG: Diagnostic contains: SQL runs SET statement",
            "    s.execute(\"SET LOCAL statement_timeout = 1000\");",
            "    // BUG: Diagnostic contains: SQL runs pg_cancel_backend(…)",
            "    jdbc.update(\"SELECT pg_cancel_backend(?)\", 1);",
            "    // BUG: Diagnostic contains: does not restrict tenant key tenant_id",
            "    s.executeQuery(\"SELECT * FROM app.country c RIGHT JOIN app.asset a ON a.tenant_id = current_setting('rowguard.tenant_id')::uuid\");",
            "",
            "    s.executeQuery(\"SELECT * FROM asset WHERE tenant_id = current_setting('rowguard.tenant_id')::uuid\");",
            "    c.prepareStatement(\"SELECT * FROM app.asset WHERE hostname = ? AND tenant_id = current_setting('rowguard.tenant_id')::uuid\");",
            "    jdbc.update(\"INSERT INTO app.asset (id, tenant_id, hostname) VALUES (?, ?, ?)\", 1, 2, \"h\");",
            "    jdbc.update(\"UPDATE app.asset SET hostname = ? WHERE id = ? AND tenant_id = current_setting('rowguard.tenant_id')::uuid\", ps -> {});",
            "    s.executeQuery(\"SELECT * FROM app.country\");",
            "    s.executeQuery(\"SELECT current_setting('rowguard.tenant_id')\");",
            "    // Not a constant: SqlConcatenation's concern, not this check's.",
            "    s.executeQuery(dynamic);",
            "  }",
            "}")
        .addSourceLines(
            "AssetRepositoryJdbc.java",
            "import javax.annotation.processing.Generated;",
            "",
            "// The processor's own SQL binds each tenant key from the tenant context: only what it runs is checked.",
            "@Generated(\"dev.rowguard.processor.RowguardProcessor\")",
            "class AssetRepositoryJdbc {",
            "  void run(java.sql.Connection c) throws java.sql.SQLException {",
            "    c.prepareStatement(\"SELECT * FROM app.asset WHERE tenant_id = ?\");",
            "    // BUG: Diagnostic contains: SQL runs set_config(…)",
            "    c.prepareStatement(\"SELECT set_config('rowguard.tenant_id', ?, false)\");",
            "  }",
            "}")
        .addSourceLines(
            "AssetRepository.java",
            "import dev.rowguard.annotations.SqlQuery;",
            "import java.util.List;",
            "import java.util.UUID;",
            "",
            "interface AssetRepository {",
            "  // BUG: Diagnostic contains: @SqlQuery app.asset does not restrict its tenant key tenant_id to the bound tenant; add rowguard_tenant(asset)",
            "  @SqlQuery(\"SELECT * FROM app.asset WHERE hostname = :hostname\")",
            "  List<Object> findByHostname(String hostname);",
            "",
            "  // BUG: Diagnostic contains: comparing a tenant key with a method parameter does not count",
            "  @SqlQuery(\"SELECT * FROM app.asset WHERE tenant_id = :tenantId AND hostname = :hostname\")",
            "  List<Object> findByHostname(UUID tenantId, String hostname);",
            "",
            "  // BUG: Diagnostic contains: @SqlQuery the SQL runs set_config(…)",
            "  @SqlQuery(\"SELECT set_config('rowguard.tenant_id', :other, false)\")",
            "  String become(String other);",
            "",
            "  // Every documented rowguard_tenant form is the processor's, so the check accepts it.",
            "  @SqlQuery(\"SELECT a.* FROM app.asset a WHERE rowguard_tenant(a) AND a.hostname = :hostname\")",
            "  List<Object> byAlias(String hostname);",
            "",
            "  @SqlQuery(\"SELECT * FROM asset WHERE rowguard_tenant(asset)\")",
            "  List<Object> byTable();",
            "",
            "  @SqlQuery(\"UPDATE app.asset SET hostname = :hostname WHERE rowguard_tenant() AND id = :id\")",
            "  int rename(long id, String hostname);",
            "",
            "  @SqlQuery(\"SELECT count(*) FROM app.asset a JOIN app.country c ON c.id = a.id WHERE rowguard_tenant(a)\")",
            "  long joined();",
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
  void identificationWithHandWrittenSchemaJson(@TempDir Path directory) throws IOException {
    // As documented: only the name and the tenancy; every array (columns, keys, indexes, …) left out.
    Path minimal = directory.resolve("hand-written.json");
    Files.writeString(minimal, String.join("\n",
        "{\"formatVersion\": 1, \"tables\": [",
        "  {\"name\": {\"schema\": \"support\", \"name\": \"ticket\"},",
        "   \"tenancy\": {\"keys\": [{\"column\": \"tenant_id\", \"setting\": \"rowguard.tenant_id\"}]}},",
        "  {\"name\": {\"schema\": \"support\", \"name\": \"topic\"}}",
        "]}"));
    CompilationTestHelper.newInstance(UnfilteredTenantQuery.class, getClass())
        .setArgs("-XepOpt:UnfilteredTenantQuery:SchemaJson=" + minimal)
        .addSourceLines(
            "A.java",
            "class A {",
            "  void run(java.sql.Statement s) throws java.sql.SQLException {",
            "    // BUG: Diagnostic contains: SELECT on tenanted table support.ticket does not restrict tenant key tenant_id",
            "    s.executeQuery(\"SELECT * FROM support.ticket\");",
            "    s.executeQuery(\"SELECT * FROM support.ticket WHERE tenant_id = current_setting('rowguard.tenant_id')\");",
            "    s.executeQuery(\"SELECT * FROM support.topic\");",
            "  }",
            "}")
        .doTest();

    // A malformed file is one error, naming the file and the field, on the first statement checked.
    Path malformed = directory.resolve("malformed.json");
    Files.writeString(malformed, String.join("\n",
        "{\"formatVersion\": 1, \"tables\": [",
        "  {\"name\": {\"schema\": \"support\", \"name\": \"ticket\"},",
        "   \"tenancy\": {\"keys\": \"tenant_id\"}}",
        "]}"));
    CompilationTestHelper.newInstance(UnfilteredTenantQuery.class, getClass())
        .setArgs("-XepOpt:UnfilteredTenantQuery:SchemaJson=" + malformed)
        .addSourceLines(
            "A.java",
            "class A {",
            "  void run(java.sql.Statement s) throws java.sql.SQLException {",
            "    // BUG: Diagnostic contains: malformed.json: not a Rowguard schema.json: field tables[0].tenancy.keys:",
            "    s.executeQuery(\"SELECT 1\");",
            "    s.executeQuery(\"SELECT 2\");",
            "    s.executeQuery(\"SELECT * FROM app.asset WHERE tenant_id = current_setting('rowguard.tenant_id')::uuid\");",
            "  }",
            "}")
        .doTest();

    // A tenanted table without keys would need no filter: refused, not read as empty.
    Path keyless = directory.resolve("keyless.json");
    Files.writeString(keyless,
        "{\"formatVersion\": 1, \"tables\": [{\"name\": {\"name\": \"ticket\"}, \"tenancy\": {}}]}");
    CompilationTestHelper.newInstance(UnfilteredTenantQuery.class, getClass())
        .setArgs("-XepOpt:UnfilteredTenantQuery:SchemaJson=" + keyless)
        .addSourceLines(
            "A.java",
            "class A {",
            "  void run(java.sql.Statement s) throws java.sql.SQLException {",
            "    // BUG: Diagnostic contains: field tables[0].tenancy.keys: a tenanted table needs at least one tenant key",
            "    s.executeQuery(\"SELECT 1\");",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void identificationOfConstantTemplates() {
    CompilationTestHelper.newInstance(UnfilteredTenantQuery.class, getClass())
        .addSourceLines(
            "AssetDao.java",
            "class AssetDao {",
            "  static final String TABLE_PREFIX = \"app.\";",
            "  static String rtp(String sql, String prefix) {",
            "    return sql.replace(\"{prefix}\", prefix);",
            "  }",
            "  void run(java.sql.Statement s) throws java.sql.SQLException {",
            "    // The template's text is checked as the SQL it becomes.",
            "    // BUG: Diagnostic contains: SELECT on tenanted table app.asset does not restrict tenant key tenant_id",
            "    s.executeQuery(rtp(\"SELECT * FROM {prefix}asset\", TABLE_PREFIX));",
            "    s.executeQuery(rtp(\"SELECT * FROM {prefix}asset WHERE tenant_id = current_setting('rowguard.tenant_id')::uuid\", TABLE_PREFIX));",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void replacement() {
    // Adding a tenant filter changes what the query returns: no fix is offered, nothing is rewritten.
    Refactoring.of(UnfilteredTenantQuery.class, getClass())
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
