package dev.rowguard.schema.ddl;

import static dev.rowguard.schema.sql.Identifiers.quote;

import dev.rowguard.schema.Schema;
import dev.rowguard.schema.Table;
import dev.rowguard.schema.TenantKeyColumn;
import dev.rowguard.schema.sql.ConstraintNames;
import dev.rowguard.schema.sql.SqlLiterals;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The tenant functions of the Citus target: one {@code STABLE} SQL function per schema and tenant key that reads
 * the key's setting ({@code NULLIF(current_setting(…, true), '')::type}, so an unset or empty setting is NULL and
 * matches no row). Citus refuses a subquery in a policy, which the PostgreSQL target uses to read the setting once
 * per statement; a {@code STABLE} function is evaluated as seldom and is propagated to every node. It lives in the
 * schema of the tables that use it, owned by the role that creates the schema, which the application role is not.
 */
public final class TenantFunctionsSql {
  private TenantFunctionsSql() {}

  static void render(Schema schema, StringBuilder sql) {
    Map<String, String> functions = statements(schema);
    if (functions.isEmpty()) {
      return;
    }
    sql.append("\n-- The bound tenant, read from the session's settings by the policies (Citus refuses a subquery\n"
        + "-- in a policy). Unset or empty: NULL, which matches no row.\n");
    functions.values().forEach(statement -> sql.append(statement).append('\n'));
  }

  /**
   * The {@code CREATE FUNCTION} of every tenant function the model's policies call, by the function's name
   * ({@code schema.rowguard_<key>()}): one per schema holding tenanted tables and tenant key.
   */
  public static Map<String, String> statements(Schema schema) {
    TreeSet<String> schemas = new TreeSet<>();
    Map<String, TenantKeyColumn> keys = new LinkedHashMap<>();
    for (Table table : schema.tables()) {
      if (table.tenanted()) {
        schemas.add(table.name().schema());
        table.tenancy().keys().forEach(k -> keys.putIfAbsent(k.column(), k));
      }
    }
    Map<String, String> functions = new LinkedHashMap<>();
    for (String schemaName : schemas) {
      for (TenantKeyColumn key : keys.values()) {
        functions.put(name(schemaName, key), "CREATE FUNCTION " + name(schemaName, key) + " RETURNS "
            + key.sqlType() + "\n    LANGUAGE sql STABLE PARALLEL SAFE\n    AS $rowguard$SELECT NULLIF("
            + "pg_catalog.current_setting(" + SqlLiterals.string(key.setting()) + ", true), '')::" + key.sqlType()
            + "$rowguard$;");
      }
    }
    return functions;
  }

  /** The function of a key in a schema, {@code schema.rowguard_<column>()}. */
  static String name(String schemaName, TenantKeyColumn key) {
    return quote(schemaName) + "." + quote(ConstraintNames.shorten("rowguard_" + key.column())) + "()";
  }
}
