package dev.rowguard.processor.write;

import static dev.rowguard.schema.sql.Identifiers.quote;

import dev.rowguard.schema.Schema;
import dev.rowguard.schema.Table;
import dev.rowguard.schema.sql.SqlLiterals;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The application role's privileges: usage of each schema and DML on each table, never ownership, so that
 * row-level security applies to it. The role is created (NOLOGIN) when missing, so the script runs on an empty
 * database; a login role is then made a member of it.
 */
final class PrivilegesSql {
  private PrivilegesSql() {}

  static void render(Schema schema, String appRole, StringBuilder sql) {
    if (schema.tables().isEmpty()) {
      return;
    }
    String role = quote(appRole);
    sql.append("\n-- Privileges of the application role. It owns nothing, so row-level security applies to it;\n"
        + "-- log in as a member of it: CREATE ROLE app LOGIN PASSWORD '...'; GRANT ").append(role)
        .append(" TO app;\n");
    sql.append("DO $rowguard$\nBEGIN\n")
        .append("  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = ").append(SqlLiterals.string(appRole))
        .append(") THEN\n")
        .append("    CREATE ROLE ").append(role).append(" NOLOGIN;\n")
        .append("  END IF;\nEND\n$rowguard$;\n");
    new TreeSet<>(schema.tables().stream().map(t -> t.name().schema()).toList()).forEach(s ->
        sql.append("GRANT USAGE ON SCHEMA ").append(quote(s)).append(" TO ").append(role).append(";\n"));
    sql.append("GRANT SELECT, INSERT, UPDATE, DELETE ON\n    ")
        .append(schema.tables().stream().map(Table::name).map(n -> n.sql()).collect(Collectors.joining(",\n    ")))
        .append("\n    TO ").append(role).append(";\n");
  }
}
