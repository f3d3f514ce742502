package dev.rowguard.sample;

import dev.rowguard.annotations.AllowRawSql;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Prints what PostgreSQL holds for a schema, read back from its catalogs (not from Rowguard's model). */
@AllowRawSql("reads PostgreSQL's catalogs, which no repository covers")
final class SchemaReport {
  private static final String TABLES = """
      SELECT c.relname,
             (SELECT count(*) FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped),
             obj_description(c.oid, 'pg_class')
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = ? AND c.relkind = 'r'
       ORDER BY c.relname""";
  private static final String CONSTRAINTS = """
      SELECT con.contype, con.conname
        FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = ? AND c.relname = ? AND con.contype <> 'n'
       ORDER BY con.contype, con.conname""";
  private static final String INDEXES = """
      SELECT i.indexname
        FROM pg_indexes i
       WHERE i.schemaname = ? AND i.tablename = ?
         AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conname = i.indexname)
       ORDER BY i.indexname""";

  private SchemaReport() {}

  static void print(DataSource dataSource, String schema, PrintStream out) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      List<String[]> tables = rows(connection.prepareStatement(TABLES), schema);
      out.println("Schema " + schema + ": " + tables.size() + " tables");
      for (String[] table : tables) {
        out.printf("%n  %s.%s (%s columns)%s%n", schema, table[0], table[1],
            table[2] == null ? "" : " -- " + table[2]);
        for (String[] constraint : rows(connection.prepareStatement(CONSTRAINTS), schema, table[0])) {
          out.printf("    %-12s %s%n", kind(constraint[0]), constraint[1]);
        }
        for (String[] index : rows(connection.prepareStatement(INDEXES), schema, table[0])) {
          out.printf("    %-12s %s%n", "index", index[0]);
        }
      }
    }
  }

  private static String kind(String contype) {
    return switch (contype) {
      case "p" -> "primary key";
      case "u" -> "unique";
      case "f" -> "foreign key";
      case "c" -> "check";
      default -> contype;
    };
  }

  /** Binds the parameters, reads every row as text and closes the statement. */
  private static List<String[]> rows(PreparedStatement prepared, String... parameters) throws SQLException {
    try (PreparedStatement statement = prepared) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setString(i + 1, parameters[i]);
      }
      List<String[]> rows = new ArrayList<>();
      try (ResultSet result = statement.executeQuery()) {
        int columns = result.getMetaData().getColumnCount();
        while (result.next()) {
          String[] row = new String[columns];
          for (int i = 0; i < columns; i++) {
            row[i] = result.getString(i + 1);
          }
          rows.add(row);
        }
      }
      return rows;
    }
  }
}
