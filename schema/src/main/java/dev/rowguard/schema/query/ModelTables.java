package dev.rowguard.schema.query;

import dev.rowguard.schema.Column;
import dev.rowguard.schema.Schema;
import dev.rowguard.schema.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The schema's tables, found by the names SQL gives them. */
final class ModelTables {
  private final Map<String, Table> byQualifiedName;
  private final Map<String, List<Table>> byName;
  private final Set<String> enumTypes;

  ModelTables(Schema schema) {
    Map<String, Table> qualified = new LinkedHashMap<>();
    Map<String, List<Table>> named = new LinkedHashMap<>();
    for (Table table : schema.tables()) {
      qualified.put(table.name().schema() + "." + table.name().name(), table);
      named.computeIfAbsent(table.name().name(), n -> new ArrayList<>()).add(table);
    }
    this.byQualifiedName = Map.copyOf(qualified);
    this.byName = Map.copyOf(named);
    this.enumTypes = schema.tables().stream()
        .flatMap(t -> t.columns().stream())
        .filter(c -> !c.allowedValues().isEmpty())
        .map(Column::javaType)
        .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * The table {@code schema.name} (both folded), or, without schema, the first table of that name: the search
   * path is not known at compile time.
   */
  Table find(String schema, String name) {
    if (schema != null) {
      return byQualifiedName.get(schema + "." + name);
    }
    List<Table> tables = byName.get(name);
    return tables == null ? null : tables.get(0);
  }

  /** Every table name, for suggestions. */
  List<String> names() {
    return byName.keySet().stream().sorted().toList();
  }

  /** The Java enum types mapped by some column. */
  Set<String> enumTypes() {
    return enumTypes;
  }
}
