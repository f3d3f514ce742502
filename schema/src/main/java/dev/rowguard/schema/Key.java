package dev.rowguard.schema;

import java.util.List;

/**
 * A primary key or unique constraint.
 *
 * @param name constraint name; {@code null} until derived when the user gave none
 * @param columns the key's columns, in order
 */
public record Key(String name, List<String> columns) {
  public Key {
    columns = columns == null ? List.of() : List.copyOf(columns);
  }

  public Key withName(String value) {
    return new Key(value, columns);
  }
}
