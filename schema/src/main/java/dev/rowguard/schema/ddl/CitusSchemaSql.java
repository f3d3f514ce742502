package dev.rowguard.schema.ddl;

import static dev.rowguard.schema.sql.Identifiers.quote;

import dev.rowguard.schema.Distribution;
import dev.rowguard.schema.QualifiedName;
import dev.rowguard.schema.Schema;
import dev.rowguard.schema.Table;
import dev.rowguard.schema.sql.SqlLiterals;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * The body of {@code schema.sql} for the Citus target, in the order Citus accepts: every table without its
 * foreign keys (Citus refuses to distribute a table that a local table references, and a foreign key from a
 * reference or local table to a distributed one), then the shared tables as reference tables, then the tenanted
 * tables distributed by the root tenant key in one colocation group, then every foreign key, then row-level
 * security (propagated by Citus to every shard) through the tenant functions.
 */
public final class CitusSchemaSql {
  /**
   * First in every transaction that creates, distributes or links tables: foreign keys to reference tables in the
   * same transaction as a distribution or a parallel multi-shard statement need one connection per node.
   */
  public static final String SEQUENTIAL_MODE = "SET LOCAL citus.multi_shard_modify_mode TO 'sequential';";

  private CitusSchemaSql() {}

  static void render(Schema schema, StringBuilder sql) {
    // Run as one transaction (Flyway, a multi-statement execute), the foreign keys to reference tables need every
    // earlier statement on one connection per node; alone in auto-commit mode this only warns.
    sql.append('\n').append(SEQUENTIAL_MODE).append('\n');
    List<String> foreignKeys = new ArrayList<>();
    for (Table table : schema.tables()) {
      sql.append('\n');
      SchemaSqlWriter.renderTable(table, new HashSet<>(), foreignKeys, sql);
    }
    sql.append("\n-- Citus: shared tables are copied to every node, tenanted tables are sharded by the root tenant\n"
        + "-- key, all in one colocation group, so each tenant's rows of every table share one shard.\n");
    for (Table table : schema.tables()) {
      sql.append(distribute(table)).append('\n');
    }
    if (!foreignKeys.isEmpty()) {
      sql.append("\n-- Foreign keys, added once the tables are distributed (Citus refuses them before).\n");
      foreignKeys.forEach(statement -> sql.append(statement).append('\n'));
    }
    TenantFunctionsSql.render(schema, sql);
  }

  /** {@code SELECT create_reference_table(…)} or {@code SELECT create_distributed_table(…)}. */
  static String distribute(Table table) {
    return distribute(table, table.distribution().colocateWith());
  }

  /**
   * As {@link #distribute(Table)}, following {@code colocateWith}'s shards ({@code null}: a group of its own),
   * for a table added to a cluster whose group already exists.
   */
  public static String distribute(Table table, QualifiedName colocateWith) {
    Distribution distribution = table.distribution();
    String name = SqlLiterals.string(table.name().sql());
    if (distribution.kind() == Distribution.Kind.REFERENCE) {
      return "SELECT create_reference_table(" + name + ");";
    }
    return "SELECT create_distributed_table(" + name + ", " + SqlLiterals.string(quote(distribution.column()))
        + ", colocate_with => " + (colocateWith == null ? "'none'" : SqlLiterals.string(colocateWith.sql())) + ");";
  }
}
