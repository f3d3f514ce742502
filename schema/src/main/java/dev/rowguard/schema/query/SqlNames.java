package dev.rowguard.schema.query;

import java.util.Locale;

/** How PostgreSQL reads the names written in SQL. */
final class SqlNames {
  private SqlNames() {}

  /** PostgreSQL folds unquoted identifiers to lower case; quoted ones are compared as written. */
  static String fold(String identifier) {
    if (identifier.length() >= 2 && identifier.startsWith("\"") && identifier.endsWith("\"")) {
      return identifier.substring(1, identifier.length() - 1).replace("\"\"", "\"");
    }
    return identifier.toLowerCase(Locale.ROOT);
  }

  /** {@code fold} that lets {@code null} through, for optional parts (schema, alias). */
  static String foldOrNull(String identifier) {
    return identifier == null || identifier.isEmpty() ? null : fold(identifier);
  }
}
