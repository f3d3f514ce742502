package dev.rowguard.errorprone;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.CompilationTestHelper;

/**
 * Minimal sources of the Spring, JPA, Hibernate, jOOQ and Liquibase types the checks match, so that those libraries
 * need not be test dependencies. Only the members the tests call are declared.
 */
final class Stubs {
  static final String[][] SOURCES = {
    {"org/springframework/jdbc/core/RowMapper.java",
        "package org.springframework.jdbc.core;",
        "public interface RowMapper<T> { T mapRow(java.sql.ResultSet rs, int rowNum) throws java.sql.SQLException; }"},
    {"org/springframework/jdbc/core/PreparedStatementSetter.java",
        "package org.springframework.jdbc.core;",
        "public interface PreparedStatementSetter {",
        "  void setValues(java.sql.PreparedStatement ps) throws java.sql.SQLException;",
        "}"},
    {"org/springframework/jdbc/core/JdbcOperations.java",
        "package org.springframework.jdbc.core;",
        "public interface JdbcOperations {",
        "  void execute(String sql);",
        "  int update(String sql);",
        "  int update(String sql, Object... args);",
        "  int update(String sql, PreparedStatementSetter pss);",
        "  <T> java.util.List<T> query(String sql, RowMapper<T> rowMapper, Object... args);",
        "  <T> T queryForObject(String sql, Class<T> requiredType);",
        "  <T> T queryForObject(String sql, Class<T> requiredType, Object... args);",
        "  int[] batchUpdate(String... sql);",
        "}"},
    {"org/springframework/jdbc/core/JdbcTemplate.java",
        "package org.springframework.jdbc.core;",
        "public abstract class JdbcTemplate implements JdbcOperations {}"},
    {"org/springframework/jdbc/core/namedparam/NamedParameterJdbcOperations.java",
        "package org.springframework.jdbc.core.namedparam;",
        "public interface NamedParameterJdbcOperations {",
        "  int update(String sql, java.util.Map<String, ?> paramMap);",
        "}"},
    {"org/springframework/web/client/RestTemplate.java",
        "package org.springframework.web.client;",
        "public class RestTemplate {",
        "  public <T> T execute(String url, String method, Object requestCallback, Object extractor) {",
        "    return null;",
        "  }",
        "}"},
    {"jakarta/persistence/Query.java",
        "package jakarta.persistence;",
        "public interface Query { java.util.List<?> getResultList(); }"},
    {"jakarta/persistence/EntityManager.java",
        "package jakarta.persistence;",
        "public interface EntityManager {",
        "  Query createNativeQuery(String sql);",
        "  Query createQuery(String jpql);",
        "}"},
    {"org/hibernate/SharedSessionContract.java",
        "package org.hibernate;",
        "public interface SharedSessionContract {",
        "  jakarta.persistence.Query createNativeQuery(String sql);",
        "}"},
    {"org/hibernate/Session.java",
        "package org.hibernate;",
        "public interface Session extends SharedSessionContract, jakarta.persistence.EntityManager {}"},
    {"org/jooq/Record.java", "package org.jooq;", "public interface Record {}"},
    {"org/jooq/Result.java", "package org.jooq;", "public interface Result<R extends Record> {}"},
    {"org/jooq/QueryPart.java", "package org.jooq;", "public interface QueryPart {}"},
    {"org/jooq/Table.java", "package org.jooq;", "public interface Table<R extends Record> extends QueryPart {}"},
    {"org/jooq/DSLContext.java",
        "package org.jooq;",
        "public interface DSLContext {",
        "  Result<Record> fetch(String sql);",
        "  Result<Record> fetch(String sql, Object... bindings);",
        "  Result<Record> fetch(String sql, QueryPart... parts);",
        "  <R extends Record> Result<R> fetch(Table<R> table);",
        "  int execute(String sql, Object... bindings);",
        "}"},
    {"org/springframework/jdbc/core/simple/JdbcClient.java",
        "package org.springframework.jdbc.core.simple;",
        "public interface JdbcClient {",
        "  StatementSpec sql(String sql);",
        "  interface StatementSpec {",
        "    StatementSpec param(String name, Object value);",
        "    int update();",
        "    <T> MappedQuerySpec<T> query(Class<T> type);",
        "  }",
        "  interface MappedQuerySpec<T> { java.util.List<T> list(); }",
        "}"},
    // Liquibase and Spring's simple JDBC: sinks Rowguard ships by name (ConfiguredSinks), bodies unseen.
    {"liquibase/database/jvm/JdbcConnection.java",
        "package liquibase.database.jvm;",
        "public class JdbcConnection {",
        "  public java.sql.PreparedStatement prepareStatement(String sql) { return null; }",
        "  public String nativeSQL(String sql) { return null; }",
        "}"},
    {"liquibase/statement/core/RawSqlStatement.java",
        "package liquibase.statement.core;",
        "public class RawSqlStatement {",
        "  public RawSqlStatement(String sql) {}",
        "  public RawSqlStatement(String sql, String endDelimiter) {}",
        "}"},
    {"liquibase/statement/core/RawParameterizedSqlStatement.java",
        "package liquibase.statement.core;",
        "public class RawParameterizedSqlStatement {",
        "  public RawParameterizedSqlStatement(String sql, Object... parameters) {}",
        "}"},
    {"org/springframework/jdbc/core/simple/SimpleJdbcInsertOperations.java",
        "package org.springframework.jdbc.core.simple;",
        "public interface SimpleJdbcInsertOperations {",
        "  SimpleJdbcInsertOperations withTableName(String tableName);",
        "  SimpleJdbcInsertOperations withSchemaName(String schemaName);",
        "  int execute(java.util.Map<String, ?> args);",
        "}"},
    {"org/springframework/jdbc/core/simple/SimpleJdbcInsert.java",
        "package org.springframework.jdbc.core.simple;",
        "public class SimpleJdbcInsert implements SimpleJdbcInsertOperations {",
        "  public SimpleJdbcInsert(javax.sql.DataSource dataSource) {}",
        "  @Override public SimpleJdbcInsert withTableName(String tableName) { return this; }",
        "  @Override public SimpleJdbcInsert withSchemaName(String schemaName) { return this; }",
        "  @Override public int execute(java.util.Map<String, ?> args) { return 0; }",
        "}"},
    {"org/springframework/jdbc/core/simple/SimpleJdbcCallOperations.java",
        "package org.springframework.jdbc.core.simple;",
        "public interface SimpleJdbcCallOperations {",
        "  SimpleJdbcCallOperations withProcedureName(String procedureName);",
        "}"},
    {"org/springframework/jdbc/core/simple/SimpleJdbcCall.java",
        "package org.springframework.jdbc.core.simple;",
        "public class SimpleJdbcCall implements SimpleJdbcCallOperations {",
        "  public SimpleJdbcCall(javax.sql.DataSource dataSource) {}",
        "  @Override public SimpleJdbcCall withProcedureName(String procedureName) { return this; }",
        "}"},
  };

  private Stubs() {}

  static CompilationTestHelper addTo(CompilationTestHelper helper) {
    for (String[] source : SOURCES) {
      helper.addSourceLines(source[0], java.util.Arrays.copyOfRange(source, 1, source.length));
    }
    return helper;
  }

  static BugCheckerRefactoringTestHelper addTo(BugCheckerRefactoringTestHelper helper) {
    for (String[] source : SOURCES) {
      helper.addInputLines(source[0], java.util.Arrays.copyOfRange(source, 1, source.length)).expectUnchanged();
    }
    return helper;
  }
}
