package dev.rowguard.sample;

import dev.rowguard.schema.Column;
import dev.rowguard.schema.Table;
import dev.rowguard.schema.sql.Identifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A row of a table of the schema model: the values of the columns it sets, as text (a {@code null} value is SQL
 * NULL; a column not set takes its default). The INSERT casts each value to its column's type, so any table of
 * the model can be written without per-table code.
 */
record Row(Table table, Map<String, String> values) {
  Row {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values)); // keeps nulls and column order
  }

  String get(String column) {
    if (!values.containsKey(column)) {
      throw new IllegalArgumentException(table.name() + " row does not set " + column + ": " + values);
    }
    return values.get(column);
  }

  /** The primary key's value. */
  String id() {
    return get(idColumn(table));
  }

  Row with(String column, String value) {
    Map<String, String> changed = new LinkedHashMap<>(values);
    changed.put(column, value);
    return new Row(table, changed);
  }

  void insert(Connection connection) throws SQLException {
    String columns = values.keySet().stream().map(Identifiers::quote).collect(Collectors.joining(", "));
    String casts = values.keySet().stream().map(c -> "CAST(? AS " + sqlType(c) + ")")
        .collect(Collectors.joining(", "));
    try (PreparedStatement statement = connection.prepareStatement(
        "INSERT INTO " + table.name().sql() + " (" + columns + ") VALUES (" + casts + ")")) {
      int parameter = 1;
      for (String value : values.values()) {
        statement.setString(parameter++, value);
      }
      statement.executeUpdate();
    }
  }

  private String sqlType(String column) {
    return table.column(column).map(Column::sqlType).orElseThrow();
  }

  /** The {@code @Id} column that the suite addresses rows by: the primary key's, beside the tenant keys on Citus. */
  static String idColumn(Table table) {
    List<String> own = table.primaryKey() == null ? List.of() : table.primaryKey().columns().stream()
        .filter(c -> !table.tenanted() || !table.tenancy().columns().contains(c))
        .toList();
    if (own.size() != 1) {
      throw new IllegalStateException(table.name() + " has no single id column to address rows by");
    }
    return own.get(0);
  }

  @Override
  public String toString() {
    return table.name().toString() + values;
  }
}
