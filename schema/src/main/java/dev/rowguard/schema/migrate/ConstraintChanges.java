package dev.rowguard.schema.migrate;

import static dev.rowguard.schema.migrate.Statements.BRIEF;
import static dev.rowguard.schema.migrate.Statements.VALIDATE;
import static dev.rowguard.schema.migrate.Statements.alter;
import static dev.rowguard.schema.migrate.Statements.lock;
import static dev.rowguard.schema.sql.Identifiers.quote;

import dev.rowguard.schema.CheckConstraint;
import dev.rowguard.schema.ForeignKey;
import dev.rowguard.schema.Index;
import dev.rowguard.schema.Key;
import dev.rowguard.schema.QualifiedName;
import dev.rowguard.schema.Table;
import dev.rowguard.schema.ddl.SchemaSqlWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Primary and unique keys, foreign keys, CHECK constraints and indexes, compared by what they say (columns,
 * target, normalised expression), not by name: one whose table or columns were renamed is renamed, not rebuilt.
 * CHECK constraints of one column that changed (an enum's values) are replaced in one block; foreign keys and
 * CHECKs are added {@code NOT VALID} and validated under a lock that lets writes go on; indexes are built
 * {@code CONCURRENTLY}, outside the migration's transaction.
 */
final class ConstraintChanges {
  /**
   * A constraint or index, by what it says in the new model's names. {@code reference}: for a key, its table and
   * columns; for a foreign key, the key it references, in the same form; otherwise null.
   */
  private record Item(String kind, String name, String content, String hint, String definition, String reference) {}

  private final Correspondence match;
  private final EnumValueChanges enums;
  private final List<Change> changes;
  /** The keys added to existing tables: their index is built concurrently, the constraint attached after it. */
  private final Set<String> builtConcurrently = new HashSet<>();

  ConstraintChanges(Correspondence match, EnumValueChanges enums, List<Change> changes) {
    this.match = match;
    this.enums = enums;
    this.changes = changes;
    for (Table table : match.target.tables()) {
      Table before = match.oldTables.get(table.name());
      if (before != null) {
        Set<String> previous = new HashSet<>();
        translated(before).forEach(i -> previous.add(i.content()));
        items(table).stream().filter(i -> i.kind().endsWith(" key") && !i.kind().equals("foreign key"))
            .filter(i -> !previous.contains(i.content())).forEach(i -> builtConcurrently.add(i.reference()));
      }
    }
  }

  /** Whether the foreign key references a key that this migration adds to an existing table. */
  boolean referencesAddedKey(ForeignKey key) {
    return builtConcurrently.contains(reference(key.target(), key.targetColumns()));
  }

  void plan(Table before, Table after) {
    Map<String, Item> previous = new LinkedHashMap<>();
    translated(before).forEach(i -> previous.put(i.content(), i));
    Map<String, Item> current = new LinkedHashMap<>();
    items(after).forEach(i -> current.put(i.content(), i));
    QualifiedName name = after.name();
    List<Item> added = new ArrayList<>();
    for (Item item : current.values()) {
      Item old = previous.remove(item.content());
      if (old == null) {
        added.add(item);
      } else if (!old.name().equals(item.name()) && match.citus && (item.kind().equals("check")
          || item.kind().equals("foreign key"))) {
        // Citus renames no constraint of a distributed table: the old one is dropped and the new one added.
        previous.put(old.content(), old);
        added.add(item);
      } else if (!old.name().equals(item.name())) {
        // On Citus a key is renamed through its index (PostgreSQL renames the constraint with it).
        boolean throughIndex = item.kind().equals("index") || match.citus && !item.kind().equals("check");
        String sql = throughIndex
            ? "ALTER INDEX " + quote(name.schema()) + "." + quote(old.name()) + " RENAME TO " + quote(item.name()) + ";"
            : alter(name) + " RENAME CONSTRAINT " + quote(old.name()) + " TO " + quote(item.name()) + ";";
        changes.add(new Change(Phase.RENAME_CONSTRAINT, name.toString(), item.kind() + " " + old.name() + " of "
            + name + " renamed to " + item.name(), null, List.of(Step.of(lock(BRIEF, name), sql))));
      }
    }
    for (Item item : added) {
      Item replaced = item.kind().equals("check") ? pairedCheck(previous, item) : null;
      if (replaced != null) {
        previous.remove(replaced.content());
        changes.add(enums.replaceCheck(before, after, replaced.name(), item.name(), item.hint(), item.definition()));
      } else {
        changes.add(add(after, item));
      }
    }
    for (Item item : previous.values()) {
      changes.add(drop(name, item));
    }
  }

  /** The old CHECK the new one replaces: the one for the same column (or the same part of its name). */
  private static Item pairedCheck(Map<String, Item> previous, Item check) {
    return previous.values().stream()
        .filter(i -> i.kind().equals("check") && i.hint() != null && i.hint().equals(check.hint()))
        .findFirst().orElse(null);
  }

  private Change add(Table table, Item item) {
    QualifiedName name = table.name();
    String constraint = alter(name) + " ADD CONSTRAINT " + quote(item.name()) + " ";
    return switch (item.kind()) {
      case "check" -> new Change(Phase.CHECK, name.toString(), "check " + item.name() + " of " + name + " added: "
          + item.definition(), null, List.of(
              Step.of(lock(BRIEF, name), constraint + "CHECK (" + item.definition() + ") NOT VALID;"),
              Step.of(lock(VALIDATE, name), alter(name) + " VALIDATE CONSTRAINT " + quote(item.name()) + ";")));
      case "foreign key" -> foreignKey(name, item.name(), item.definition(),
          builtConcurrently.contains(item.reference()));
      case "index" -> new Change(Phase.INDEX, name.toString(), item.definition().toLowerCase() + " " + item.name()
          + " on " + name + " " + item.hint() + " added", null, List.of(
              Step.concurrently("SHARE UPDATE EXCLUSIVE on " + name + " (reads and writes go on); outside a transaction",
                  "CREATE " + item.definition() + " CONCURRENTLY " + quote(item.name()) + " ON " + name.sql() + " "
                      + item.hint() + ";")));
      default -> new Change(Phase.KEY, name.toString(), item.kind() + " " + item.name() + " of " + name + " added: "
          + item.definition(), null, List.of(
              Step.concurrently("SHARE UPDATE EXCLUSIVE on " + name + " (reads and writes go on); outside a "
                  + "transaction", "CREATE UNIQUE INDEX CONCURRENTLY " + quote(item.name()) + " ON " + name.sql() + " "
                  + item.hint() + ";"),
              Step.afterConcurrently(lock(BRIEF, name) + "; the index becomes the constraint's"
                  + (item.kind().equals("primary key") ? " (its columns are NOT NULL already)" : ""),
                  constraint + item.definition().substring(0, item.definition().indexOf(" ("))
                      + " USING INDEX " + quote(item.name()) + ";")));
    };
  }

  /**
   * A foreign key added {@code NOT VALID}, then validated. One that references a key this migration adds to an
   * existing table goes after that key's constraint is attached, in the file after the concurrent one.
   */
  static Change foreignKey(QualifiedName table, String name, String definition, boolean afterConcurrently) {
    String add = alter(table) + " ADD CONSTRAINT " + quote(name) + " " + definition + " NOT VALID;";
    String validate = alter(table) + " VALIDATE CONSTRAINT " + quote(name) + ";";
    String addLock = "SHARE ROW EXCLUSIVE on " + table + " and the referenced table, brief (no scan)";
    String validateLock = lock(VALIDATE, table) + "; ROW SHARE on the referenced table";
    return new Change(Phase.FOREIGN_KEY, table.toString(), "foreign key " + name + " of " + table + " added: "
        + definition, null, afterConcurrently
            ? List.of(Step.afterConcurrently(addLock, add), Step.afterConcurrently(validateLock, validate))
            : List.of(Step.of(addLock, add), Step.of(validateLock, validate)));
  }

  private static Change drop(QualifiedName name, Item item) {
    if (item.kind().equals("index")) {
      return new Change(Phase.DROP_CONSTRAINT, name.toString(), "index " + item.name() + " on " + name + " dropped",
          null, List.of(Step.of(lock(BRIEF, name), "DROP INDEX " + quote(name.schema()) + "." + quote(item.name())
              + ";")));
    }
    return new Change(item.kind().equals("foreign key") ? Phase.DROP_FOREIGN_KEY : Phase.DROP_CONSTRAINT,
        name.toString(), item.kind() + " " + item.name() + " of " + name + " dropped", null,
        List.of(Step.of(lock(BRIEF, name), alter(name) + " DROP CONSTRAINT " + quote(item.name()) + ";")));
  }

  /** The old table's constraints in the new names; one that uses a dropped column keeps its old content. */
  private List<Item> translated(Table before) {
    QualifiedName table = before.name();
    Map<String, String> renames = match.columnRenames(table);
    List<Item> items = new ArrayList<>();
    if (before.primaryKey() != null) {
      items.add(key(table, "primary key", before.primaryKey(), columns(table, before.primaryKey().columns()),
          "PRIMARY KEY "));
    }
    for (Key key : before.uniqueKeys()) {
      items.add(key(table, "unique key", key, columns(table, key.columns()), "UNIQUE "));
    }
    for (ForeignKey key : before.foreignKeys()) {
      QualifiedName target = match.newName(key.target());
      List<String> targetColumns = target == null ? null : match.newColumns(key.target(), key.targetColumns());
      List<String> columns = match.newColumns(table, key.columns());
      items.add(foreignKey(key.name(), columns == null || targetColumns == null ? key
          : new ForeignKey(key.name(), columns, target, targetColumns, key.field()), columns == null || target == null));
    }
    for (CheckConstraint check : before.checks()) {
      String hint = check.nameHint() == null ? null : renames.getOrDefault(check.nameHint(), check.nameHint());
      items.add(check(check.name(), Statements.renameColumns(check.expression(), renames), hint));
    }
    for (Index index : before.indexes()) {
      List<String> columns = columns(table, index.columns());
      items.add(index(index.name(), columns == null ? index.columns() : columns, index.unique(), columns == null));
    }
    return items;
  }

  private List<String> columns(QualifiedName table, List<String> columns) {
    return match.newColumns(table, columns);
  }

  private static List<Item> items(Table table) {
    List<Item> items = new ArrayList<>();
    if (table.primaryKey() != null) {
      items.add(key(table.name(), "primary key", table.primaryKey(), table.primaryKey().columns(), "PRIMARY KEY "));
    }
    table.uniqueKeys().forEach(k -> items.add(key(table.name(), "unique key", k, k.columns(), "UNIQUE ")));
    table.foreignKeys().forEach(k -> items.add(foreignKey(k.name(), k, false)));
    table.checks().forEach(c -> items.add(check(c.name(), c.expression(), c.nameHint())));
    table.indexes().forEach(i -> items.add(index(i.name(), i.columns(), i.unique(), false)));
    return items;
  }

  /** {@code gone}: it uses a dropped column, so nothing in the new model can be the same. */
  private static Item key(QualifiedName table, String kind, Key key, List<String> columns, String keyword) {
    List<String> used = columns == null ? key.columns() : columns;
    return new Item(kind, key.name(), kind + (columns == null ? " (gone) " : " ") + used, SchemaSqlWriter.columns(used),
        keyword + SchemaSqlWriter.columns(used), reference(table, used));
  }

  private static Item foreignKey(String name, ForeignKey key, boolean gone) {
    String definition = SchemaSqlWriter.foreignKey(key);
    return new Item("foreign key", name, "fk" + (gone ? " (gone) " : " ") + definition, null, definition,
        reference(key.target(), key.targetColumns()));
  }

  private static Item check(String name, String expression, String hint) {
    return new Item("check", name, "check " + expression.replaceAll("\\s+", " ").trim(), hint, expression, null);
  }

  private static Item index(String name, List<String> columns, boolean unique, boolean gone) {
    return new Item("index", name, "index" + (gone ? " (gone) " : " ") + unique + " " + columns, SchemaSqlWriter.columns(columns),
        unique ? "UNIQUE INDEX" : "INDEX", null);
  }

  /** A key by table and columns, in any order (a foreign key may list them otherwise). */
  private static String reference(QualifiedName table, List<String> columns) {
    return table + " " + new TreeSet<>(columns);
  }
}
