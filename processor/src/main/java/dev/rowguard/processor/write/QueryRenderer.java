package dev.rowguard.processor.write;

import com.palantir.javapoet.CodeBlock;
import dev.rowguard.processor.repository.JavaType;
import dev.rowguard.processor.repository.Operation;

/** Renders the methods that count, test for or delete the rows of a query: one statement, one answer. */
final class QueryRenderer {
  private QueryRenderer() {}

  static void count(Operation.Count count, JdbcBlock block) {
    Statement statement = RepositorySql.count(count.query());
    prepare(block, count, statement);
    block.queryOneValue(count.resultType().sameBoxed(JavaType.LONG)
        ? CodeBlock.of("return rows.getLong(1)")
        : CodeBlock.of("return $T.toIntExact(rows.getLong(1))", Math.class), true);
    block.close();
  }

  static void exists(Operation.Exists exists, JdbcBlock block) {
    prepare(block, exists, RepositorySql.exists(exists.query()));
    block.queryOneValue(CodeBlock.of("return rows.next()"), false);
    block.close();
  }

  static void deleteWhere(Operation.DeleteWhere delete, JdbcBlock block) {
    prepare(block, delete, RepositorySql.delete(delete.query()));
    block.returnUpdateCount(delete.resultType());
    block.close();
  }

  private static void prepare(JdbcBlock block, Operation operation, Statement statement) {
    block.requireTenant(operation.entity());
    block.open(block.members.sqlConstant(block.method.name(), "", statement.sql()));
    block.bindAll(statement.binds());
  }
}
