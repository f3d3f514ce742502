package dev.rowguard.processor.derive;

import dev.rowguard.schema.ForeignKey;
import dev.rowguard.schema.Index;
import dev.rowguard.schema.Key;
import dev.rowguard.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Adds an index on every foreign key's columns unless an existing key or index already leads with them:
 * without it, every delete of a parent row scans the child table.
 */
final class ForeignKeyIndexes {
  private ForeignKeyIndexes() {}

  static Table apply(Table table) {
    List<Index> indexes = new ArrayList<>(table.indexes());
    for (ForeignKey foreignKey : table.foreignKeys()) {
      boolean covered = Stream.concat(
              Stream.concat(Stream.ofNullable(table.primaryKey()), table.uniqueKeys().stream()).map(Key::columns),
              indexes.stream().map(Index::columns))
          .anyMatch(columns -> leadsWith(columns, foreignKey.columns()));
      if (!covered) {
        indexes.add(new Index(null, foreignKey.columns(), false));
      }
    }
    return table.withConstraints(table.primaryKey(), table.uniqueKeys(), table.foreignKeys(), table.checks(), indexes);
  }

  private static boolean leadsWith(List<String> columns, List<String> prefix) {
    return columns.size() >= prefix.size() && columns.subList(0, prefix.size()).equals(prefix);
  }
}
