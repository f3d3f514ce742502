package dev.rowguard.schema.query;

import java.util.List;

/**
 * What {@link NativeQueryAnalyzer} found in the SQL of one {@code @SqlQuery} method. Code may be generated from
 * it only when {@link #problems()} is empty.
 *
 * @param jdbcSql the SQL to prepare: {@code rowguard_tenant(…)} expanded and every {@code :name} replaced by
 *     {@code ?}, otherwise as written
 * @param bindings what to bind to each {@code ?} of {@code jdbcSql}, in order
 * @param kind the kind of statement
 * @param resultColumns the columns of a SELECT's result, or of the RETURNING clause of a write; empty otherwise
 * @param problems everything wrong, in the order found
 */
public record NativeQueryAnalysis(
    String jdbcSql,
    List<BoundValue> bindings,
    StatementKind kind,
    List<ResultColumn> resultColumns,
    List<NativeQueryProblem> problems) {
  public NativeQueryAnalysis {
    bindings = List.copyOf(bindings);
    resultColumns = List.copyOf(resultColumns);
    problems = List.copyOf(problems);
  }

  /** Whether code may be generated from this analysis. */
  public boolean ok() {
    return problems.isEmpty();
  }
}
