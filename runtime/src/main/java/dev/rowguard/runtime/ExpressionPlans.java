package dev.rowguard.runtime;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Expressions compared as PostgreSQL plans them: {@code EXPLAIN (VERBOSE, COSTS OFF) SELECT (<expression>) FROM
 * (VALUES (NULL::<type>, …), (NULL::<type>, …)) AS t(<column>, …)}. One server normalises both sides (the model's text and the
 * catalog's {@code pg_get_expr}), whatever the way of writing casts, parentheses, {@code IN} lists and
 * sub-selects; EXPLAIN without ANALYZE runs nothing and creates nothing, so no privilege is needed.
 */
final class ExpressionPlans {
  private final Connection connection;

  ExpressionPlans(Connection connection) {
    this.connection = connection;
  }

  /**
   * The plan of {@code expression} over {@code columns} (name to type, in order), or null when it does not plan
   * there (it names another column, say). The expression is one expression: the model's or the catalog's.
   */
  String plan(String expression, Map<String, String> columns) throws SQLException {
    // Two rows: PostgreSQL inlines a one-row VALUES, and its NULLs would fold most expressions to NULL alike.
    String row = "(" + columns.values().stream().map(type -> "NULL::" + type).collect(Collectors.joining(", ")) + ")";
    String from = columns.isEmpty() ? "" : " FROM (VALUES " + row + ", " + row + ") AS t("
        + columns.keySet().stream().map(ExpressionPlans::quoted).collect(Collectors.joining(", ")) + ")";
    String explain = "EXPLAIN (VERBOSE, COSTS OFF) SELECT (" + expression + ")" + from;
    boolean autoCommit = connection.getAutoCommit();
    Savepoint savepoint = autoCommit ? null : connection.setSavepoint();
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(explain)) {
      StringBuilder plan = new StringBuilder();
      while (rows.next()) {
        plan.append(rows.getString(1)).append('\n');
      }
      return plan.toString();
    } catch (SQLException e) {
      if (savepoint != null) {
        connection.rollback(savepoint);
      }
      return null;
    } finally {
      if (savepoint != null) {
        connection.releaseSavepoint(savepoint);
      }
    }
  }

  private static String quoted(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}
