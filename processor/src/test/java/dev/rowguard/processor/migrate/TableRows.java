package dev.rowguard.processor.migrate;

import static dev.rowguard.schema.sql.Identifiers.quote;

import dev.rowguard.schema.Column;
import dev.rowguard.schema.Schema;
import dev.rowguard.schema.Table;
import dev.rowguard.schema.sql.SqlLiterals;
import java.util.stream.Collectors;

/**
 * Rows for every table of a model, two per table. A value depends only on its column's type and the row's number,
 * so a foreign key of row r holds the key of the target's row r, and every tenant key is {@link EditNeeds#TENANT}:
 * the rows satisfy every constraint, whatever the order they are inserted in.
 */
final class TableRows {
  static final int ROWS = 2;

  private TableRows() {}

  /** The inserts, run by the administrative login with triggers (and so foreign keys) off until they are all in. */
  static String inserts(Schema model) {
    StringBuilder sql = new StringBuilder("SET session_replication_role = replica;\n");
    for (Table table : model.tables()) {
      for (int row = 1; row <= ROWS; row++) {
        int r = row;
        sql.append("INSERT INTO ").append(table.name().sql()).append(" (")
            .append(table.columns().stream().map(c -> quote(c.name())).collect(Collectors.joining(", ")))
            .append(") VALUES (")
            .append(table.columns().stream().map(c -> value(c, r)).collect(Collectors.joining(", ")))
            .append(");\n");
      }
    }
    return sql.append("SET session_replication_role = DEFAULT;\n").toString();
  }

  /** The query reading one column of a table as text, in key order. */
  static String select(Table table, String column) {
    return "SELECT " + quote(column) + "::text FROM " + table.name().sql() + " ORDER BY id";
  }

  static String count(Table table) {
    return "SELECT count(*) FROM " + table.name().sql();
  }

  private static String value(Column column, int row) {
    if (column.name().equals("tenant_id")) {
      return "'" + EditNeeds.TENANT + "'";
    }
    if (!column.allowedValues().isEmpty()) {
      return SqlLiterals.string(column.allowedValues().get(row % column.allowedValues().size()));
    }
    String type = column.sqlType();
    if (type.startsWith("varchar") || type.equals("text")) {
      return "'v" + row + "'";
    }
    return switch (type.replaceAll("\\(.*", "")) {
      case "uuid" -> "'00000000-0000-0000-0000-00000000000" + row + "'";
      case "smallint", "integer", "bigint", "real", "double precision", "numeric" -> String.valueOf(row);
      case "boolean" -> row == 1 ? "true" : "false";
      case "date" -> "'2024-01-0" + row + "'";
      case "timestamptz", "timestamp" -> "'2024-01-0" + row + " 10:00:00+00'";
      case "bytea" -> "'\\x0" + row + "'";
      case "jsonb" -> "'{\"row\": " + row + "}'";
      default -> throw new AssertionError("no test value for " + type + " (" + column.name() + ")");
    };
  }
}
