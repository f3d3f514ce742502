package dev.rowguard.schema.migrate;

import static dev.rowguard.schema.migrate.Statements.BRIEF;
import static dev.rowguard.schema.migrate.Statements.alter;
import static dev.rowguard.schema.migrate.Statements.lock;
import static dev.rowguard.schema.sql.Identifiers.quote;

import dev.rowguard.schema.ForeignKey;
import dev.rowguard.schema.QualifiedName;
import dev.rowguard.schema.Table;
import dev.rowguard.schema.ddl.RowLevelSecuritySql;
import dev.rowguard.schema.ddl.SchemaSqlWriter;
import dev.rowguard.schema.sql.SqlLiterals;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Schemas created, tables created (as in {@code schema.sql}: in the model's order, a foreign key that closes a
 * cycle added once every table exists), renamed, commented, and dropped when acknowledged.
 */
final class TableChanges {
  private final Correspondence match;
  private final ConstraintChanges constraints;
  private final List<Change> changes;

  TableChanges(Correspondence match, ConstraintChanges constraints, List<Change> changes) {
    this.match = match;
    this.constraints = constraints;
    this.changes = changes;
  }

  void plan() {
    Set<String> schemas = new TreeSet<>();
    match.target.tables().forEach(t -> schemas.add(t.name().schema()));
    match.old.tables().forEach(t -> schemas.remove(t.name().schema()));
    schemas.remove("public");
    for (String schema : schemas) {
      changes.add(new Change(Phase.CREATE_SCHEMA, schema, "schema " + schema + " created", null,
          List.of(Step.of(null, "CREATE SCHEMA IF NOT EXISTS " + quote(schema) + ";"))));
    }
    Set<QualifiedName> created = new HashSet<>(match.oldTables.keySet());
    List<String> deferred = new ArrayList<>();
    List<String> afterKeys = new ArrayList<>();
    for (Table table : match.target.tables()) {
      Table before = match.oldTables.get(table.name());
      if (before == null) {
        created.add(table.name());
        StringBuilder sql = new StringBuilder();
        renderNew(table, created, deferred, afterKeys, sql);
        changes.add(new Change(Phase.CREATE_TABLE, table.name().toString(), "table " + table.name() + " created ("
            + table.columns().size() + (table.columns().size() == 1 ? " column" : " columns")
            + (table.tenanted() ? ", tenanted" : "") + ")", null,
            List.of(Step.of(null, sql.toString().strip()))));
        if (table.tenanted()) {
          changes.add(TenancyChanges.enable(table));
        }
        continue;
      }
      if (!before.name().equals(table.name())) {
        renamed(before.name(), table.name());
      }
      if (!Objects.equals(before.comment(), table.comment())) {
        changes.add(new Change(Phase.COMMENT, table.name().toString(), "comment of table " + table.name()
            + (table.comment() == null ? " removed" : " changed"), null,
            List.of(Step.of(null, "COMMENT ON TABLE " + table.name().sql() + " IS "
                + (table.comment() == null ? "NULL" : SqlLiterals.string(table.comment())) + ";"))));
      }
    }
    if (!deferred.isEmpty()) {
      String summary = match.citus ? "foreign keys of new tables added, once the tables are distributed (Citus "
          + "refuses them before)" : "foreign keys that close a cycle between new tables added";
      changes.add(new Change(Phase.FOREIGN_KEY, "", summary, null,
          deferred.stream().map(s -> Step.of(null, s)).toList()));
    }
    if (!afterKeys.isEmpty()) {
      changes.add(new Change(Phase.FOREIGN_KEY, "", "foreign keys of new tables to keys added to existing tables",
          null, afterKeys.stream().map(s -> Step.afterConcurrently("SHARE ROW EXCLUSIVE on both tables, brief (the "
              + "new table has no rows to check)", s)).toList()));
    }
    dropped();
  }

  /**
   * A new table as {@code schema.sql} creates it, except its foreign keys to a key that this migration adds to an
   * existing table: that key exists only once its index is built concurrently, so they go to {@code afterKeys}.
   * On Citus every foreign key of a new table waits until the tables are distributed.
   */
  private void renderNew(Table table, Set<QualifiedName> created, List<String> deferred, List<String> afterKeys,
      StringBuilder sql) {
    Set<QualifiedName> inline = match.citus ? new HashSet<>() : new HashSet<>(created);
    table.foreignKeys().stream().filter(constraints::referencesAddedKey).forEach(k -> inline.remove(k.target()));
    List<String> outOfLine = new ArrayList<>();
    SchemaSqlWriter.renderTable(table, inline, outOfLine, sql);
    List<ForeignKey> keys = table.foreignKeys().stream().filter(k -> !inline.contains(k.target())).toList();
    for (int i = 0; i < keys.size(); i++) {
      (constraints.referencesAddedKey(keys.get(i)) ? afterKeys : deferred).add(outOfLine.get(i));
    }
  }

  private void renamed(QualifiedName from, QualifiedName to) {
    List<Step> steps = new ArrayList<>();
    QualifiedName at = from;
    if (!from.name().equals(to.name())) {
      steps.add(Step.of(lock(BRIEF, from), alter(from) + " RENAME TO " + quote(to.name()) + ";"));
      at = new QualifiedName(from.schema(), to.name());
    }
    if (!from.schema().equals(to.schema())) {
      steps.add(Step.of(lock(BRIEF, at), alter(at) + " SET SCHEMA " + quote(to.schema()) + ";"));
    }
    changes.add(new Change(Phase.RENAME_TABLE, to.toString(), "table " + from + " renamed to " + to, null, steps));
  }

  /** Acknowledged table drops; foreign keys between dropped tables go first, so that a cycle drops too. */
  private void dropped() {
    Set<QualifiedName> names = new HashSet<>();
    match.droppedTables.forEach(t -> names.add(t.name()));
    for (Table table : match.droppedTables) {
      for (ForeignKey key : table.foreignKeys()) {
        if (names.contains(key.target())) {
          changes.add(new Change(Phase.DROP_FOREIGN_KEY, table.name().toString(), "foreign key " + key.name() + " of "
              + table.name() + " dropped with its table", null, List.of(Step.of(lock(BRIEF, table.name()),
                  alter(table.name()) + " DROP CONSTRAINT " + quote(key.name()) + ";"))));
        }
      }
    }
    for (Table table : match.droppedTables) {
      changes.add(new Change(Phase.DROP_TABLE, table.name().toString(), "table " + table.name() + " dropped",
          "every row of table " + table.name(), List.of(Step.of(lock(BRIEF, table.name()),
              "DROP TABLE " + table.name().sql() + ";"))));
    }
  }
}
