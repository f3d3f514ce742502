package dev.rowguard.schema.migrate;

import static dev.rowguard.schema.sql.Identifiers.quote;

import dev.rowguard.schema.QualifiedName;
import dev.rowguard.schema.sql.ConstraintNames;
import dev.rowguard.schema.sql.SqlLexemes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** SQL pieces and lock descriptions the change planners share. */
final class Statements {
  static final String BRIEF = "ACCESS EXCLUSIVE on %s, brief (catalog only, no table scan)";
  static final String REWRITE = "ACCESS EXCLUSIVE on %s while the table is rewritten";
  static final String SCAN = "ACCESS EXCLUSIVE on %s while the table is scanned";
  static final String VALIDATE = "SHARE UPDATE EXCLUSIVE on %s while rows are checked (reads and writes go on)";
  static final String ROWS = "ROW EXCLUSIVE on %s, row locks on the rows updated";

  private Statements() {}

  static String alter(QualifiedName table) {
    return "ALTER TABLE " + table.sql();
  }

  static String lock(String format, QualifiedName table) {
    return String.format(format, table);
  }

  /**
   * Updates run by the schema owner on a table with forced row-level security: the owner would see no rows (no
   * tenant is bound during a migration), so FORCE is lifted around them, inside the migration's transaction.
   */
  static List<Step> updatesOnAllRows(QualifiedName table, boolean forcedRls, List<String> updates) {
    List<Step> steps = new ArrayList<>();
    if (forcedRls) {
      steps.add(Step.of("the owner bypasses row-level security only without FORCE: lifted for the update",
          alter(table) + " NO FORCE ROW LEVEL SECURITY;"));
    }
    updates.forEach(u -> steps.add(Step.of(lock(ROWS, table), u)));
    if (forcedRls) {
      steps.add(Step.of(null, alter(table) + " FORCE ROW LEVEL SECURITY;"));
    }
    return steps;
  }

  /**
   * NOT NULL without a long exclusive lock: a CHECK added NOT VALID (no scan), validated under a lock that lets
   * writes go on, after which SET NOT NULL uses the valid CHECK instead of scanning; then the CHECK goes.
   */
  static List<Step> setNotNull(QualifiedName table, String column) {
    String check = quote(ConstraintNames.check(table.name(), column + "_not_null"));
    return List.of(
        Step.of(lock(BRIEF, table), alter(table) + " ADD CONSTRAINT " + check + " CHECK (" + quote(column)
            + " IS NOT NULL) NOT VALID;"),
        Step.of(lock(VALIDATE, table), alter(table) + " VALIDATE CONSTRAINT " + check + ";"),
        Step.of(lock(BRIEF, table) + "; the valid CHECK spares the scan",
            alter(table) + " ALTER COLUMN " + quote(column) + " SET NOT NULL;"),
        Step.of(lock(BRIEF, table), alter(table) + " DROP CONSTRAINT " + check + ";"));
  }

  /**
   * The expression with its column names renamed: words outside string literals and quoted identifiers that are
   * keys of {@code renames}.
   */
  static String renameColumns(String expression, Map<String, String> renames) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < expression.length()) {
      char c = expression.charAt(i);
      if (c == '\'') {
        int end = SqlLexemes.stringEnd(expression, i, SqlLexemes.isEscapeStringPrefix(expression, i));
        end = end < 0 ? expression.length() : end;
        out.append(expression, i, end);
        i = end;
      } else if (c == '"') {
        int end = SqlLexemes.quotedIdentifierEnd(expression, i);
        end = end < 0 ? expression.length() : end;
        String name = expression.substring(i + 1, end - 1).replace("\"\"", "\"");
        out.append(renames.containsKey(name) ? quote(renames.get(name)) : expression.substring(i, end));
        i = end;
      } else if (Character.isLetter(c) || c == '_') {
        int end = i;
        while (end < expression.length() && (Character.isLetterOrDigit(expression.charAt(end))
            || expression.charAt(end) == '_' || expression.charAt(end) == '$')) {
          end++;
        }
        String word = expression.substring(i, end);
        out.append(renames.containsKey(word) ? quote(renames.get(word)) : word);
        i = end;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }
}
