package dev.rowguard.schema.ddl;

import static dev.rowguard.schema.sql.Identifiers.quote;

import dev.rowguard.schema.Schema;
import dev.rowguard.schema.Table;
import dev.rowguard.schema.sql.SqlLiterals;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The application role's privileges: usage of each schema, DML on tenanted tables and only SELECT on shared
 * ones (a shared row is every tenant's: one tenant must not change it for the others), never ownership, so
 * that row-level security applies to it. A model without any tenanted table has no tenants to keep apart, so
 * there the role gets DML on every table. The role is created (NOLOGIN) when missing, so the script runs on an
 * empty database; a login role is then made a member of it.
 */
public final class PrivilegesSql {
  public static final String DML = "SELECT, INSERT, UPDATE, DELETE";

  private PrivilegesSql() {}

  static void render(Schema schema, String appRole, StringBuilder sql) {
    if (schema.tables().isEmpty()) {
      return;
    }
    String role = quote(appRole);
    sql.append("\n-- Privileges of the application role. It owns nothing, so row-level security applies to it;\n"
        + "-- log in as a member of it: CREATE ROLE app LOGIN PASSWORD '...'; GRANT ").append(role)
        .append(" TO app;\n");
    sql.append(createRole(appRole)).append('\n');
    new TreeSet<>(schema.tables().stream().map(t -> t.name().schema()).toList()).forEach(s ->
        sql.append("GRANT USAGE ON SCHEMA ").append(quote(s)).append(" TO ").append(role).append(";\n"));
    grant(sql, DML, schema.tables().stream().filter(t -> privileges(schema, t).equals(DML)).toList(), role);
    grant(sql, "SELECT", schema.tables().stream().filter(t -> privileges(schema, t).equals("SELECT")).toList(), role);
  }

  /** Creates the NOLOGIN role unless it exists. */
  public static String createRole(String appRole) {
    // Roles belong to the cluster: another database's script may create the role at the same moment.
    return "DO $rowguard$\nBEGIN\n"
        + "  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = " + SqlLiterals.string(appRole) + ") THEN\n"
        + "    CREATE ROLE " + quote(appRole) + " NOLOGIN;\n"
        + "  END IF;\n"
        + "EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;\n"
        + "END\n$rowguard$;";
  }

  /** What the role may do on a table of the schema: {@link #DML}, or only {@code SELECT}. */
  public static String privileges(Schema schema, Table table) {
    boolean tenancy = schema.tables().stream().anyMatch(Table::tenanted);
    return table.tenanted() || !tenancy ? DML : "SELECT";
  }

  private static void grant(StringBuilder sql, String privileges, List<Table> tables, String role) {
    if (!tables.isEmpty()) {
      sql.append("GRANT ").append(privileges).append(" ON\n    ")
          .append(tables.stream().map(t -> t.name().sql()).collect(Collectors.joining(",\n    ")))
          .append("\n    TO ").append(role).append(";\n");
    }
  }
}
