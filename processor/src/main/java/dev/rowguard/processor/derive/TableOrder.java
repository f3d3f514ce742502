package dev.rowguard.processor.derive;

import dev.rowguard.schema.ForeignKey;
import dev.rowguard.schema.QualifiedName;
import dev.rowguard.schema.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Orders tables so that each comes after the tables it references. Within that, tables are ordered by name,
 * so the script does not depend on the order javac hands the entities over. A foreign-key cycle is broken at
 * the first table by name; its forward references are then added after all tables exist.
 */
final class TableOrder {
  private TableOrder() {}

  static List<Table> apply(List<Table> tables) {
    List<Table> remaining = new ArrayList<>(tables);
    remaining.sort(Comparator.comparing(Table::name));
    Set<QualifiedName> known = new HashSet<>();
    remaining.forEach(t -> known.add(t.name()));
    Set<QualifiedName> created = new HashSet<>();
    List<Table> ordered = new ArrayList<>();
    while (!remaining.isEmpty()) {
      Table next = remaining.stream()
          .filter(t -> t.foreignKeys().stream().allMatch(fk -> isSatisfied(t, fk, created, known)))
          .findFirst()
          .orElse(remaining.get(0));
      remaining.remove(next);
      created.add(next.name());
      ordered.add(next);
    }
    return ordered;
  }

  private static boolean isSatisfied(Table table, ForeignKey fk, Set<QualifiedName> created, Set<QualifiedName> known) {
    return fk.target().equals(table.name()) || created.contains(fk.target()) || !known.contains(fk.target());
  }
}
