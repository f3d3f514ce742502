package dev.rowguard.processor.derive;

import dev.rowguard.schema.ForeignKey;
import dev.rowguard.schema.QualifiedName;
import dev.rowguard.schema.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Orders tables so that each comes after the tables it references. Among the tables that are ready, the first
 * by name comes first, so the script does not depend on the order javac hands the entities over. A
 * foreign-key cycle is broken at the first remaining table by name; its forward references are then added
 * after all tables exist. Kahn's algorithm: linear in tables and references, apart from the name ordering.
 */
final class TableOrder {
  private TableOrder() {}

  static List<Table> apply(List<Table> tables) {
    Map<QualifiedName, Table> byName = new HashMap<>();
    tables.forEach(t -> byName.put(t.name(), t));
    Map<QualifiedName, Integer> waitingFor = new HashMap<>();
    Map<QualifiedName, List<QualifiedName>> dependents = new HashMap<>();
    for (Table table : tables) {
      Set<QualifiedName> targets = new HashSet<>();
      for (ForeignKey fk : table.foreignKeys()) {
        if (!fk.target().equals(table.name()) && byName.containsKey(fk.target())) {
          targets.add(fk.target());
        }
      }
      waitingFor.put(table.name(), targets.size());
      targets.forEach(target -> dependents.computeIfAbsent(target, k -> new ArrayList<>()).add(table.name()));
    }
    TreeMap<QualifiedName, Table> ready = new TreeMap<>();
    TreeMap<QualifiedName, Table> blocked = new TreeMap<>();
    for (Table table : tables) {
      (waitingFor.get(table.name()) == 0 ? ready : blocked).put(table.name(), table);
    }
    List<Table> ordered = new ArrayList<>(tables.size());
    while (!ready.isEmpty() || !blocked.isEmpty()) {
      // Nothing ready: a cycle. Create its first table by name; its references wait for ALTER TABLE.
      Table next = ready.isEmpty() ? blocked.pollFirstEntry().getValue() : ready.pollFirstEntry().getValue();
      ordered.add(next);
      for (QualifiedName dependent : dependents.getOrDefault(next.name(), List.of())) {
        if (blocked.containsKey(dependent) && waitingFor.merge(dependent, -1, Integer::sum) == 0) {
          ready.put(dependent, blocked.remove(dependent));
        }
      }
    }
    return ordered;
  }
}
