package dev.rowguard.schema.sql;

import java.util.List;
import java.util.stream.Collectors;

/** SQL literals and the small expressions Rowguard writes from them. */
public final class SqlLiterals {
  private SqlLiterals() {}

  /**
   * A string literal: {@code it's} → {@code 'it''s'}. A value with a backslash becomes an escape string
   * ({@code E'a\\b'}): a plain literal would end at {@code \'} when standard_conforming_strings is off, so that
   * the rest of a Javadoc comment or stored value would be read as SQL; an escape string reads the same either way.
   */
  public static String string(String value) {
    if (value.indexOf('\\') >= 0) {
      return "E'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }
    return "'" + value.replace("'", "''") + "'";
  }

  /** {@code column IN ('a', 'b')}: the expression of an enum's CHECK constraint. */
  public static String in(String column, List<String> values) {
    return Identifiers.quote(column) + " IN ("
        + values.stream().map(SqlLiterals::string).collect(Collectors.joining(", ")) + ")";
  }
}
