package dev.rowguard.schema;

import java.util.List;

/**
 * A foreign key.
 *
 * @param name constraint name; {@code null} until derived
 * @param columns referencing columns, in order
 * @param target the referenced table
 * @param targetColumns the referenced columns (its primary key), in the same order
 * @param field the Java field that declares it
 */
public record ForeignKey(
    String name, List<String> columns, QualifiedName target, List<String> targetColumns, String field) {
  public ForeignKey {
    columns = columns == null ? List.of() : List.copyOf(columns);
    targetColumns = targetColumns == null ? List.of() : List.copyOf(targetColumns);
  }

  public ForeignKey withName(String value) {
    return new ForeignKey(value, columns, target, targetColumns, field);
  }
}
