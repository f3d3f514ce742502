package dev.rowguard.errorprone;

import static com.google.common.truth.Truth.assertThat;
import static com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode.TEXT_MATCH;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

final class RawSqlTest {
  @Test
  void identification() {
    Stubs.addTo(CompilationTestHelper.newInstance(RawSql.class, getClass()))
        .addSourceLines(
            "A.java",
            "import dev.rowguard.annotations.AllowRawSql;",
            "import java.sql.Connection;",
            "import java.sql.PreparedStatement;",
            "import java.sql.SQLException;",
            "import java.sql.Statement;",
            "import java.util.concurrent.Executor;",
            "import jakarta.persistence.EntityManager;",
            "import org.hibernate.Session;",
            "import org.jooq.DSLContext;",
            "import org.springframework.jdbc.core.JdbcTemplate;",
            "import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;",
            "import org.springframework.web.client.RestTemplate;",
            "",
            "class A {",
            "  interface SqlConsumer { void accept(String sql) throws SQLException; }",
            "  static final String SQL = \"SELECT 1\";",
            "",
            "  void jdbc(Connection connection, Statement statement, PreparedStatement prepared) throws SQLException {",
            "    // BUG: Diagnostic contains: Raw SQL handed to Statement.execute outside sanctioned code",
            "    statement.execute(\"SELECT 1\");",
            "    // BUG: Diagnostic contains: Statement.executeQuery",
            "    statement.executeQuery(SQL);",
            "    // BUG: Diagnostic contains: Statement.addBatch",
            "    statement.addBatch(SQL);",
            "    // BUG: Diagnostic contains: Connection.prepareStatement",
            "    connection.prepareStatement(SQL);",
            "    // BUG: Diagnostic contains: Connection.prepareCall",
            "    connection.prepareCall(SQL);",
            "    // SQL that is not a constant (a method reference's comes from its caller) is one finding, SqlConcatenation's,",
            "    // which says that it is raw SQL too (SqlConcatenationTest, ErrorProneBuildTest).",
            "    SqlConsumer batch = statement::addBatch;",
            "    statement.execute(\"SELECT \" + prepared);",
            "    // A PreparedStatement executes the SQL it was prepared with: no SQL is handed over here.",
            "    prepared.execute();",
            "    prepared.executeQuery();",
            "  }",
            "",
            "  void libraries(JdbcTemplate jdbc, NamedParameterJdbcOperations named, EntityManager em,",
            "      Session session, DSLContext dsl) {",
            "    // BUG: Diagnostic contains: JdbcOperations.update",
            "    jdbc.update(SQL, ps -> ps.setLong(1, 42L));",
            "    // BUG: Diagnostic contains: NamedParameterJdbcOperations.update",
            "    named.update(SQL, java.util.Map.of());",
            "    // BUG: Diagnostic contains: EntityManager.createNativeQuery",
            "    em.createNativeQuery(SQL);",
            "    // Session inherits createNativeQuery from EntityManager and SharedSessionContract; javac picks either.",
            "    // BUG: Diagnostic contains: .createNativeQuery outside sanctioned code",
            "    session.createNativeQuery(SQL);",
            "    // BUG: Diagnostic contains: DSLContext.fetch",
            "    dsl.fetch(SQL);",
            "    // BUG: Diagnostic contains: DSLContext.execute",
            "    dsl.execute(SQL, 1);",
            "    // JPQL and jOOQ's type-safe API are not raw SQL.",
            "    em.createQuery(\"SELECT a FROM Asset a\");",
            "    dsl.fetch((org.jooq.Table<org.jooq.Record>) null);",
            "  }",
            "",
            "  void notDatabaseApis(RestTemplate rest, Executor executor) {",
            "    rest.execute(\"http://example.com\", \"GET\", null, null);",
            "    executor.execute(() -> {});",
            "  }",
            "",
            "  @AllowRawSql(\"bulk archive job: the generated repository has no batch delete\")",
            "  void sanctionedMethod(Statement statement) throws SQLException {",
            "    statement.execute(SQL);",
            "    Runnable inLambda = () -> em().createNativeQuery(SQL);",
            "  }",
            "",
            "  // BUG: Diagnostic contains: @AllowRawSql needs a reason",
            "  @AllowRawSql(\"  \")",
            "  void blankReason(Statement statement) throws SQLException {",
            "    // BUG: Diagnostic contains: Raw SQL",
            "    statement.execute(SQL);",
            "  }",
            "",
            "  EntityManager em() {",
            "    return null;",
            "  }",
            "}")
        .addSourceLines(
            "B.java",
            "import dev.rowguard.annotations.AllowRawSql;",
            "import java.sql.SQLException;",
            "import java.sql.Statement;",
            "",
            "@AllowRawSql(\"database administration tool\")",
            "class B {",
            "  void any(Statement statement) throws SQLException {",
            "    statement.execute(\"VACUUM\");",
            "  }",
            "}")
        .addSourceLines(
            "AssetRepositoryImpl.java",
            "import java.sql.SQLException;",
            "import java.sql.Statement;",
            "import javax.annotation.processing.Generated;",
            "",
            "@Generated(\"dev.rowguard.processor.RowguardProcessor\")",
            "class AssetRepositoryImpl {",
            "  void delete(Statement statement) throws SQLException {",
            "    statement.execute(\"DELETE FROM app.asset WHERE tenant_id = current_setting('rowguard.tenant_id')::uuid\");",
            "  }",
            "}")
        .addSourceLines(
            "NotOurs.java",
            "import java.sql.SQLException;",
            "import java.sql.Statement;",
            "import javax.annotation.processing.Generated;",
            "",
            "@Generated(\"com.example.OtherGenerator\")",
            "class NotOurs {",
            "  void delete(Statement statement) throws SQLException {",
            "    // BUG: Diagnostic contains: Raw SQL",
            "    statement.execute(\"DELETE FROM app.asset\");",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void identificationWithAllowedPackages() {
    CompilationTestHelper.newInstance(RawSql.class, getClass())
        .setArgs("-XepOpt:RawSql:AllowedPackages=com.example.migrations,com.example.admin")
        .addSourceLines(
            "com/example/migrations/v1/V1.java",
            "package com.example.migrations.v1;",
            "class V1 {",
            "  void migrate(java.sql.Statement statement) throws java.sql.SQLException {",
            "    statement.execute(\"CREATE TABLE t (id int)\");",
            "  }",
            "}")
        .addSourceLines(
            "com/example/migrationsextra/X.java",
            "package com.example.migrationsextra;",
            "class X {",
            "  void migrate(java.sql.Statement statement) throws java.sql.SQLException {",
            "    // BUG: Diagnostic contains: Raw SQL",
            "    statement.execute(\"CREATE TABLE t (id int)\");",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void identificationWithoutSpringOrJooqOnTheClasspath() {
    assertThrows(ClassNotFoundException.class, () -> Class.forName("org.springframework.jdbc.core.JdbcOperations"));
    assertThrows(ClassNotFoundException.class, () -> Class.forName("org.jooq.DSLContext"));
    assertThat(getClass().getClassLoader().getResource("org/hibernate/Session.class")).isNull();
    CompilationTestHelper.newInstance(RawSql.class, getClass())
        .addSourceLines(
            "A.java",
            "class A {",
            "  void run(java.sql.Statement statement, java.util.concurrent.Executor executor) throws Exception {",
            "    executor.execute(() -> {});",
            "    // BUG: Diagnostic contains: Raw SQL",
            "    statement.execute(\"SELECT 1\");",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void replacement() {
    // Raw SQL has no mechanical replacement: the check offers no fix, and so rewrites nothing.
    Refactoring.of(RawSql.class, getClass())
        .addInputLines(
            "A.java",
            "class A {",
            "  void run(java.sql.Statement statement) throws java.sql.SQLException {",
            "    statement.execute(\"SELECT 1\");",
            "  }",
            "}")
        .expectUnchanged()
        .doTest(TEXT_MATCH);
  }
}
