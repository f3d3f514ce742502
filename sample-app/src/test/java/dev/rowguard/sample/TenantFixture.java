package dev.rowguard.sample;

import dev.rowguard.schema.QualifiedName;
import dev.rowguard.schema.Table;
import dev.rowguard.schema.TenantKeyColumn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** One tenant's seeded rows and key values, as the suite created them. */
final class TenantFixture {
  private final String label;
  private final List<TenantKeyColumn> levels;
  private final Map<String, String> keys = new LinkedHashMap<>();
  private final Map<QualifiedName, List<Row>> rows = new HashMap<>();

  TenantFixture(String label, List<TenantKeyColumn> levels) {
    this.label = label;
    this.levels = levels;
  }

  String label() {
    return label;
  }

  void setKey(String column, String value) {
    keys.put(column, value);
  }

  String key(String column) {
    return keys.get(column);
  }

  void add(Row row) {
    rows.computeIfAbsent(row.table().name(), name -> new ArrayList<>()).add(row);
  }

  List<Row> rows(QualifiedName table) {
    return rows.getOrDefault(table, List.of());
  }

  /** Row {@code index} of {@code table}, or null if the table has none yet (a cycle). */
  Row row(QualifiedName table, int index) {
    List<Row> seeded = rows(table);
    return seeded.isEmpty() ? null : seeded.get(index % seeded.size());
  }

  List<String> ids(Table table) {
    return rows(table.name()).stream().map(Row::id).toList();
  }

  /** The values of {@code table}'s tenant key columns (none for a shared table). */
  Map<String, String> keysFor(Table table) {
    Map<String, String> values = new LinkedHashMap<>();
    if (table.tenanted()) {
      table.tenancy().columns().forEach(column -> values.put(column, keys.get(column)));
    }
    return values;
  }

  /** The setting of every level, outermost first: this tenant's value, or "" for a level not known yet. */
  List<String> settings() {
    return levels.stream().map(level -> keys.getOrDefault(level.column(), "")).toList();
  }

  /** Parents for a new row that no seeded row has: each reference to a table takes every other row. */
  RowFactory.Parents freshParents() {
    return (foreignKey, ordinal) -> row(foreignKey.target(), 2 * ordinal);
  }

  @Override
  public String toString() {
    return "tenant " + label + keys.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", ", " (", ")"));
  }
}
