package dev.rowguard.schema.migrate;

import dev.rowguard.schema.QualifiedName;
import java.util.Map;

/**
 * The old names that {@code @RenamedFrom} gives, keyed by the new names.
 *
 * @param tables the old name of a table, by its new name
 * @param columns the old name of a column, by its new {@code schema.table.column}
 * @param values for enum columns, by new {@code schema.table.column}: the new stored value of each old one
 */
public record Renames(
    Map<QualifiedName, QualifiedName> tables, Map<String, String> columns, Map<String, Map<String, String>> values) {
  public static final Renames NONE = new Renames(Map.of(), Map.of(), Map.of());

  public Renames {
    tables = Map.copyOf(tables);
    columns = Map.copyOf(columns);
    values = Map.copyOf(values);
  }
}
