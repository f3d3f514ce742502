package dev.rowguard.errorprone;

import java.util.regex.Pattern;

/** Whether SQL text reads or writes some table, for the one warning that no schema model was found. */
final class SqlTables {
  /** A table follows FROM, JOIN, UPDATE, INTO or DELETE FROM; literals and comments are close enough here. */
  private static final Pattern TABLE_CLAUSE =
      Pattern.compile("(?is)\\b(from|join|update|into)\\s+(?!\\()[\"A-Za-z_]");

  private SqlTables() {}

  static boolean namesATable(String sql) {
    return TABLE_CLAUSE.matcher(sql).find();
  }
}
