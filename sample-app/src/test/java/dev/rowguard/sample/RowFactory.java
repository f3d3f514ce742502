package dev.rowguard.sample;

import dev.rowguard.schema.Column;
import dev.rowguard.schema.ForeignKey;
import dev.rowguard.schema.QualifiedName;
import dev.rowguard.schema.Table;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds a valid new row for any table of the schema model, from the model alone: a fresh primary key, the
 * tenant's key values, foreign keys pointing at parent rows chosen by the caller, and a plain value for every
 * other NOT NULL column without a default (the first allowed value of an enum check, {@code 1} for numbers,
 * a short unique text). Nullable columns are left NULL, which satisfies any CHECK. A table whose constraints
 * these values cannot satisfy fails loudly when inserted, never silently skipped.
 */
final class RowFactory {
  /** Chooses the parent row a foreign key points at; {@code ordinal} counts this table's keys to that target. */
  interface Parents {
    Row parent(ForeignKey foreignKey, int ordinal);
  }

  private final AtomicLong sequence = new AtomicLong(1_000);
  private final Random random;

  /** {@code seed} makes the generated keys, and so any order that depends on them, the same on every run. */
  RowFactory(long seed) {
    this.random = new Random(seed);
  }

  /**
   * A new row of {@code table}. {@code tenantKeys} holds a value for each of the table's tenant key columns
   * (nothing for a shared table); key columns that belong to a foreign key keep the tenant's value.
   */
  Row newRow(Table table, Map<String, String> tenantKeys, Parents parents) {
    Set<String> keyColumns = table.tenanted() ? Set.copyOf(table.tenancy().columns()) : Set.of();
    Set<String> referencing = new HashSet<>();
    table.foreignKeys().forEach(fk -> referencing.addAll(fk.columns()));
    String id = Row.idColumn(table);
    Map<String, String> values = new LinkedHashMap<>();
    for (Column column : table.columns()) {
      String name = column.name();
      if (name.equals(id)) {
        values.put(name, freshValue(column));
      } else if (keyColumns.contains(name)) {
        values.put(name, required(tenantKeys.get(name), table, name));
      } else if (!referencing.contains(name) && !column.nullable() && column.defaultSql() == null) {
        values.put(name, filler(column));
      }
    }
    Map<QualifiedName, Integer> ordinals = new HashMap<>();
    for (ForeignKey foreignKey : table.foreignKeys()) {
      int ordinal = ordinals.merge(foreignKey.target(), 1, Integer::sum) - 1;
      List<String> own = foreignKey.columns().stream().filter(c -> !keyColumns.contains(c)).toList();
      if (own.isEmpty()) {
        continue; // a reference made by the tenant keys alone (e.g. to the client account)
      }
      Row parent = parents.parent(foreignKey, ordinal);
      for (int i = 0; i < foreignKey.columns().size(); i++) {
        String column = foreignKey.columns().get(i);
        if (!keyColumns.contains(column)) {
          String value = parent == null ? null : parent.get(foreignKey.targetColumns().get(i));
          if (value == null && !table.column(column).orElseThrow().nullable()) {
            throw new IllegalStateException("no parent row in " + foreignKey.target() + " for " + table.name() + "."
                + column + ", which is NOT NULL");
          }
          values.put(column, value);
        }
      }
    }
    return new Row(table, values);
  }

  /**
   * The column a test can change freely to see whether an update took: not the key, not a tenant key, not a
   * reference, not an enum; text or uuid.
   */
  Optional<Column> payloadColumn(Table table) {
    Set<String> excluded = new HashSet<>(table.tenanted() ? table.tenancy().columns() : List.of());
    excluded.add(Row.idColumn(table));
    table.foreignKeys().forEach(fk -> excluded.addAll(fk.columns()));
    return table.columns().stream()
        .filter(c -> !excluded.contains(c.name()) && c.allowedValues().isEmpty())
        .filter(c -> Set.of("text", "varchar", "uuid").contains(baseType(c)))
        .findFirst();
  }

  /** A value of the column's type not used before: a random uuid, a new number, or a short new text. */
  String freshValue(Column column) {
    return switch (baseType(column)) {
      case "uuid" -> new UUID(random.nextLong(), random.nextLong()).toString();
      case "smallint", "integer", "bigint", "numeric" -> Long.toString(sequence.incrementAndGet());
      case "text", "varchar" -> "r" + sequence.incrementAndGet();
      default -> throw unsupported(column);
    };
  }

  private String filler(Column column) {
    if (!column.allowedValues().isEmpty()) {
      return column.allowedValues().get(0);
    }
    return switch (baseType(column)) {
      case "uuid", "text", "varchar" -> freshValue(column);
      case "boolean" -> "false";
      case "smallint", "integer", "bigint", "numeric", "real", "double precision" -> "1";
      case "jsonb" -> "{}";
      case "timestamptz", "timestamp" -> "2026-01-01 00:00:00+00";
      case "date" -> "2026-01-01";
      case "bytea" -> "\\x00";
      default -> throw unsupported(column);
    };
  }

  private static String baseType(Column column) {
    String type = column.sqlType();
    int parenthesis = type.indexOf('(');
    return parenthesis < 0 ? type : type.substring(0, parenthesis);
  }

  private static IllegalStateException unsupported(Column column) {
    return new IllegalStateException("RowFactory has no value for column " + column.name() + " of type "
        + column.sqlType() + "; add the type to RowFactory");
  }

  private static String required(String value, Table table, String column) {
    if (value == null) {
      throw new IllegalArgumentException("no tenant key value for " + table.name() + "." + column);
    }
    return value;
  }
}
