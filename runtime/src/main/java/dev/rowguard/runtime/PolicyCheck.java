package dev.rowguard.runtime;

import dev.rowguard.runtime.verify.DriftKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks that a tenanted table's policies are exactly the one Rowguard generates ({@link GeneratedPolicy}, for
 * the PostgreSQL or the Citus target): no other policy (a permissive one widens what every tenant sees, for all commands or for one), and the generated
 * one permissive, for all commands, to PUBLIC, with the model's expression.
 *
 * <p>The table's tenant keys are the outermost levels of the project's {@link TenantKeys} whose columns the
 * table has, as the processor derives them. Expressions are compared as PostgreSQL plans them: each (the policy's,
 * as {@code pg_get_expr} writes it, and the model's) is put into {@code EXPLAIN (VERBOSE, COSTS OFF) SELECT
 * <expression> FROM (VALUES (NULL::<key type>, …), (…)) AS t(<key columns>)}, and the plans must be equal. So one
 * server normalises both, whatever its way of writing casts, parentheses and sub-selects; nothing is executed or
 * created, so the check needs no privilege beyond connecting (TEMPORARY may be revoked from PUBLIC). The live-schema
 * verifier uses the same comparison, with the levels the model gives each table.
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
  private static final String GENERATED_SHAPE = "PERMISSIVE FOR ALL TO PUBLIC";

  /**
   * One way a table's policies differ from the generated one.
   *
   * @param policy the policy's name as SQL writes it
   * @param message the sentence the start-up check reports, with its fix
   */
  record Problem(DriftKind kind, String policy, String expected, String actual, String message) {}

  private final Connection connection;
  private final TenantKeys keys;
  private final ExpressionPlans plans;
  /** The plans of the generated predicates (PostgreSQL's and Citus's), by key levels. */
  private final Map<List<TenantKeyLevel>, List<String>> expected = new HashMap<>();

  PolicyCheck(Connection connection, TenantKeys keys) {
    this.connection = connection;
    this.keys = keys;
    this.plans = new ExpressionPlans(connection);
  }

  /** Adds a problem for every way {@code table}'s policies differ from the generated one. */
  void check(String table, List<String> problems) throws SQLException {
    List<TenantKeyLevel> levels = levels(table);
    if (levels.isEmpty()) {
      problems.add("table " + table + " has none of the tenant key columns " + keys.columns() + ", so its policies"
          + " cannot be checked against Rowguard's. Check it with the project's keys: RlsRoleCheck…withKeys(KEYS),"
          + " or pass the TenantBindingDataSource to verify(..)");
      return;
    }
    problems(table, levels).forEach(p -> problems.add(p.message()));
  }

  /** Every way {@code table}'s policies differ from the one generated for {@code levels}. */
  List<Problem> problems(String table, List<TenantKeyLevel> levels) throws SQLException {
    List<Problem> problems = new ArrayList<>();
    List<String> model = expected(levels);
    String written = "(" + GeneratedPolicy.predicate(levels) + ")";
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
            String actual = shape + (qual == null ? "" : ", USING " + qual);
            problems.add(new Problem(DriftKind.POLICY_EXTRA, name, "none", actual, "table " + table + " has policy "
                + name + " (" + actual + ") besides Rowguard's " + GeneratedPolicy.NAME + "; policies of a table are"
                + " combined, so it can show or accept rows of other tenants. Run DROP POLICY " + name + " ON "
                + table));
            continue;
          }
          generatedFound = true;
          if (!row.getBoolean("permissive") || !"ALL".equals(row.getString("command"))
              || !row.getBoolean("to_public")) {
            problems.add(new Problem(DriftKind.POLICY_CHANGED, name, GENERATED_SHAPE, shape, "policy " + name
                + " on table " + table + " is " + shape + ", but Rowguard generates it " + GENERATED_SHAPE
                + ". Recreate it as generated: " + fix));
          }
          expression(table, name, "USING", row.getString("qual"), levels, model, written, fix, problems);
          expression(table, name, "WITH CHECK", row.getString("with_check"), levels, model, written, fix, problems);
        }
      }
    }
    if (!generatedFound) {
      problems.add(new Problem(DriftKind.POLICY_MISSING, GeneratedPolicy.NAME, GENERATED_SHAPE + " USING " + written,
          "none", "table " + table + " has no policy " + GeneratedPolicy.NAME + ", so row-level security shows"
              + " no tenant its rows, or other policies decide alone. Apply the generated schema again: " + fix));
    }
    return problems;
  }

  private void expression(String table, String policy, String clause, String actual, List<TenantKeyLevel> levels,
      List<String> model, String written, String fix, List<Problem> problems) throws SQLException {
    String plan = actual == null ? null : plan(actual, levels);
    if (plan == null || !model.contains(plan)) {
      problems.add(new Problem(DriftKind.POLICY_CHANGED, policy, clause + " " + written,
          clause + " " + (actual == null ? "missing" : actual), "policy " + policy + " on table " + table + " has "
              + clause + " " + (actual == null ? "missing" : actual) + ", but the model's expression is " + written
              + ". Recreate it as generated: " + fix));
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

  /**
   * The plans of the generated predicate over {@code levels}: the PostgreSQL target's, and the Citus target's
   * (through the tenant functions, inlined).
   */
  private List<String> expected(List<TenantKeyLevel> levels) throws SQLException {
    List<String> known = expected.get(levels);
    if (known == null) {
      String postgresql = plan(GeneratedPolicy.predicate(levels), levels);
      String citus = plan(GeneratedPolicy.inlinedFunctionPredicate(levels), levels);
      if (postgresql == null || citus == null) {
        throw new RowguardSqlException("the row-level security start-up check could not plan the generated policy"
            + " expression " + GeneratedPolicy.predicate(levels), new SQLException("EXPLAIN failed"));
      }
      known = List.of(postgresql, citus);
      expected.put(List.copyOf(levels), known);
    }
    return known;
  }

  /** The server's plan of {@code expression} over the key columns, or null when it does not plan there. */
  private String plan(String expression, List<TenantKeyLevel> levels) throws SQLException {
    Map<String, String> columns = new LinkedHashMap<>();
    levels.forEach(level -> columns.put(level.column(), level.sqlType()));
    return plans.plan(expression, columns);
  }
}
