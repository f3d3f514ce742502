package dev.rowguard.schema.query;

import dev.rowguard.schema.TenantKeyColumn;
import dev.rowguard.schema.query.NativeQueryProblem.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import net.sf.jsqlparser.statement.Statement;

/**
 * Proves that the expanded SQL restricts every tenanted table to the bound tenant, counting only the session's
 * tenant ({@code rowguard_tenant(…)}, expanded for this check to {@code current_setting(…)}) and never a method
 * parameter: a caller could pass another tenant's key.
 */
final class TenantRestriction {
  private TenantRestriction() {}

  /**
   * @param expanded the statement with its placeholders expanded against the session settings
   * @param sql the SQL as written, for hints
   */
  static List<NativeQueryProblem> check(TenantFilterAnalyzer analyzer, Statement expanded, String sql) {
    List<NativeQueryProblem> problems = new ArrayList<>();
    for (TenantFilterProblem problem :
        analyzer.problems(expanded)) {
      if (problem.statement().equals("INSERT")) {
        continue; // INSERT into a tenanted table is reported as unsupported
      }
      String reference = problem.reference();
      String argument = reference.contains(" ")
          ? reference.substring(reference.lastIndexOf(' ') + 1)
          : reference.substring(reference.lastIndexOf('.') + 1);
      List<String> keys = problem.missingColumns();
      boolean comparedWithParameter = problem.missingKeys().stream().anyMatch(key -> comparesWithParameter(sql, key));
      problems.add(new NativeQueryProblem(Kind.TENANT_FILTER, reference + " does not restrict its tenant "
          + (keys.size() == 1 ? "key " + keys.get(0) : "keys (" + String.join(", ", keys) + ")")
          + " to the bound tenant; add rowguard_tenant(" + argument + ") to the WHERE clause"
          + (problem.statement().equals("SELECT")
              ? " (or, for a table joined by an inner or LEFT JOIN, to its JOIN's ON; the ON of a RIGHT or FULL JOIN"
                  + " does not restrict the side it preserves)"
              : "")
          + (comparedWithParameter
              ? "; comparing a tenant key with a method parameter does not count, since a caller could pass"
                  + " another tenant's key"
              : "")));
    }
    return problems;
  }

  /** Whether the SQL as written has {@code key = :name} or {@code :name = key}, perhaps qualified. */
  private static boolean comparesWithParameter(String sql, TenantKeyColumn key) {
    String column = "(?:[A-Za-z_][A-Za-z0-9_$]*\\.)?" + Pattern.quote(key.column()) + "\\b";
    String parameter = ":[A-Za-z_]";
    return Pattern.compile("(?i)\\b" + column + "\\s*=\\s*" + parameter + "|" + parameter + "\\w*\\s*=\\s*" + column)
        .matcher(sql)
        .find();
  }
}
