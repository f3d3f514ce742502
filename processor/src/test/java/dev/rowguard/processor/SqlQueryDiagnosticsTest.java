package dev.rowguard.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.rowguard.processor.Compilations.compile;
import static dev.rowguard.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Every {@code @SqlQuery} problem is a compile error on the method's annotation, with what to write instead. */
class SqlQueryDiagnosticsTest {
  private static final JavaFileObject PACKAGE = JavaFileObjects.forSourceLines("test.package-info",
      "@TenantKey(column = \"tenant_id\")",
      "package test;",
      "import dev.rowguard.annotations.TenantKey;");
  private static final JavaFileObject HOST = source("Host",
      "@Entity @Tenanted public record Host(",
      "    @Id UUID id,",
      "    @Column(nullable = false) UUID tenantId,",
      "    @Column(length = 100) String hostname,",
      "    int cores) {}");

  private static JavaFileObject hosts(String... lines) {
    String[] all = new String[lines.length + 2];
    all[0] = "@Repository public interface Hosts extends BasicRepository<Host, UUID> {";
    System.arraycopy(lines, 0, all, 1, lines.length);
    all[all.length - 1] = "}";
    return source("Hosts", all);
  }

  private static Compilation compileHosts(JavaFileObject hosts) {
    return compile(PACKAGE, HOST, hosts);
  }

  /** Asserts an error, tag and text, on the {@code @SqlQuery} of the repository made of {@code lines}. */
  private static void assertSqlError(String text, String... lines) {
    JavaFileObject hosts = hosts(lines);
    assertThat(compileHosts(hosts)).hadErrorContaining(text).inFile(hosts).onLineContaining("@SqlQuery");
  }

  @Test
  void aRestrictedQueryCompiles() {
    assertThat(compileHosts(hosts(
        "@SqlQuery(\"SELECT h.* FROM host h WHERE rowguard_tenant(h) AND h.hostname = :hostname\")",
        "List<Host> named(String hostname);"))).succeededWithoutWarnings();
  }

  @Test
  void syntaxErrorIsReportedOnTheAnnotation() {
    JavaFileObject hosts = hosts(
        "@SqlQuery(\"SELEC * FROM host WHERE rowguard_tenant()\")",
        "List<Host> broken();");
    assertThat(compileHosts(hosts))
        .hadErrorContaining("[RowguardSqlSyntax] cannot implement Hosts.broken(): the SQL does not parse")
        .inFile(hosts).onLineContaining("@SqlQuery");
  }

  @Test
  void unknownTableAndColumnSuggestTheClosest() {
    assertSqlError("[RowguardSqlUnknownName] cannot implement Hosts.all(): the table 'hots' is not in the schema "
        + "model",
        "@SqlQuery(\"SELECT h.* FROM hots h WHERE rowguard_tenant(h)\")",
        "List<Host> all();");
    assertSqlError("[RowguardSqlUnknownName] cannot implement Hosts.named(String): 'hostnme' is not a column of "
        + "host h",
        "@SqlQuery(\"SELECT h.* FROM host h WHERE rowguard_tenant(h) AND h.hostnme = :hostname\")",
        "List<Host> named(String hostname);");
  }

  @Test
  void parametersMustMatchBothWays() {
    assertSqlError("[RowguardSqlParameter] cannot implement Hosts.named(String): :name is not a parameter of the "
        + "method",
        "@SqlQuery(\"SELECT h.* FROM host h WHERE rowguard_tenant(h) AND h.hostname = :name\")",
        "List<Host> named(String hostname);");
    assertSqlError("[RowguardSqlParameter] cannot implement Hosts.named(String): the method parameter hostname is "
        + "not used in the SQL",
        "@SqlQuery(\"SELECT h.* FROM host h WHERE rowguard_tenant(h)\")",
        "List<Host> named(String hostname);");
  }

  @Test
  void parameterTypeMustFitTheColumn() {
    assertSqlError("[RowguardSqlParameter] cannot implement Hosts.byId(String): :id (java.lang.String) does not fit "
        + "host.id, a uuid column",
        "@SqlQuery(\"SELECT h.* FROM host h WHERE rowguard_tenant(h) AND h.id = :id\")",
        "List<Host> byId(String id);");
  }

  @Test
  void resultMustMapToTheReturnType() {
    JavaFileObject line = source("Line", "public record Line(String hostname, long coreCount) {}");
    JavaFileObject hosts = hosts(
        "@SqlQuery(\"SELECT h.hostname, h.cores FROM host h WHERE rowguard_tenant(h)\")",
        "List<Line> lines();");
    assertThat(compile(PACKAGE, HOST, line, hosts))
        .hadErrorContaining("[RowguardSqlResult] cannot implement Hosts.lines(): Line.coreCount has no result column "
            + "labelled core_count")
        .inFile(hosts).onLineContaining("@SqlQuery");
  }

  @Test
  void unrestrictedTenantTableSaysHowToRestrictIt() {
    JavaFileObject hosts = hosts(
        "@SqlQuery(\"SELECT h.* FROM host h WHERE h.hostname = :hostname\")",
        "List<Host> named(String hostname);");
    assertThat(compileHosts(hosts))
        .hadErrorContaining("[RowguardSqlTenantFilter] cannot implement Hosts.named(String): host h does not "
            + "restrict its tenant key tenant_id to the bound tenant; add rowguard_tenant(h) to the WHERE clause")
        .inFile(hosts).onLineContaining("@SqlQuery");
  }

  @Test
  void aMethodParameterIsNotTheBoundTenant() {
    assertSqlError("[RowguardSqlTenantFilter] cannot implement Hosts.of(UUID): host h does not restrict its tenant "
        + "key tenant_id to the bound tenant",
        "@SqlQuery(\"SELECT h.* FROM host h WHERE h.tenant_id = :tenant\")",
        "List<Host> of(UUID tenant);");
  }

  @Test
  void tenantKeysCannotBeUpdated() {
    assertSqlError("[RowguardSqlTenantFilter] cannot implement Hosts.move(UUID): UPDATE of host sets the tenant key "
        + "tenant_id",
        "@SqlQuery(\"UPDATE host SET tenant_id = :other WHERE rowguard_tenant()\")",
        "int move(UUID other);");
  }

  @Test
  void insertIntoATenantedTableBelongsInInsert() {
    assertSqlError("[RowguardSqlUnsupported] cannot implement Hosts.add(UUID): INSERT into the tenanted table",
        "@SqlQuery(\"INSERT INTO host (id, tenant_id, hostname, cores) VALUES (:id, :id, 'x', 1)\")",
        "void add(UUID id);");
  }

  @Test
  void aSubSelectThatSwitchesTheTenantIsRejected() {
    JavaFileObject hosts = hosts(
        "@SqlQuery(\"SELECT h.* FROM host h, (SELECT set_config('rowguard.tenant_id', :other, false) AS c) s\"",
        "    + \" WHERE h.tenant_id = COALESCE(s.c, current_setting('rowguard.tenant_id'))::uuid\")",
        "List<Host> switched(String other);");
    Compilation compilation = compileHosts(hosts);
    assertThat(compilation)
        .hadErrorContaining("[RowguardSqlForbidden] cannot implement Hosts.switched(String): the SQL runs"
            + " set_config(…), which application SQL may not")
        .inFile(hosts).onLineContaining("@SqlQuery");
    assertThat(compilation)
        .hadErrorContaining("[RowguardSqlTenantFilter] cannot implement Hosts.switched(String): host h does not"
            + " restrict its tenant key tenant_id")
        .inFile(hosts).onLineContaining("@SqlQuery");
  }

  @Test
  void sqlThatNamesNoTableIsStillChecked() {
    JavaFileObject hosts = hosts(
        "@SqlQuery(\"SELECT set_config('rowguard.tenant_id', :other, false)\")",
        "Optional<String> become(String other);");
    assertThat(compileHosts(hosts))
        .hadErrorContaining("[RowguardSqlForbidden] cannot implement Hosts.become(String): the SQL runs set_config(…)")
        .inFile(hosts).onLineContaining("@SqlQuery");
  }

  @Test
  void serverFunctionsAreRejected() {
    JavaFileObject hosts = hosts(
        "@SqlQuery(\"SELECT pg_cancel_backend(:pid)\")",
        "boolean cancel(int pid);");
    assertThat(compileHosts(hosts))
        .hadErrorContaining("[RowguardSqlForbidden] cannot implement Hosts.cancel(int): the SQL runs"
            + " pg_cancel_backend(…)")
        .inFile(hosts).onLineContaining("@SqlQuery");
  }

  @Test
  void thePreservedSideOfARightJoinIsNotRestrictedByItsOn() {
    JavaFileObject hosts = hosts(
        "@SqlQuery(\"SELECT h.* FROM host o RIGHT JOIN host h ON rowguard_tenant(h) AND rowguard_tenant(o)\")",
        "List<Host> all();");
    assertThat(compileHosts(hosts))
        .hadErrorContaining("[RowguardSqlTenantFilter] cannot implement Hosts.all(): host h does not restrict its"
            + " tenant key tenant_id")
        .inFile(hosts).onLineContaining("@SqlQuery");
  }

  @Test
  void failOpenFallbacksDoNotRestrict() {
    String[] conditions = {
        "h.tenant_id = COALESCE(NULLIF(current_setting('rowguard.tenant_id', true), '')::uuid, h.tenant_id)",
        "h.tenant_id = COALESCE(:tenant, current_setting('rowguard.tenant_id')::uuid)",
        "h.tenant_id = CASE WHEN :tenant IS NULL THEN current_setting('rowguard.tenant_id')::uuid ELSE :tenant END",
    };
    for (String condition : conditions) {
      JavaFileObject hosts = hosts(
          "@SqlQuery(\"SELECT h.* FROM host h WHERE " + condition + "\")",
          "List<Host> of(UUID tenant);");
      assertThat(compileHosts(hosts))
          .hadErrorContaining("[RowguardSqlTenantFilter] cannot implement Hosts.of(UUID): host h does not restrict "
              + "its tenant key tenant_id to the bound tenant")
          .inFile(hosts).onLineContaining("@SqlQuery");
    }
  }
}
