package dev.rowguard.errorprone;

import static com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode.TEXT_MATCH;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.scanner.ScannerSupplier;
import org.junit.jupiter.api.Test;

final class SqlConcatenationTest {
  @Test
  void identification() {
    Stubs.addTo(CompilationTestHelper.newInstance(SqlConcatenation.class, getClass()))
        .addSourceLines(
            "A.java",
            "import dev.rowguard.annotations.AllowRawSql;",
            "import java.sql.Connection;",
            "import java.sql.SQLException;",
            "import java.sql.Statement;",
            "import jakarta.persistence.EntityManager;",
            "import org.jooq.DSLContext;",
            "import org.springframework.jdbc.core.JdbcTemplate;",
            "import org.springframework.web.client.RestTemplate;",
            "",
            "class A {",
            "  interface SqlConsumer { void accept(String sql) throws SQLException; }",
            "  enum Status { ACTIVE, RETIRED }",
            "  static final String TABLE = \"app.asset\";",
            "  static final String SELECT = \"SELECT id FROM \" + TABLE;",
            "  static final int LIMIT = 100;",
            "  String configured;",
            "",
            "  @AllowRawSql(\"sanctioned code is checked too\")",
            "  void nonConstant(Connection c, Statement s, JdbcTemplate jdbc, EntityManager em, DSLContext dsl,",
            "      long id, String name, String sql, String table, String schema, String column) throws SQLException {",
            "    // BUG: Diagnostic contains: is built with +: `table` is spliced in as a table, schema or column name, which cannot be a bind parameter; use a constant name",
            "    s.execute(\"SELECT * FROM \" + table + \" WHERE id = 1\");",
            "    // BUG: Diagnostic contains: `schema` is spliced in as a table, schema or column name",
            "    s.execute(\"SELECT * FROM \" + schema + \".asset\");",
            "    // BUG: Diagnostic contains: `column` is spliced in as a table, schema or column name",
            "    s.execute(SELECT + \" ORDER BY \" + column);",
            "    // BUG: Diagnostic contains: `table` is spliced in as a table, schema or column name",
            "    s.execute(String.format(\"SELECT * FROM %s\", table));",
            "    // BUG: Diagnostic contains: built with String.format/formatted: `name` is spliced in as a value; pass it as a bind parameter",
            "    s.execute(String.format(\"SELECT * FROM %s WHERE name = '%s'\", TABLE, name));",
            "    // BUG: Diagnostic contains: built with a StringBuilder: `table` is spliced in as a table",
            "    s.execute(new StringBuilder(\"DELETE FROM \").append(table).toString());",
            "    // The finding is on the call's line, not on the line of the outermost +.",
            "    // BUG: Diagnostic contains: built with +: `id` is spliced in as a value",
            "    c.prepareStatement(\"SELECT * FROM app.asset\"",
            "        + \" WHERE id = \" + id);",
            "    // BUG: Diagnostic contains: SQL handed to Connection.prepareStatement is built with +",
            "    c.prepareStatement(\"SELECT * FROM app.asset WHERE id = \" + id);",
            "    // BUG: Diagnostic contains: built with String.format/formatted",
            "    s.execute(String.format(\"DELETE FROM app.asset WHERE name = '%s'\", name));",
            "    // BUG: Diagnostic contains: built with String.format/formatted",
            "    s.execute(\"DELETE FROM app.asset WHERE name = '%s'\".formatted(name));",
            "    // BUG: Diagnostic contains: built with String.concat",
            "    s.execute(SELECT.concat(name));",
            "    // BUG: Diagnostic contains: built with a StringBuilder",
            "    s.execute(new StringBuilder(SELECT).append(\" WHERE id = \").append(id).toString());",
            "    // A String parameter passed on unchanged makes this method a wrapper: its callers are checked.",
            "    em.createNativeQuery(sql);",
            "    // BUG: Diagnostic contains: is not a constant (`configured`); write the SQL as a constant",
            "    em.createNativeQuery(configured);",
            "    // BUG: Diagnostic contains: JdbcOperations.update",
            "    jdbc.update(\"UPDATE app.asset SET name = '\" + name + \"'\");",
            "    // BUG: Diagnostic contains: DSLContext.fetch",
            "    dsl.fetch(SELECT + \" WHERE id = \" + id);",
            "    String built = SELECT + \" WHERE name = '\" + name + \"'\";",
            "    // BUG: Diagnostic contains: is not a constant",
            "    s.execute(built);",
            "    String reassigned = SELECT;",
            "    reassigned = reassigned + \" LIMIT 1\";",
            "    // BUG: Diagnostic contains: is not a constant",
            "    s.execute(reassigned);",
            "    // BUG: Diagnostic contains: Statement.addBatch through a method reference is not a constant",
            "    SqlConsumer batch = s::addBatch;",
            "    // BUG: Diagnostic contains: JdbcOperations.batchUpdate",
            "    jdbc.batchUpdate(SELECT, configured);",
            "  }",
            "",
            "  void constants(Connection c, Statement s, JdbcTemplate jdbc, DSLContext dsl, RestTemplate rest,",
            "      java.util.concurrent.Executor executor, long id, String name, boolean all) throws SQLException {",
            "    c.prepareStatement(\"SELECT * FROM app.asset WHERE id = ?\");",
            "    s.execute(SELECT + \" WHERE id = \" + 42 + \" LIMIT \" + LIMIT);",
            "    s.execute(SELECT + \" WHERE status = '\" + Status.ACTIVE + \"'\");",
            "    s.execute(SELECT + \" WHERE status = '\" + Status.RETIRED.name() + \"'\");",
            "    final String local = \"SELECT 1\";",
            "    s.execute(local);",
            "    String effectivelyFinal = SELECT + \" WHERE id = ?\";",
            "    c.prepareStatement(effectivelyFinal);",
            "    s.execute(all ? SELECT : SELECT + \" LIMIT 1\");",
            "    // Values passed as bind parameters are not SQL text.",
            "    jdbc.update(\"UPDATE app.asset SET name = ? WHERE id = ?\", name, id);",
            "    jdbc.update(\"UPDATE app.asset SET name = ? WHERE id = ?\", ps -> {",
            "      ps.setString(1, name);",
            "      ps.setLong(2, id);",
            "    });",
            "    dsl.fetch(\"SELECT * FROM app.asset WHERE name = ?\", name);",
            "    jdbc.batchUpdate(SELECT, \"SELECT 2\");",
            "    // Not database APIs.",
            "    rest.execute(\"http://example.com/\" + id, \"GET\", null, null);",
            "    executor.execute(() -> System.out.println(\"SELECT \" + id));",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void identificationOfConstantTemplates() {
    Stubs.addTo(CompilationTestHelper.newInstance(SqlConcatenation.class, getClass()))
        .addSourceLines(
            "AssetDao.java",
            "import dev.rowguard.annotations.AllowRawSql;",
            "import java.sql.Statement;",
            "",
            "@AllowRawSql(\"DAO layer\")",
            "class AssetDao {",
            "  static final String TABLE_PREFIX = \"app.\";",
            "  static final String BY_ID = \"SELECT * FROM {prefix}asset WHERE id = ?\";",
            "",
            "  void run(Statement s, String prefix, long id) throws java.sql.SQLException {",
            "    // A helper that only inserts constants, called with constants, is constant.",
            "    s.execute(Sql.rtp(BY_ID, TABLE_PREFIX));",
            "    s.execute(Sql.table(TABLE_PREFIX) + \" WHERE id = 1\");",
            "    s.execute(Sql.join(\"SELECT 1\", \"LIMIT 1\"));",
            "    // BUG: Diagnostic contains: built with + (`Sql.rtp(BY_ID, prefix)`)",
            "    s.execute(Sql.rtp(BY_ID, prefix) + \" LIMIT 1\");",
            "    // BUG: Diagnostic contains: is not a constant (`Sql.rtp(BY_ID, prefix)`)",
            "    s.execute(Sql.rtp(BY_ID, prefix));",
            "    // Overridable: a subclass may return anything.",
            "    // BUG: Diagnostic contains: is not a constant (`new Sql().open(BY_ID)`)",
            "    s.execute(new Sql().open(BY_ID));",
            "    // Not only constants: the helper adds a value of its own.",
            "    // BUG: Diagnostic contains: is not a constant (`Sql.stamped(BY_ID)`)",
            "    s.execute(Sql.stamped(BY_ID));",
            "  }",
            "}")
        .addSourceLines(
            "Sql.java",
            "class Sql {",
            "  static String rtp(String sql, String prefix) {",
            "    return sql.replace(\"{prefix}\", prefix);",
            "  }",
            "  static String table(String prefix) {",
            "    return \"SELECT * FROM \" + prefix + \"asset\";",
            "  }",
            "  static String join(String a, String b) {",
            "    return String.format(\"%s %s\", a, b);",
            "  }",
            "  String open(String sql) {",
            "    return sql;",
            "  }",
            "  static String stamped(String sql) {",
            "    return sql + System.nanoTime();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void identificationOutsideSanctionedCodeSaysRawSqlToo() {
    Stubs.addTo(CompilationTestHelper.newInstance(
            ScannerSupplier.fromBugCheckerClasses(RawSql.class, SqlConcatenation.class), getClass()))
        .addSourceLines(
            "A.java",
            "import java.sql.Statement;",
            "",
            "class A {",
            "  void run(Statement s, long id) throws java.sql.SQLException {",
            "    // BUG: Diagnostic contains: `id` is spliced in as a value; pass it as a bind parameter instead (`?` or `:name` in constant SQL, the value as an argument). It is also raw SQL outside sanctioned code (RawSql): use a Rowguard repository",
            "    s.execute(\"DELETE FROM app.asset WHERE id = \" + id);",
            "    // BUG: Diagnostic contains: Raw SQL handed to Statement.execute outside sanctioned code",
            "    s.execute(\"DELETE FROM app.asset WHERE id = 1\");",
            "  }",
            "",
            "  @dev.rowguard.annotations.AllowRawSql(\"archive job\")",
            "  void sanctioned(Statement s, long id) throws java.sql.SQLException {",
            "    // BUG: Diagnostic matches: notRaw",
            "    s.execute(\"DELETE FROM app.asset WHERE id = \" + id);",
            "  }",
            "}")
        .expectErrorMessage("notRaw", m -> m.contains("[SqlConcatenation]") && !m.contains("RawSql"))
        .doTest();
  }

  @Test
  void replacement() {
    Stubs.addTo(Refactoring.of(SqlConcatenation.class, getClass()))
        .addInputLines(
            "A.java",
            "import java.sql.Connection;",
            "import org.jooq.DSLContext;",
            "import org.springframework.jdbc.core.JdbcTemplate;",
            "",
            "class A {",
            "  static final String SELECT = \"SELECT id FROM app.asset\";",
            "",
            "  void run(Connection c, JdbcTemplate jdbc, DSLContext dsl, long id, Integer limit, String name)",
            "      throws Exception {",
            "    jdbc.update(\"DELETE FROM app.asset WHERE id = \" + id);",
            "    jdbc.queryForObject(SELECT + \" WHERE id = \" + id + \" AND rank < \" + limit, Long.class);",
            "    dsl.fetch(SELECT + \" WHERE id IN (\" + id + \", \" + (id + 1) + \")\");",
            "    // No fix: a quoted value would change type (varchar instead of an untyped literal).",
            "    jdbc.update(\"DELETE FROM app.asset WHERE name = '\" + name + \"'\");",
            "    // No fix: JDBC binds values in later calls on the statement.",
            "    c.prepareStatement(\"SELECT * FROM app.asset WHERE id = \" + id);",
            "    // No fix: bind values already passed.",
            "    jdbc.update(\"DELETE FROM app.asset WHERE id = \" + id + \" AND name = ?\", name);",
            "  }",
            "}")
        .addOutputLines(
            "A.java",
            "import java.sql.Connection;",
            "import org.jooq.DSLContext;",
            "import org.springframework.jdbc.core.JdbcTemplate;",
            "",
            "class A {",
            "  static final String SELECT = \"SELECT id FROM app.asset\";",
            "",
            "  void run(Connection c, JdbcTemplate jdbc, DSLContext dsl, long id, Integer limit, String name)",
            "      throws Exception {",
            "    jdbc.update(\"DELETE FROM app.asset WHERE id = ?\", id);",
            "    jdbc.queryForObject(",
            "        \"SELECT id FROM app.asset WHERE id = ? AND rank < ?\", Long.class, id, limit);",
            "    dsl.fetch(\"SELECT id FROM app.asset WHERE id IN (?, ?)\", id, id + 1);",
            "    // No fix: a quoted value would change type (varchar instead of an untyped literal).",
            "    jdbc.update(\"DELETE FROM app.asset WHERE name = '\" + name + \"'\");",
            "    // No fix: JDBC binds values in later calls on the statement.",
            "    c.prepareStatement(\"SELECT * FROM app.asset WHERE id = \" + id);",
            "    // No fix: bind values already passed.",
            "    jdbc.update(\"DELETE FROM app.asset WHERE id = \" + id + \" AND name = ?\", name);",
            "  }",
            "}")
        .doTest(TEXT_MATCH);
  }

  @Test
  void rowguardGeneratedRepositoriesAreExemptOthersAreNot() {
    Stubs.addTo(CompilationTestHelper.newInstance(SqlConcatenation.class, getClass()))
        .addSourceLines(
            "Generated.java",
            "import java.sql.Connection;",
            "import java.sql.SQLException;",
            "import java.util.List;",
            "",
            "@javax.annotation.processing.Generated(\"dev.rowguard.processor.RowguardProcessor\")",
            "class AssetRepositoryJdbc {",
            "  static final String FIND_ALL = \"SELECT id FROM app.asset WHERE client_account_id = ?\";",
            "  void findAll(Connection c, List<String> order) throws SQLException {",
            "    String sql = FIND_ALL + \" ORDER BY \" + String.join(\", \", order);",
            "    c.prepareStatement(sql);",
            "  }",
            "}",
            "",
            "@javax.annotation.processing.Generated(\"com.example.OtherGenerator\")",
            "class OtherGenerated {",
            "  void find(Connection c, String name) throws SQLException {",
            "    // BUG: Diagnostic contains: built with +",
            "    c.prepareStatement(\"SELECT id FROM app.asset WHERE name = '\" + name + \"'\");",
            "  }",
            "}")
        .doTest();
  }
}
