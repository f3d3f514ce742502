package dev.rowguard.runtime.verify;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the tables of some schemas from {@code pg_catalog}: columns (type as {@code format_type} writes it, in
 * {@link SqlTypeNames#normalized short form}; NOT NULL; default as {@code pg_get_expr} writes it; identity; a
 * native ENUM's labels), primary, unique, foreign-key and CHECK constraints, the indexes that back no
 * constraint, row-level security, the policies' names and what the application role was granted; and the
 * native ENUM types of those schemas that nothing uses. Read only; needs no privilege on
 * the tables.
 */
public final class CatalogReader {
  private static final String TABLES_SQL = """
      SELECT n.nspname, c.relname, c.relrowsecurity, c.relforcerowsecurity,
             ARRAY(SELECT a.privilege_type FROM aclexplode(c.relacl) a JOIN pg_roles r ON r.oid = a.grantee
                   WHERE r.rolname = ? ORDER BY 1)::text[] AS privileges,
             ARRAY(SELECT p.polname FROM pg_policy p WHERE p.polrelid = c.oid ORDER BY 1)::text[] AS policies
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = ANY (?::text[]) AND c.relkind IN ('r', 'p') AND NOT c.relispartition
      ORDER BY n.nspname, c.relname""";
  private static final String COLUMNS_SQL = """
      SELECT n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull,
             pg_get_expr(d.adbin, d.adrelid) AS default_sql, a.attidentity <> '' AS identity, t.typtype = 'e' AS enum,
             ARRAY(SELECT e.enumlabel FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder)::text[]
               AS labels
      FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_type t ON t.oid = a.atttypid
      LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE n.nspname = ANY (?::text[]) AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY n.nspname, c.relname, a.attnum""";
  private static final String CONSTRAINTS_SQL = """
      SELECT n.nspname, c.relname, k.conname, k.contype,
             ARRAY(SELECT a.attname FROM unnest(k.conkey) WITH ORDINALITY AS u(num, i)
                   JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.num ORDER BY u.i)::text[] AS columns,
             tn.nspname AS target_schema, tc.relname AS target_table,
             ARRAY(SELECT a.attname FROM unnest(k.confkey) WITH ORDINALITY AS u(num, i)
                   JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.num ORDER BY u.i)::text[]
               AS target_columns,
             CASE WHEN k.contype = 'c' THEN pg_get_expr(k.conbin, k.conrelid) END AS expression
      FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_class tc ON tc.oid = k.confrelid LEFT JOIN pg_namespace tn ON tn.oid = tc.relnamespace
      WHERE n.nspname = ANY (?::text[]) AND k.contype IN ('p', 'u', 'f', 'c')
      ORDER BY n.nspname, c.relname, k.conname""";
  private static final String INDEXES_SQL = """
      SELECT n.nspname, c.relname, i.relname AS index_name, x.indisunique,
             ARRAY(SELECT COALESCE((SELECT a.attname FROM pg_attribute a
                                    WHERE a.attrelid = x.indrelid AND a.attnum = x.indkey[k - 1] AND a.attnum > 0),
                                   pg_get_indexdef(x.indexrelid, k, true))
                   FROM generate_series(1, x.indnkeyatts) AS k ORDER BY k)::text[] AS columns
      FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class c ON c.oid = x.indrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = ANY (?::text[]) AND c.relkind IN ('r', 'p')
        AND NOT EXISTS (SELECT FROM pg_constraint k WHERE k.conrelid = x.indrelid AND k.conindid = x.indexrelid
                        AND k.contype IN ('p', 'u', 'x'))
      ORDER BY n.nspname, c.relname, i.relname""";
  /** A column depends on its type normally ('n'); the type's array type only internally. */
  private static final String UNUSED_ENUMS_SQL = """
      SELECT format_type(t.oid, NULL) AS name,
             ARRAY(SELECT e.enumlabel FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder)::text[]
               AS labels
      FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE t.typtype = 'e' AND n.nspname = ANY (?::text[])
        AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.refclassid = 'pg_type'::regclass AND d.refobjid = t.oid
                        AND d.deptype = 'n')
      ORDER BY 1""";
  private static final String ROLE_SQL = """
      SELECT r.rolname IS NOT NULL AS found,
             ARRAY(SELECT s FROM unnest(?::text[]) AS s
                   WHERE r.rolname IS NOT NULL AND EXISTS (SELECT FROM pg_namespace WHERE nspname = s)
                     AND has_schema_privilege(r.oid, s, 'USAGE'))::text[] AS usage
      FROM (SELECT 1) AS one LEFT JOIN pg_roles r ON r.rolname = ?""";

  private CatalogReader() {}

  /** The tables of {@code schemas}, and the privileges of {@code appRole} on them. */
  public static Catalog read(Connection connection, Set<String> schemas, String appRole) throws SQLException {
    Array names = connection.createArrayOf("text", schemas.toArray());
    try {
      Map<String, Builder> tables = new LinkedHashMap<>();
      try (PreparedStatement statement = connection.prepareStatement(TABLES_SQL)) {
        statement.setString(1, appRole);
        statement.setArray(2, names);
        try (ResultSet row = statement.executeQuery()) {
          while (row.next()) {
            Builder table = new Builder(row.getString(1), row.getString(2), row.getBoolean(3), row.getBoolean(4),
                strings(row, "privileges"), strings(row, "policies"));
            tables.put(table.schema + "." + table.name, table);
          }
        }
      }
      columns(connection, names, tables);
      constraints(connection, names, tables);
      indexes(connection, names, tables);
      Map<String, List<String>> unusedEnums = new LinkedHashMap<>();
      try (PreparedStatement statement = connection.prepareStatement(UNUSED_ENUMS_SQL)) {
        statement.setArray(1, names);
        try (ResultSet row = statement.executeQuery()) {
          while (row.next()) {
            unusedEnums.put(row.getString("name"), strings(row, "labels"));
          }
        }
      }
      try (PreparedStatement statement = connection.prepareStatement(ROLE_SQL)) {
        statement.setArray(1, names);
        statement.setString(2, appRole);
        try (ResultSet row = statement.executeQuery()) {
          row.next();
          return new Catalog(tables.values().stream().map(Builder::build).toList(), appRole, row.getBoolean(1),
              new HashSet<>(strings(row, "usage")), unusedEnums);
        }
      }
    } finally {
      names.free();
    }
  }

  private static void columns(Connection connection, Array names, Map<String, Builder> tables) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(COLUMNS_SQL)) {
      statement.setArray(1, names);
      try (ResultSet row = statement.executeQuery()) {
        while (row.next()) {
          Builder table = tables.get(row.getString(1) + "." + row.getString(2));
          if (table == null) {
            continue;
          }
          boolean isEnum = row.getBoolean("enum");
          String type = row.getString("type");
          table.columns.add(new Model.Column(row.getString("attname"), isEnum ? type : SqlTypeNames.normalized(type),
              !row.getBoolean("attnotnull"), row.getString("default_sql"), row.getBoolean("identity"),
              isEnum ? strings(row, "labels") : List.of()));
          if (isEnum) {
            table.enumColumns.add(row.getString("attname"));
          }
        }
      }
    }
  }

  private static void constraints(Connection connection, Array names, Map<String, Builder> tables)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(CONSTRAINTS_SQL)) {
      statement.setArray(1, names);
      try (ResultSet row = statement.executeQuery()) {
        while (row.next()) {
          Builder table = tables.get(row.getString(1) + "." + row.getString(2));
          if (table == null) {
            continue;
          }
          String name = row.getString("conname");
          List<String> columns = strings(row, "columns");
          switch (row.getString("contype")) {
            case "p" -> table.primaryKey = new Model.Key(name, columns);
            case "u" -> table.uniqueKeys.add(new Model.Key(name, columns));
            case "f" -> table.foreignKeys.add(new Model.ForeignKey(name, columns, row.getString("target_schema"),
                row.getString("target_table"), strings(row, "target_columns")));
            default -> table.checks.add(new Model.Check(name, row.getString("expression")));
          }
        }
      }
    }
  }

  private static void indexes(Connection connection, Array names, Map<String, Builder> tables) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(INDEXES_SQL)) {
      statement.setArray(1, names);
      try (ResultSet row = statement.executeQuery()) {
        while (row.next()) {
          Builder table = tables.get(row.getString(1) + "." + row.getString(2));
          if (table != null) {
            table.indexes.add(new Model.Index(row.getString("index_name"), strings(row, "columns"),
                row.getBoolean("indisunique")));
          }
        }
      }
    }
  }

  private static List<String> strings(ResultSet row, String column) throws SQLException {
    Array array = row.getArray(column);
    try {
      return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    } finally {
      if (array != null) {
        array.free();
      }
    }
  }

  /** One table as it is read, query by query. */
  private static final class Builder {
    final String schema;
    final String name;
    final boolean rowSecurity;
    final boolean forced;
    final List<String> privileges;
    final List<String> policies;
    final List<Model.Column> columns = new ArrayList<>();
    final Set<String> enumColumns = new HashSet<>();
    Model.Key primaryKey;
    final List<Model.Key> uniqueKeys = new ArrayList<>();
    final List<Model.ForeignKey> foreignKeys = new ArrayList<>();
    final List<Model.Check> checks = new ArrayList<>();
    final List<Model.Index> indexes = new ArrayList<>();

    Builder(String schema, String name, boolean rowSecurity, boolean forced, List<String> privileges,
        List<String> policies) {
      this.schema = schema;
      this.name = name;
      this.rowSecurity = rowSecurity;
      this.forced = forced;
      this.privileges = privileges;
      this.policies = policies;
    }

    Catalog.LiveTable build() {
      return new Catalog.LiveTable(new Model.Table(schema, name, List.of(), columns, primaryKey, uniqueKeys,
          foreignKeys, checks, indexes), rowSecurity, forced, enumColumns, privileges, policies);
    }
  }
}
