package dev.rowguard.schema.migrate;

import dev.rowguard.schema.Column;
import dev.rowguard.schema.ForeignKey;
import dev.rowguard.schema.QualifiedName;
import dev.rowguard.schema.Schema;
import dev.rowguard.schema.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which table and column of the old model each one of the new model is (by name, or by {@code @RenamedFrom}),
 * what the new model no longer has, and the target: the new model plus the tables and columns kept as pending
 * drops. A kept column is bare (no constraint, no index) and nullable unless a default or identity fills it, so
 * that code that no longer writes it can still insert rows.
 */
final class Correspondence {
  final Schema old;
  final Schema target;
  /** The old table of each target table that existed before, by target name. */
  final Map<QualifiedName, Table> oldTables = new LinkedHashMap<>();
  /** Target table name by old table name, for every old table that stays. */
  private final Map<QualifiedName, QualifiedName> newNames = new HashMap<>();
  /** Per old table name: the target column name of each old column that stays. */
  private final Map<QualifiedName, Map<String, String>> newColumns = new HashMap<>();
  /** Old tables dropped, acknowledged by allowDataLoss. */
  final List<Table> droppedTables = new ArrayList<>();
  /** Old columns dropped, acknowledged by allowDataLoss: target table name → old columns. */
  final Map<QualifiedName, List<Column>> droppedColumns = new LinkedHashMap<>();
  final List<PendingDrop> pendingDrops = new ArrayList<>();
  /** Whether the new model is for Citus (its tables are distributed), which changes how some steps are written. */
  final boolean citus;

  private Correspondence(Schema old, Schema current, Renames renames, MigrationRules rules) {
    this.old = old;
    this.citus = current.distributed();
    Set<QualifiedName> used = new HashSet<>();
    List<Table> tables = new ArrayList<>();
    for (Table table : current.tables()) {
      Optional<Table> previous = previousTable(old, current, renames, table.name());
      List<Column> columns = new ArrayList<>(table.columns());
      if (previous.isPresent()) {
        Table before = previous.get();
        used.add(before.name());
        newNames.put(before.name(), table.name());
        Map<String, String> columnNames = new HashMap<>();
        for (Column column : table.columns()) {
          previousColumn(before, table, renames, column.name()).ifPresent(c -> columnNames.put(c, column.name()));
        }
        for (Column column : before.columns()) {
          if (columnNames.containsKey(column.name())) {
            continue;
          }
          String subject = table.name() + "." + column.name();
          if (rules.allows(subject)) {
            droppedColumns.computeIfAbsent(table.name(), n -> new ArrayList<>()).add(column);
          } else {
            pendingDrops.add(new PendingDrop(subject, false));
            columns.add(kept(column));
            columnNames.put(column.name(), column.name());
          }
        }
        newColumns.put(before.name(), columnNames);
        oldTables.put(table.name(), before);
      }
      tables.add(new Table(table.name(), table.entity(), table.comment(), table.tenancy(), columns,
          table.primaryKey(), table.uniqueKeys(), table.foreignKeys(), table.checks(), table.indexes(),
          table.distribution()));
    }
    List<Table> kept = new ArrayList<>();
    for (Table table : old.tables()) {
      if (used.contains(table.name())) {
        continue;
      }
      if (rules.allows(table.name().toString())) {
        droppedTables.add(table);
      } else {
        pendingDrops.add(new PendingDrop(table.name().toString(), true));
        kept.add(table);
        newNames.put(table.name(), table.name());
        Map<String, String> same = new HashMap<>();
        table.columns().forEach(c -> same.put(c.name(), c.name()));
        newColumns.put(table.name(), same);
        oldTables.put(table.name(), table);
      }
    }
    // A kept table's foreign keys follow the renames of the tables they refer to; those to dropped tables go.
    for (Table table : kept) {
      List<ForeignKey> foreignKeys = new ArrayList<>();
      for (ForeignKey key : table.foreignKeys()) {
        QualifiedName targetName = newName(key.target());
        List<String> targetColumns = targetName == null ? null : newColumns(key.target(), key.targetColumns());
        if (targetColumns != null) {
          foreignKeys.add(new ForeignKey(key.name(), key.columns(), targetName, targetColumns, key.field()));
        }
      }
      tables.add(table.withConstraints(table.primaryKey(), table.uniqueKeys(), foreignKeys, table.checks(),
          table.indexes()));
    }
    this.target = Schema.of(tables);
  }

  static Correspondence of(Schema old, Schema current, Renames renames, MigrationRules rules) {
    return new Correspondence(old, current, renames, rules);
  }

  /** The old table a new one continues: the one its {@code @RenamedFrom} names, else the one of its name. */
  private static Optional<Table> previousTable(Schema old, Schema current, Renames renames, QualifiedName name) {
    QualifiedName from = renames.tables().get(name);
    if (from != null && !from.equals(name) && old.table(from).isPresent() && current.table(from).isEmpty()) {
      return old.table(from);
    }
    return old.table(name);
  }

  private static Optional<String> previousColumn(Table before, Table table, Renames renames, String column) {
    String from = renames.columns().get(table.name() + "." + column);
    if (from != null && !from.equals(column) && before.column(from).isPresent() && table.column(from).isEmpty()) {
      return Optional.of(from);
    }
    return before.column(column).map(Column::name);
  }

  private static Column kept(Column column) {
    boolean filled = column.defaultSql() != null || column.identity();
    return new Column(column.name(), column.field(), column.javaType(), column.sqlType(),
        column.nullable() || !filled, column.defaultSql(), column.identity(), false, List.of(), column.comment());
  }

  /** The target name of an old table, or {@code null} when it is dropped. */
  QualifiedName newName(QualifiedName oldTable) {
    return newNames.get(oldTable);
  }

  /** The target name of an old column, or {@code null} when it is dropped. */
  String newColumn(QualifiedName oldTable, String oldColumn) {
    return newColumns.getOrDefault(oldTable, Map.of()).get(oldColumn);
  }

  /** The target names of old columns, or {@code null} when one of them is dropped. */
  List<String> newColumns(QualifiedName oldTable, List<String> oldColumns) {
    List<String> names = new ArrayList<>();
    for (String column : oldColumns) {
      String name = newColumn(oldTable, column);
      if (name == null) {
        return null;
      }
      names.add(name);
    }
    return names;
  }

  /** Old column name → target name, for the columns of an old table that stay. */
  Map<String, String> columnRenames(QualifiedName oldTable) {
    return newColumns.getOrDefault(oldTable, Map.of());
  }

  boolean pending(String subject) {
    return pendingDrops.stream().anyMatch(p -> p.subject().equals(subject));
  }
}
