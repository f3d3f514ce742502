package dev.rowguard.processor.migrate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * What PostgreSQL holds for one schema, as sorted lines that two databases can be compared by: columns with
 * types, nullability, defaults, identity and comments; constraints by name and definition (validated or not);
 * indexes; policies; RLS flags and table comments; the application role's grants and schema usage. NOT NULL
 * constraints (PostgreSQL 18 names them after the table) are compared as the columns' nullability.
 */
final class Catalog {
  private Catalog() {}

  static String of(DataSource database, String schema, String appRole) {
    List<String> lines = new ArrayList<>();
    try (Connection connection = database.getConnection()) {
      lines.addAll(rows(connection, "column", """
          SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
                 pg_get_expr(d.adbin, d.adrelid), a.attidentity, col_description(c.oid, a.attnum)
          FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
          LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
          WHERE n.nspname = ? AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped ORDER BY 1, 2""", schema));
      lines.addAll(rows(connection, "constraint", """
          SELECT c.relname, con.conname, pg_get_constraintdef(con.oid), con.convalidated
          FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = ? AND con.contype <> 'n' ORDER BY 1, 2""", schema));
      lines.addAll(rows(connection, "index", """
          SELECT i.tablename, i.indexname, i.indexdef, x.indisvalid
          FROM pg_indexes i JOIN pg_class ic ON ic.relname = i.indexname
          JOIN pg_namespace n ON n.oid = ic.relnamespace AND n.nspname = i.schemaname
          JOIN pg_index x ON x.indexrelid = ic.oid
          WHERE i.schemaname = ? ORDER BY 1, 2""", schema));
      lines.addAll(rows(connection, "policy", """
          SELECT tablename, policyname, permissive, roles::text, cmd, qual, with_check
          FROM pg_policies WHERE schemaname = ? ORDER BY 1, 2""", schema));
      lines.addAll(rows(connection, "table", """
          SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity, obj_description(c.oid, 'pg_class')
          FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = ? AND c.relkind = 'r' ORDER BY 1""", schema));
      lines.addAll(rows(connection, "grant", """
          SELECT table_name, privilege_type FROM information_schema.role_table_grants
          WHERE table_schema = ? AND grantee = ? ORDER BY 1, 2""", schema, appRole));
      lines.addAll(rows(connection, "usage", """
          SELECT n.nspname, has_schema_privilege(?, n.oid, 'USAGE')
          FROM pg_namespace n WHERE n.nspname = ?""", appRole, schema));
    } catch (SQLException e) {
      throw new IllegalStateException("reading the catalog of " + schema + ": " + e.getMessage(), e);
    }
    return String.join("\n", lines);
  }

  private static List<String> rows(Connection connection, String kind, String sql, String... parameters)
      throws SQLException {
    List<String> lines = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setString(i + 1, parameters[i]);
      }
      try (ResultSet rows = statement.executeQuery()) {
        int columns = rows.getMetaData().getColumnCount();
        while (rows.next()) {
          StringBuilder line = new StringBuilder(kind);
          for (int i = 1; i <= columns; i++) {
            line.append(" | ").append(rows.getString(i));
          }
          lines.add(line.toString());
        }
      }
    }
    return lines;
  }
}
