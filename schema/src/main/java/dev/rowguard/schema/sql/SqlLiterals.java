package dev.rowguard.schema.sql;

import java.util.List;
import java.util.stream.Collectors;

/** SQL literals and the small expressions Rowguard writes from them. */
public final class SqlLiterals {
  private SqlLiterals() {}

  /** A standard string literal: {@code it's} → {@code 'it''s'}. */
  public static String string(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  /** {@code column IN ('a', 'b')}: the expression of an enum's CHECK constraint. */
  public static String in(String column, List<String> values) {
    return Identifiers.quote(column) + " IN ("
        + values.stream().map(SqlLiterals::string).collect(Collectors.joining(", ")) + ")";
  }
}
