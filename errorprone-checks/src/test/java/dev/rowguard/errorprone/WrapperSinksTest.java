package dev.rowguard.errorprone;

import static com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode.TEXT_MATCH;

import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.bugpatterns.BugChecker;
import org.junit.jupiter.api.Test;

/**
 * The application's own JDBC helpers are sinks: a method whose String parameter reaches a database API unchanged
 * is checked at its callers, and its body is not reported for passing the SQL on. The helper is in its own
 * compilation unit, compiled after the DAO that calls it, as in a real source tree.
 */
final class WrapperSinksTest {
  private static final String[] DB = {
    "package com.example.db;",
    "",
    "import java.sql.Connection;",
    "import java.sql.ResultSet;",
    "import java.sql.SQLException;",
    "import java.sql.Statement;",
    "",
    "@dev.rowguard.annotations.AllowRawSql(\"the application's one JDBC helper\")",
    "public class Db {",
    "  public interface Work { int run(Statement statement) throws SQLException; }",
    "  private final Connection connection;",
    "",
    "  public Db(Connection connection) {",
    "    this.connection = connection;",
    "  }",
    "",
    "  public ResultSet query(String sql, Object... args) throws SQLException {",
    "    return connection.prepareStatement(sql).executeQuery();",
    "  }",
    "",
    "  public int update(String sql) throws SQLException {",
    "    return withStatement(statement -> statement.executeUpdate(sql));",
    "  }",
    "",
    "  public ResultSet queryWithTransaction(String sql) throws SQLException {",
    "    return query(sql);",
    "  }",
    "",
    "  public ResultSet limited(String sql) throws SQLException {",
    "    // BUG: Diagnostic contains: SQL handed to Db.query, which hands it to Connection.prepareStatement is built with + (`sql`)",
    "    return query(sql + \" LIMIT 10\");",
    "  }",
    "",
    "  public void log(String message) {",
    "    System.out.println(message);",
    "  }",
    "",
    "  int withStatement(Work work) throws SQLException {",
    "    try (Statement statement = connection.createStatement()) {",
    "      return work.run(statement);",
    "    }",
    "  }",
    "}",
  };

  /** {@link #DB} for checks that report nothing in it: the same helper without the one finding. */
  private static String[] dbWithoutFindings() {
    return java.util.Arrays.stream(DB).filter(line -> !line.contains("// BUG:")).toArray(String[]::new);
  }

  private static CompilationTestHelper helper(Class<? extends BugChecker> check, Class<?> test) {
    return Stubs.addTo(CompilationTestHelper.newInstance(check, test));
  }

  @Test
  void identification() {
    helper(RawSql.class, getClass())
        .addSourceLines(
            "com/example/dao/AssetDao.java",
            "package com.example.dao;",
            "",
            "import com.example.db.Db;",
            "",
            "class AssetDao {",
            "  static final String FILTERED = \"SELECT * FROM app.asset WHERE tenant_id = current_setting('rowguard.tenant_id')::uuid\";",
            "",
            "  void run(Db db, java.sql.Connection c) throws java.sql.SQLException {",
            "    // BUG: Diagnostic contains: Raw SQL handed to Db.query, which hands it to Connection.prepareStatement outside sanctioned code",
            "    db.query(FILTERED, 1);",
            "    // BUG: Diagnostic contains: Raw SQL handed to Db.update, which hands it to Statement.executeUpdate outside",
            "    db.update(\"DELETE FROM app.asset WHERE tenant_id = current_setting('rowguard.tenant_id')::uuid\");",
            "    // BUG: Diagnostic contains: Raw SQL handed to Db.queryWithTransaction, which hands it to Connection.prepareStatement",
            "    db.queryWithTransaction(FILTERED);",
            "    db.log(\"SELECT 1\");",
            "    new Db(c);",
            "  }",
            "}")
        .addSourceLines("com/example/db/Db.java", dbWithoutFindings())
        .doTest();

    helper(SqlConcatenation.class, getClass())
        .addSourceLines(
            "com/example/dao/AssetDao.java",
            "package com.example.dao;",
            "",
            "import com.example.db.Db;",
            "",
            "class AssetDao {",
            "  String dynamic;",
            "",
            "  void run(Db db, String name, String table) throws java.sql.SQLException {",
            "    // BUG: Diagnostic contains: SQL handed to Db.query, which hands it to Connection.prepareStatement is built with +: `name` is spliced in as a value",
            "    db.query(\"SELECT * FROM app.asset WHERE name = '\" + name + \"'\");",
            "    // BUG: Diagnostic contains: `table` is spliced in as a table, schema or column name",
            "    db.update(\"DELETE FROM \" + table);",
            "    // BUG: Diagnostic contains: Db.queryWithTransaction, which hands it to Connection.prepareStatement is not a constant (`dynamic`)",
            "    db.queryWithTransaction(dynamic);",
            "    db.log(\"hello \" + name);",
            "  }",
            "",
            "  // Passing its own parameter on unchanged makes this method a wrapper too: its callers are checked.",
            "  void byQuery(Db db, String sql) throws java.sql.SQLException {",
            "    db.query(sql);",
            "  }",
            "",
            "  void caller(Db db, long id) throws java.sql.SQLException {",
            "    // BUG: Diagnostic contains: SQL handed to AssetDao.byQuery, which hands it to Connection.prepareStatement is built with +: `id` is spliced in as a value",
            "    byQuery(db, \"SELECT * FROM app.asset WHERE id = \" + id);",
            "  }",
            "}")
        .addSourceLines("com/example/db/Db.java", DB)
        .doTest();

    helper(UnfilteredTenantQuery.class, getClass())
        .addSourceLines(
            "com/example/dao/AssetDao.java",
            "package com.example.dao;",
            "",
            "import com.example.db.Db;",
            "",
            "class AssetDao {",
            "  void run(Db db, String dynamic) throws java.sql.SQLException {",
            "    // BUG: Diagnostic contains: SELECT on tenanted table app.asset does not restrict tenant key tenant_id",
            "    db.query(\"SELECT * FROM app.asset WHERE hostname = ?\", \"h\");",
            "    // BUG: Diagnostic contains: DELETE on tenanted table app.asset",
            "    db.update(\"DELETE FROM app.asset\");",
            "    db.queryWithTransaction(\"SELECT * FROM app.asset WHERE tenant_id = current_setting('rowguard.tenant_id')::uuid\");",
            "    db.queryWithTransaction(dynamic);",
            "  }",
            "}")
        .addSourceLines("com/example/db/Db.java", dbWithoutFindings())
        .doTest();
  }

  private static final String[] SCRIPTS = {
    "package com.example.db;",
    "",
    "import java.sql.Connection;",
    "import java.sql.SQLException;",
    "import java.sql.Statement;",
    "import org.springframework.jdbc.core.JdbcOperations;",
    "",
    "@dev.rowguard.annotations.AllowRawSql(\"the application's script runner\")",
    "public class Scripts {",
    "  private final JdbcOperations jdbc;",
    "  private final Connection connection;",
    "",
    "  public Scripts(JdbcOperations jdbc, Connection connection) {",
    "    this.jdbc = jdbc;",
    "    this.connection = connection;",
    "  }",
    "",
    "  public void runEach(String... statements) throws SQLException {",
    "    for (String statement : statements) {",
    "      try (Statement s = connection.createStatement()) {",
    "        s.execute(statement);",
    "      }",
    "    }",
    "  }",
    "",
    "  public int[] batch(String... statements) {",
    "    return jdbc.batchUpdate(statements);",
    "  }",
    "",
    "  public void runAll(String... statements) throws SQLException {",
    "    runEach(statements);",
    "  }",
    "",
    "  public void log(String... lines) {",
    "    for (String line : lines) {",
    "      System.out.println(line);",
    "    }",
    "  }",
    "}",
  };

  /** A {@code String...} parameter whose array, or each element of it, reaches a sink: every argument is SQL. */
  @Test
  void identificationOfStringVarargsWrappers() {
    helper(SqlConcatenation.class, getClass())
        .addSourceLines(
            "com/example/dao/Setup.java",
            "package com.example.dao;",
            "",
            "import com.example.db.Scripts;",
            "",
            "class Setup {",
            "  String dynamic;",
            "",
            "  void run(Scripts scripts, String name) throws java.sql.SQLException {",
            "    // BUG: Diagnostic contains: SQL handed to Scripts.runEach, which hands it to Statement.execute is built with +: `name` is spliced in as a value",
            "    scripts.runEach(\"SELECT 1\", \"DELETE FROM app.asset WHERE hostname = '\" + name + \"'\");",
            "    // BUG: Diagnostic contains: SQL handed to Scripts.batch, which hands it to JdbcOperations.batchUpdate is built with +",
            "    scripts.batch(\"UPDATE app.asset SET hostname = '\" + name + \"'\");",
            "    // BUG: Diagnostic contains: SQL handed to Scripts.runAll, which hands it to Statement.execute is not a constant (`dynamic`)",
            "    scripts.runAll(\"SELECT 1\", dynamic);",
            "    scripts.runEach(\"SELECT 1\", \"SELECT 2\");",
            "    scripts.log(\"hello \" + name, dynamic);",
            "    // An array passed as it is cannot be judged element by element.",
            "    scripts.runEach(new String[] {dynamic});",
            "  }",
            "}")
        .addSourceLines("com/example/db/Scripts.java", SCRIPTS)
        .doTest();

    helper(RawSql.class, getClass())
        .addSourceLines(
            "com/example/dao/Setup.java",
            "package com.example.dao;",
            "",
            "import com.example.db.Scripts;",
            "",
            "class Setup {",
            "  void run(Scripts scripts) throws java.sql.SQLException {",
            "    // BUG: Diagnostic contains: Raw SQL handed to Scripts.runEach, which hands it to Statement.execute outside sanctioned code",
            "    scripts.runEach(\"SELECT 1\");",
            "    scripts.log(\"SELECT 1\");",
            "  }",
            "}")
        .addSourceLines("com/example/db/Scripts.java", SCRIPTS)
        .doTest();

    helper(UnfilteredTenantQuery.class, getClass())
        .addSourceLines(
            "com/example/dao/Setup.java",
            "package com.example.dao;",
            "",
            "import com.example.db.Scripts;",
            "",
            "class Setup {",
            "  void run(Scripts scripts) throws java.sql.SQLException {",
            "    // BUG: Diagnostic contains: DELETE on tenanted table app.asset",
            "    scripts.runAll(\"SELECT 1\", \"DELETE FROM app.asset\");",
            "  }",
            "}")
        .addSourceLines("com/example/db/Scripts.java", SCRIPTS)
        .doTest();
  }

  @Test
  void identificationWithSinkFlag() {
    String[] library = {
      "package com.example.lib;",
      "// Stands in for a library: its body hands nothing to a database API the analysis can see.",
      "public final class Sql {",
      "  public static int strings(String sql, Object... args) { return 0; }",
      "  public static int strings(String sql) { return 0; }",
      "}",
    };
    String[] caller = {
      "class A {",
      "  void run(String name) {",
      "    // BUG: Diagnostic contains: Raw SQL handed to Sql.strings outside sanctioned code",
      "    com.example.lib.Sql.strings(\"SELECT 1\", 1);",
      "    // Another overload: not named by the flag.",
      "    com.example.lib.Sql.strings(\"SELECT 1\");",
      "  }",
      "}",
    };
    CompilationTestHelper.newInstance(RawSql.class, getClass())
        .setArgs("-XepOpt:Rowguard:SqlSinks=com.example.lib.Sql#strings(java.lang.String,java.lang.Object...),"
            + "com.example.Other#run")
        .addSourceLines("com/example/lib/Sql.java", library)
        .addSourceLines("A.java", caller)
        .doTest();
    CompilationTestHelper.newInstance(SqlConcatenation.class, getClass())
        .setArgs("-XepOpt:Rowguard:SqlSinks=com.example.lib.Sql#strings")
        .addSourceLines("com/example/lib/Sql.java", library)
        .addSourceLines(
            "A.java",
            "class A {",
            "  void run(String name) {",
            "    // BUG: Diagnostic contains: SQL handed to Sql.strings is built with +: `name` is spliced in as a value",
            "    com.example.lib.Sql.strings(\"SELECT * FROM app.asset WHERE name = '\" + name + \"'\");",
            "  }",
            "}")
        .doTest();
    // Without the flag the library is no sink.
    CompilationTestHelper.newInstance(RawSql.class, getClass())
        .addSourceLines("com/example/lib/Sql.java", library)
        .addSourceLines("A.java", "class A {", "  void run() {", "    com.example.lib.Sql.strings(\"SELECT 1\", 1);",
            "  }", "}")
        .doTest();
  }

  @Test
  void identificationThroughInterfaceAndBaseClass() {
    // The caller knows only the interface and the base class; implementations in the compilation are wrappers.
    CompilationTestHelper.newInstance(SqlConcatenation.class, getClass())
        .addSourceLines(
            "A.java",
            "class A {",
            "  void run(com.example.db.Queries queries, com.example.db.Base base, String name) throws Exception {",
            "    // BUG: Diagnostic contains: SQL handed to Queries.find, which hands it to Connection.prepareStatement"
                + " is built with +: `name` is spliced in as a value",
            "    queries.find(\"SELECT * FROM app.asset WHERE name = '\" + name + \"'\");",
            "    // BUG: Diagnostic contains: SQL handed to Base.run, which hands it to Statement.execute is built"
                + " with +: `name`",
            "    base.run(\"DELETE FROM app.asset WHERE name = '\" + name + \"'\");",
            "    // Reaches no sink in any implementation.",
            "    queries.describe(\"x\" + name);",
            "  }",
            "}")
        .addSourceLines(
            "com/example/db/Queries.java",
            "package com.example.db;",
            "public interface Queries {",
            "  java.sql.ResultSet find(String sql) throws java.sql.SQLException;",
            "  String describe(String text);",
            "}")
        .addSourceLines(
            "com/example/db/Base.java",
            "package com.example.db;",
            "public abstract class Base {",
            "  public abstract void run(String sql) throws java.sql.SQLException;",
            "}")
        .addSourceLines(
            "com/example/db/JdbcQueries.java",
            "package com.example.db;",
            "",
            "@dev.rowguard.annotations.AllowRawSql(\"the application's one JDBC helper\")",
            "public class JdbcQueries extends Base implements Queries {",
            "  private final java.sql.Connection connection;",
            "",
            "  public JdbcQueries(java.sql.Connection connection) {",
            "    this.connection = connection;",
            "  }",
            "",
            "  @Override",
            "  public java.sql.ResultSet find(String sql) throws java.sql.SQLException {",
            "    return connection.prepareStatement(sql).executeQuery();",
            "  }",
            "",
            "  @Override",
            "  public String describe(String text) {",
            "    return text.trim();",
            "  }",
            "",
            "  @Override",
            "  public void run(String sql) throws java.sql.SQLException {",
            "    try (java.sql.Statement statement = connection.createStatement()) {",
            "      statement.execute(sql);",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void identificationThroughRecursion() {
    // `top` is summarised first (its caller comes first); `mid` reaches the sink only through `top`, which is
    // still being summarised when `mid` is: mid's callers are checked all the same.
    CompilationTestHelper.newInstance(RawSql.class, getClass())
        .addSourceLines(
            "A.java",
            "class A {",
            "  void run(com.example.db.Tree tree) throws java.sql.SQLException {",
            "    // BUG: Diagnostic contains: Raw SQL handed to Tree.top, which hands it to Statement.executeQuery",
            "    tree.top(\"SELECT 1\", 2);",
            "    // BUG: Diagnostic contains: Raw SQL handed to Tree.mid, which hands it to Statement.executeQuery",
            "    tree.mid(\"SELECT 2\", 2);",
            "  }",
            "}")
        .addSourceLines(
            "com/example/db/Tree.java",
            "package com.example.db;",
            "",
            "@dev.rowguard.annotations.AllowRawSql(\"the application's one JDBC helper\")",
            "public class Tree {",
            "  private final java.sql.Statement statement;",
            "",
            "  public Tree(java.sql.Statement statement) {",
            "    this.statement = statement;",
            "  }",
            "",
            "  public java.sql.ResultSet top(String sql, int depth) throws java.sql.SQLException {",
            "    return depth > 0 ? mid(sql, depth - 1) : statement.executeQuery(sql);",
            "  }",
            "",
            "  public java.sql.ResultSet mid(String sql, int depth) throws java.sql.SQLException {",
            "    return top(sql, depth);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void identificationOfMalformedSinkFlag() {
    String[] library = {
      "package com.example.lib;",
      "public final class Sql {",
      "  public static int strings(String sql, Object... args) { return 0; }",
      "}",
    };
    // Said once per compilation, on the first compilation unit; the entries that can be read are used.
    CompilationTestHelper.newInstance(RawSql.class, getClass())
        .setArgs("-XepOpt:Rowguard:SqlSinks=com.example.lib.Sql#strings,com.example.Db#query(java.util.List<String>),"
            + "no-hash-here")
        .addSourceLines(
            "A.java",
            "// BUG: Diagnostic contains: -XepOpt:Rowguard:SqlSinks has entries that cannot be read:"
                + " `com.example.Db#query(java.util.List<String>)`, `no-hash-here`; write each as <class>#<method>"
                + " or <class>#<method>(<erased parameter types>)",
            "class A {",
            "  void run() {",
            "    // BUG: Diagnostic contains: Raw SQL handed to Sql.strings outside sanctioned code",
            "    com.example.lib.Sql.strings(\"SELECT 1\", 1);",
            "  }",
            "}")
        .addSourceLines("com/example/lib/Sql.java", library)
        .doTest();
    CompilationTestHelper.newInstance(UnfilteredTenantQuery.class, getClass())
        .setArgs("-XepOpt:Rowguard:SqlSinks=com.example.lib.Sql#strings(java.lang.String")
        .addSourceLines(
            "A.java",
            "// BUG: Diagnostic contains: -XepOpt:Rowguard:SqlSinks has an entry that cannot be read:"
                + " `com.example.lib.Sql#strings(java.lang.String`",
            "class A {}")
        .addSourceLines("com/example/lib/Sql.java", library)
        .doTest();
  }

  @Test
  void identificationOfShippedSinks() {
    helper(RawSql.class, getClass())
        .addSourceLines(
            "Migration.java",
            "import liquibase.database.jvm.JdbcConnection;",
            "import liquibase.statement.core.RawParameterizedSqlStatement;",
            "import liquibase.statement.core.RawSqlStatement;",
            "import org.springframework.jdbc.core.simple.SimpleJdbcCall;",
            "import org.springframework.jdbc.core.simple.SimpleJdbcInsert;",
            "import org.springframework.jdbc.core.simple.SimpleJdbcInsertOperations;",
            "",
            "class Migration {",
            "  void run(JdbcConnection connection, javax.sql.DataSource ds, SimpleJdbcInsertOperations ops) {",
            "    // BUG: Diagnostic contains: Raw SQL handed to new RawSqlStatement outside sanctioned code",
            "    new RawSqlStatement(\"UPDATE app.country SET name = 'x'\");",
            "    // BUG: Diagnostic contains: Raw SQL handed to new RawParameterizedSqlStatement outside sanctioned code",
            "    new RawParameterizedSqlStatement(\"UPDATE app.country SET name = ?\", \"x\");",
            "    // BUG: Diagnostic contains: Raw SQL handed to JdbcConnection.prepareStatement outside sanctioned code",
            "    connection.prepareStatement(\"SELECT 1\");",
            "    // BUG: Diagnostic contains: A table or routine name, which the library builds SQL from, handed to SimpleJdbcInsert.withTableName outside sanctioned code",
            "    new SimpleJdbcInsert(ds).withTableName(\"country\");",
            "    // BUG: Diagnostic contains: handed to SimpleJdbcInsertOperations.withSchemaName outside sanctioned code",
            "    ops.withSchemaName(\"app\");",
            "    // BUG: Diagnostic contains: handed to SimpleJdbcCall.withProcedureName outside sanctioned code",
            "    new SimpleJdbcCall(ds).withProcedureName(\"archive\");",
            "  }",
            "}")
        .doTest();

    helper(SqlConcatenation.class, getClass())
        .addSourceLines(
            "Migration.java",
            "import liquibase.statement.core.RawSqlStatement;",
            "import org.springframework.jdbc.core.simple.SimpleJdbcInsert;",
            "",
            "class Migration {",
            "  void run(javax.sql.DataSource ds, String tenant, String id) {",
            "    // BUG: Diagnostic contains: The name handed to SimpleJdbcInsert.withTableName is built with +: `tenant` is spliced in as a table, schema or column name",
            "    new SimpleJdbcInsert(ds).withTableName(\"asset_\" + tenant);",
            "    // BUG: Diagnostic contains: SQL handed to new RawSqlStatement is built with +: `id` is spliced in as a value",
            "    new RawSqlStatement(\"DELETE FROM app.asset WHERE id = \" + id);",
            "  }",
            "}")
        .doTest();

    helper(UnfilteredTenantQuery.class, getClass())
        .addSourceLines(
            "Migration.java",
            "import liquibase.statement.core.RawSqlStatement;",
            "import org.springframework.jdbc.core.simple.SimpleJdbcInsert;",
            "",
            "class Migration {",
            "  void run(javax.sql.DataSource ds) {",
            "    // BUG: Diagnostic contains: UPDATE on tenanted table app.asset does not restrict tenant key tenant_id",
            "    new RawSqlStatement(\"UPDATE app.asset SET hostname = 'x'\");",
            "    // A table name is no statement to check.",
            "    new SimpleJdbcInsert(ds).withTableName(\"app.asset\");",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void replacement() {
    // A wrapper may do anything with the values after the SQL: no bind-parameter rewrite at its calls.
    Stubs.addTo(Refactoring.of(SqlConcatenation.class, getClass()))
        .addInputLines("com/example/db/Db.java", dbWithoutFindings())
        .expectUnchanged()
        .addInputLines(
            "com/example/dao/AssetDao.java",
            "package com.example.dao;",
            "",
            "class AssetDao {",
            "  void run(com.example.db.Db db, long id) throws java.sql.SQLException {",
            "    db.query(\"SELECT * FROM app.asset WHERE id = \" + id);",
            "  }",
            "}")
        .expectUnchanged()
        .doTest(TEXT_MATCH);
  }
}
