package dev.rowguard.schema.query;

import dev.rowguard.schema.QualifiedName;
import dev.rowguard.schema.TenantKeyColumn;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One reference to a tenanted table that is not restricted to the bound tenant.
 *
 * @param statement the kind of statement that holds the reference: {@code SELECT}, {@code UPDATE}, {@code
 *     DELETE} or {@code INSERT}
 * @param table the tenanted table
 * @param reference the reference as written: the table name, followed by its alias if it has one
 * @param missingKeys the tenant keys that are not restricted (for INSERT: not in the column list)
 */
public record TenantFilterProblem(
    String statement, QualifiedName table, String reference, List<TenantKeyColumn> missingKeys) {
  public TenantFilterProblem {
    missingKeys = List.copyOf(missingKeys);
  }

  /** The names of the unrestricted key columns. */
  public List<String> missingColumns() {
    return missingKeys.stream().map(TenantKeyColumn::column).toList();
  }

  /** What is wrong and what to do, in one sentence. */
  public String message() {
    String columns = String.join(", ", missingColumns());
    if (statement.equals("INSERT")) {
      return "INSERT into tenanted table " + table + " does not set tenant key " + columns + "; list "
          + columns + " in the column list and bind " + (missingKeys.size() == 1 ? "it" : "them")
          + " to a parameter";
    }
    String written = reference.equals(table.toString()) ? "" : " (as `" + reference + "`)";
    String qualifier = reference.contains(" ") ? reference.substring(reference.lastIndexOf(' ') + 1) + "." : "";
    String conditions = missingKeys.stream()
        .map(key -> "`" + qualifier + key.column() + " = current_setting('" + key.setting() + "')::"
            + key.sqlType() + "`")
        .collect(Collectors.joining(" and "));
    return statement + " on tenanted table " + table + written + " does not restrict tenant key " + columns
        + "; add " + conditions + " to the WHERE clause (or to the ON of an inner join, or of the LEFT JOIN that"
        + " joins it); a bind parameter, COALESCE, NULLIF, CASE or OR does not restrict it";
  }
}
