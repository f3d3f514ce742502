package dev.rowguard.runtime;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The row-level security policy Rowguard generates for a tenanted table ({@code
 * dev.rowguard.schema.ddl.RowLevelSecuritySql}; the two must change together): one policy named {@value #NAME}, permissive, for all
 * commands, to PUBLIC, whose {@code USING} and {@code WITH CHECK} are both {@link #predicate}.
 */
final class GeneratedPolicy {
  static final String NAME = "tenant_isolation";

  private GeneratedPolicy() {}

  /** {@code key = (SELECT NULLIF(current_setting('setting', true), '')::type) AND …}, outermost key first. */
  static String predicate(List<TenantKeyLevel> levels) {
    // Columns and settings are checked by TenantKeyLevel to be plain identifiers, so they need no quoting.
    return levels.stream()
        .map(level -> level.column() + " = (SELECT NULLIF(current_setting('" + level.setting() + "', true), '')::"
            + level.sqlType() + ")")
        .collect(Collectors.joining(" AND "));
  }

  /**
   * The Citus target's predicate as PostgreSQL plans it: {@code key = schema.rowguard_key()}, whose STABLE SQL
   * function ({@code dev.rowguard.schema.ddl.TenantFunctionsSql}) is inlined as {@code NULLIF(current_setting(…,
   * true), '')::type}. Planned, a policy through the generated functions equals this; one through a function with
   * another body, or one that cannot be inlined, does not.
   */
  static String inlinedFunctionPredicate(List<TenantKeyLevel> levels) {
    return levels.stream()
        .map(level -> level.column() + " = NULLIF(pg_catalog.current_setting('" + level.setting() + "', true), '')::"
            + level.sqlType())
        .collect(Collectors.joining(" AND "));
  }

  /** The statements that put the generated policy in place of whatever {@code table} has now. */
  static String recreate(String table, List<TenantKeyLevel> levels) {
    String predicate = predicate(levels);
    return "DROP POLICY IF EXISTS " + NAME + " ON " + table + "; CREATE POLICY " + NAME + " ON " + table
        + " USING (" + predicate + ") WITH CHECK (" + predicate + ")";
  }
}
