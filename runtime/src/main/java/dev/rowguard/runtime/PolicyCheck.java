package dev.rowguard.runtime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks that a tenanted table's policies are exactly the one Rowguard generates ({@link GeneratedPolicy}): no
 * other policy (a permissive one widens what every tenant sees, for all commands or for one), and the generated
 * one permissive, for all commands, to PUBLIC, with the model's expression.
 *
 * <p>The table's tenant keys are the outermost levels of the project's {@link TenantKeys} whose columns the
 * table has, as the processor derives them. Expressions are compared as PostgreSQL normalises them ({@code
 * pg_get_expr}): the expected text is what PostgreSQL makes of the generated predicate on a temporary table
 * with the key columns, created and rolled back in one transaction of the check's connection. So the
 * comparison holds across server versions and their ways of writing casts and parentheses; it needs the
 * TEMPORARY privilege on the database, which PUBLIC has by default.
 */
final class PolicyCheck {
  private static final String COLUMNS_SQL =
      "SELECT attname FROM pg_attribute WHERE attrelid = ?::regclass AND attnum > 0 AND NOT attisdropped";
  private static final String POLICIES_SQL = """
      SELECT quote_ident(polname) AS name, polname = ? AS generated, polpermissive AS permissive,
             CASE polcmd WHEN '*' THEN 'ALL' WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT' WHEN 'w' THEN 'UPDATE'
                         WHEN 'd' THEN 'DELETE' END AS command,
             polroles = '{0}'::oid[] AS to_public,
             array_to_string(ARRAY(SELECT CASE r WHEN 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(r)) END
                                   FROM unnest(polroles) AS r), ', ') AS roles,
             pg_get_expr(polqual, polrelid) AS qual, pg_get_expr(polwithcheck, polrelid) AS with_check
      FROM pg_policy WHERE polrelid = ?::regclass ORDER BY polname""";
  private static final String EXPECTED_TABLE = "pg_temp.rowguard_expected_policy";

  private final Connection connection;
  private final TenantKeys keys;
  /** Normalised USING and WITH CHECK text of the generated policy, by number of key levels. */
  private final Map<Integer, Expressions> expected = new HashMap<>();

  PolicyCheck(Connection connection, TenantKeys keys) {
    this.connection = connection;
    this.keys = keys;
  }

  private record Expressions(String qual, String withCheck) {}

  /** Adds a problem for every way {@code table}'s policies differ from the generated one. */
  void check(String table, List<String> problems) throws SQLException {
    List<TenantKeyLevel> levels = levels(table);
    if (levels.isEmpty()) {
      problems.add("table " + table + " has none of the tenant key columns " + keys.columns() + ", so its policies"
          + " cannot be checked against Rowguard's. Check it with the project's keys: RlsRoleCheck…withKeys(KEYS),"
          + " or pass the TenantBindingDataSource to verify(..)");
      return;
    }
    Expressions model = expected(levels);
    String fix = GeneratedPolicy.recreate(table, levels);
    boolean generatedFound = false;
    try (PreparedStatement statement = connection.prepareStatement(POLICIES_SQL)) {
      statement.setString(1, GeneratedPolicy.NAME);
      statement.setString(2, table);
      try (ResultSet row = statement.executeQuery()) {
        while (row.next()) {
          String name = row.getString("name");
          String shape = (row.getBoolean("permissive") ? "PERMISSIVE" : "RESTRICTIVE") + " FOR "
              + row.getString("command") + " TO " + row.getString("roles");
          if (!row.getBoolean("generated")) {
            String qual = row.getString("qual");
            problems.add("table " + table + " has policy " + name + " (" + shape + (qual == null ? "" : ", USING " + qual)
                + ") besides Rowguard's " + GeneratedPolicy.NAME + "; policies of a table are combined, so it can"
                + " show or accept rows of other tenants. Run DROP POLICY " + name + " ON " + table);
            continue;
          }
          generatedFound = true;
          if (!row.getBoolean("permissive") || !"ALL".equals(row.getString("command"))
              || !row.getBoolean("to_public")) {
            problems.add("policy " + name + " on table " + table + " is " + shape + ", but Rowguard generates it"
                + " PERMISSIVE FOR ALL TO PUBLIC. Recreate it as generated: " + fix);
          }
          expression(table, name, "USING", row.getString("qual"), model.qual(), fix, problems);
          expression(table, name, "WITH CHECK", row.getString("with_check"), model.withCheck(), fix, problems);
        }
      }
    }
    if (!generatedFound) {
      problems.add("table " + table + " has no policy " + GeneratedPolicy.NAME + ", so row-level security shows"
          + " no tenant its rows, or other policies decide alone. Apply the generated schema again: " + fix);
    }
  }

  private static void expression(String table, String policy, String clause, String actual, String model,
      String fix, List<String> problems) {
    if (!model.equals(actual)) {
      problems.add("policy " + policy + " on table " + table + " has " + clause + " "
          + (actual == null ? "missing" : actual) + ", but the model's expression is " + model
          + " (both as PostgreSQL writes them). Recreate it as generated: " + fix);
    }
  }

  /** The outermost levels whose key column {@code table} has. */
  private List<TenantKeyLevel> levels(String table) throws SQLException {
    Set<String> columns = new HashSet<>();
    try (PreparedStatement statement = connection.prepareStatement(COLUMNS_SQL)) {
      statement.setString(1, table);
      try (ResultSet row = statement.executeQuery()) {
        while (row.next()) {
          columns.add(row.getString(1));
        }
      }
    }
    List<TenantKeyLevel> levels = new ArrayList<>();
    for (TenantKeyLevel level : keys.levels()) {
      if (!columns.contains(level.column())) {
        break;
      }
      levels.add(level);
    }
    return levels;
  }

  /** What PostgreSQL makes of the generated predicate over {@code levels}, learnt on a rolled-back temp table. */
  private Expressions expected(List<TenantKeyLevel> levels) throws SQLException {
    Expressions known = expected.get(levels.size());
    if (known != null) {
      return known;
    }
    StringBuilder columns = new StringBuilder();
    for (TenantKeyLevel level : levels) {
      columns.append(columns.length() == 0 ? "" : ", ").append(level.column()).append(' ').append(level.sqlType());
    }
    String predicate = GeneratedPolicy.predicate(levels);
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TEMPORARY TABLE " + EXPECTED_TABLE.substring("pg_temp.".length()) + " (" + columns
          + ")");
      statement.execute("CREATE POLICY " + GeneratedPolicy.NAME + " ON " + EXPECTED_TABLE + " USING (" + predicate
          + ") WITH CHECK (" + predicate + ")");
      try (ResultSet row = statement.executeQuery("SELECT pg_get_expr(polqual, polrelid), pg_get_expr(polwithcheck,"
          + " polrelid) FROM pg_policy WHERE polrelid = '" + EXPECTED_TABLE + "'::regclass")) {
        row.next();
        known = new Expressions(row.getString(1), row.getString(2));
      }
    } catch (SQLException e) {
      throw new RowguardSqlException("the row-level security start-up check could not learn how PostgreSQL writes"
          + " the generated policy on a temporary table; GRANT TEMPORARY ON DATABASE to the application role", e);
    } finally {
      connection.rollback();
      connection.setAutoCommit(autoCommit);
    }
    expected.put(levels.size(), known);
    return known;
  }
}
