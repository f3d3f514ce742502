package dev.rowguard.schema;

import java.util.List;

/**
 * An index.
 *
 * @param name index name; {@code null} until derived when the user gave none
 * @param columns indexed columns, in order
 * @param unique whether it is a unique index
 */
public record Index(String name, List<String> columns, boolean unique) {
  public Index {
    columns = columns == null ? List.of() : List.copyOf(columns);
  }

  public Index withName(String value) {
    return new Index(value, columns, unique);
  }
}
