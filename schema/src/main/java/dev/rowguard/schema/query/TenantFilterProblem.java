package dev.rowguard.schema.query;

import dev.rowguard.schema.QualifiedName;
import java.util.List;

/**
 * One reference to a tenanted table that is not restricted to the bound tenant.
 *
 * @param statement the kind of statement that holds the reference: {@code SELECT}, {@code UPDATE}, {@code
 *     DELETE} or {@code INSERT}
 * @param table the tenanted table
 * @param reference the reference as written: the table name, followed by its alias if it has one
 * @param missingKeys the tenant key columns that are not restricted (for INSERT: not in the column list)
 */
public record TenantFilterProblem(
    String statement, QualifiedName table, String reference, List<String> missingKeys) {
  public TenantFilterProblem {
    missingKeys = List.copyOf(missingKeys);
  }

  /** What is wrong and what to do, in one sentence. */
  public String message() {
    String keys = String.join(", ", missingKeys);
    if (statement.equals("INSERT")) {
      return "INSERT into tenanted table " + table + " does not set tenant key " + keys
          + "; list " + keys + " in the column list and bind " + (missingKeys.size() == 1 ? "it" : "them")
          + " to a parameter";
    }
    String qualifier = reference.contains(" ") ? reference.substring(reference.lastIndexOf(' ') + 1) + "." : "";
    return statement + " on tenanted table " + table + " (" + reference + ") does not restrict tenant key "
        + keys + "; add `" + qualifier + missingKeys.get(0)
        + " = ?` (or `= current_setting('<its setting>')`) to the WHERE clause or to the JOIN's ON";
  }
}
