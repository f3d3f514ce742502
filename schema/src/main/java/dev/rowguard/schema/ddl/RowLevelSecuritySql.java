package dev.rowguard.schema.ddl;

import static dev.rowguard.schema.sql.Identifiers.quote;

import dev.rowguard.schema.Schema;
import dev.rowguard.schema.Table;
import dev.rowguard.schema.TenantKeyColumn;
import dev.rowguard.schema.sql.SqlLiterals;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Row-level security for tenanted tables: enabled and forced (so the owner is not exempt), with one policy
 * whose {@code USING} and {@code WITH CHECK} compare every tenant key with the setting that carries it. The
 * comparison fails closed: an unset or empty setting becomes NULL, which equals nothing, so with no tenant
 * bound reads return no rows and writes fail. The setting is read in a scalar sub-select so that PostgreSQL
 * evaluates it once per statement, not once per row.
 */
public final class RowLevelSecuritySql {
  public static final String POLICY = "tenant_isolation";

  private RowLevelSecuritySql() {}

  static void render(Schema schema, StringBuilder sql) {
    List<Table> tenanted = schema.tables().stream().filter(Table::tenanted).toList();
    if (tenanted.isEmpty()) {
      return;
    }
    boolean citus = tenanted.get(0).distribution() != null;
    sql.append("\n-- Row-level security: a tenanted table shows and accepts only the rows of the tenant bound to\n"
        + (citus
            ? "-- the transaction (SET LOCAL of the rowguard settings). No tenant bound: no rows, and writes fail.\n"
            : "-- the session (set_config of the rowguard settings). No tenant bound: no rows, and writes fail.\n"));
    for (Table table : tenanted) {
      String name = table.name().sql();
      sql.append("ALTER TABLE ").append(name).append(" ENABLE ROW LEVEL SECURITY;\n");
      sql.append("ALTER TABLE ").append(name).append(" FORCE ROW LEVEL SECURITY;\n");
      sql.append(createPolicy(table)).append('\n');
    }
  }

  /**
   * The tenant isolation policy of a tenanted table; on Citus (a distributed table) through the tenant functions
   * ({@link TenantFunctionsSql}), since Citus refuses the sub-select.
   */
  public static String createPolicy(Table table) {
    String predicate = table.distribution() != null
        ? functionPredicate(table.name().schema(), table.tenancy().keys())
        : predicate(table.tenancy().keys());
    return "CREATE POLICY " + POLICY + " ON " + table.name().sql() + "\n"
        + "    USING (" + predicate + ")\n"
        + "    WITH CHECK (" + predicate + ");";
  }

  /** {@code key = (SELECT NULLIF(current_setting('setting', true), '')::type) AND …}. */
  public static String predicate(List<TenantKeyColumn> keys) {
    return keys.stream()
        .map(key -> quote(key.column()) + " = (SELECT NULLIF(current_setting(" + SqlLiterals.string(key.setting())
            + ", true), '')::" + key.sqlType() + ")")
        .collect(Collectors.joining("\n       AND "));
  }

  /** {@code key = schema.rowguard_key() AND …}. */
  public static String functionPredicate(String schemaName, List<TenantKeyColumn> keys) {
    return keys.stream()
        .map(key -> quote(key.column()) + " = " + TenantFunctionsSql.name(schemaName, key))
        .collect(Collectors.joining("\n       AND "));
  }
}
