package dev.rowguard.schema.query;

import static dev.rowguard.schema.query.SqlNames.fold;

import dev.rowguard.schema.query.NativeQueryProblem.Kind;
import dev.rowguard.schema.query.QueryScope.Source;
import dev.rowguard.schema.query.References.PlaceholderTarget;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the table each {@code rowguard_tenant(…)} restricts: the one its argument names among the FROM items of
 * the query block it is in, or that block's only item. Single use.
 */
final class PlaceholderResolver {
  private final List<SqlMark.TenantPlaceholder> marks;
  private final List<NativeQueryProblem> problems;
  private final Map<Integer, PlaceholderTarget> targets = new HashMap<>();
  private final Set<Integer> seen = new HashSet<>();

  /**
   * @param marks the placeholders of the statement, by ordinal
   * @param problems where to report misuse
   */
  PlaceholderResolver(List<SqlMark.TenantPlaceholder> marks, List<NativeQueryProblem> problems) {
    this.marks = marks;
    this.problems = problems;
  }

  /** The table of each well-used placeholder, by ordinal. */
  Map<Integer, PlaceholderTarget> targets() {
    return targets;
  }

  /**
   * Resolves the placeholder called {@code functionName} (as numbered for parsing) in {@code scope}; whether it
   * is one (a function the SQL itself calls {@code rowguard_t00001} is not).
   */
  boolean resolve(String functionName, QueryScope scope) {
    if (!TenantPlaceholders.isFunctionName(functionName)
        || TenantPlaceholders.ordinal(functionName) >= marks.size()) {
      return false;
    }
    int ordinal = TenantPlaceholders.ordinal(functionName);
    seen.add(ordinal);
    SqlMark.TenantPlaceholder mark = marks.get(ordinal);
    if (mark.wellFormed()) {
      resolve(mark, scope);
    }
    return true;
  }

  private void resolve(SqlMark.TenantPlaceholder mark, QueryScope scope) {
    int ordinal = mark.ordinal();
    Source source;
    String qualifier;
    if (mark.argument().isEmpty()) {
      if (scope.sources.size() != 1) {
        problems.add(new NativeQueryProblem(Kind.TENANT_FILTER, mark.written() + " is ambiguous where "
            + (scope.sources.isEmpty() ? "no table is read" : "the query block reads " + scope.describe())
            + "; name the table it restricts, e.g. rowguard_tenant(" + exampleArgument(scope) + ")"));
        return;
      }
      source = scope.sources.get(0);
      qualifier = source.writtenAlias();
    } else {
      String argument = fold(mark.argument());
      source = scope.find(argument, null);
      qualifier = mark.argument();
      if (source == null) {
        Source byName = scope.sources.stream()
            .filter(s -> s.alias() != null && argument.equals(s.name()))
            .findFirst()
            .orElse(null);
        problems.add(new NativeQueryProblem(Kind.TENANT_FILTER, byName != null
            ? mark.written() + " names " + byName.name() + ", which this query block calls "
                + byName.writtenAlias() + "; write rowguard_tenant(" + byName.writtenAlias() + ")"
            : mark.written() + ": '" + mark.argument() + "' is not a table or alias of the query block it is in"
                + (scope.sources.isEmpty() ? "" : " (" + scope.describe() + ")")
                + "; pass the alias of the tenanted table to restrict"));
        return;
      }
    }
    if (source.kind() == QueryScope.Kind.UNKNOWN) {
      return; // reported as an unknown table
    }
    if (source.table() == null) {
      problems.add(new NativeQueryProblem(Kind.TENANT_FILTER, mark.written() + " refers to " + source.written()
          + ", a subquery or CTE; put rowguard_tenant(…) inside it, on the tenanted table it reads"));
    } else if (!source.table().tenanted()) {
      problems.add(new NativeQueryProblem(Kind.TENANT_FILTER, mark.written() + " refers to " + source.written()
          + ", which is shared by all tenants (it has no tenant keys); remove it"));
    } else {
      targets.put(ordinal, new PlaceholderTarget(qualifier, source.table()));
    }
  }

  private static String exampleArgument(QueryScope scope) {
    for (Source source : scope.sources) {
      if (source.table() != null && source.table().tenanted()) {
        return source.writtenAlias() != null ? source.writtenAlias() : source.name();
      }
    }
    return "a";
  }

  /** Placeholders in clauses that are not walked (LIMIT, a data-modifying CTE, …) are not conditions. */
  void reportUnresolved() {
    for (SqlMark.TenantPlaceholder mark : marks) {
      if (mark.wellFormed() && !seen.contains(mark.ordinal())) {
        problems.add(new NativeQueryProblem(Kind.TENANT_FILTER, mark.written()
            + " is not a condition of a query block Rowguard can resolve; use it in a WHERE clause or a JOIN's ON"));
      }
    }
  }
}
