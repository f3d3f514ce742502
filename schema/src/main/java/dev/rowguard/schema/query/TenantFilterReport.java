package dev.rowguard.schema.query;

import java.util.List;

/**
 * What {@link TenantFilterAnalyzer#analyze(String)} found in one SQL string.
 *
 * @param status the verdict on tenant filters
 * @param problems every unrestricted reference to a tenanted table, in source order; empty unless {@link
 *     Status#UNFILTERED}
 * @param detail for {@link Status#UNPARSEABLE}: the parser's message; otherwise {@code null}
 * @param forbidden the {@link ForbiddenOperations} the SQL runs ({@code set_config(…)}, {@code SET statement},
 *     …), whatever the status
 */
public record TenantFilterReport(
    Status status, List<TenantFilterProblem> problems, String detail, List<String> forbidden) {
  /** The verdicts on tenant filters. */
  public enum Status {
    /**
     * Every reference to a tenanted table restricts every tenant key, or the SQL names no tenanted table (and was
     * not parsed).
     */
    SAFE,
    /** Parsed; at least one reference to a tenanted table is not restricted: see {@link #problems()}. */
    UNFILTERED,
    /**
     * JSqlParser cannot parse the SQL and its text names a tenanted table, so it cannot be proved safe. Callers
     * report it: rewrite the SQL or suppress the finding with a reason.
     */
    UNPARSEABLE
  }

  public TenantFilterReport {
    problems = List.copyOf(problems);
    forbidden = List.copyOf(forbidden);
  }

  /** Whether callers must report something: a forbidden operation, {@link Status#UNFILTERED} or UNPARSEABLE. */
  public boolean reportable() {
    return !forbidden.isEmpty() || status == Status.UNFILTERED || status == Status.UNPARSEABLE;
  }
}
