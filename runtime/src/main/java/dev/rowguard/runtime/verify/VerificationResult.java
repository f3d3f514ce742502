package dev.rowguard.runtime.verify;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the verifier found: every difference between the live database and the model, in the model's order
 * (tables, then per table columns, constraints, indexes, row-level security, privileges).
 *
 * @param tables how many tables the model has
 */
public record VerificationResult(int tables, List<Difference> differences) {
  public VerificationResult {
    differences = List.copyOf(differences);
  }

  public boolean matches() {
    return differences.isEmpty();
  }

  /** The report: a summary line, then one line per difference, grouped by kind in the model's order. */
  public String report() {
    StringBuilder report = new StringBuilder();
    if (matches()) {
      return report.append("The database matches the model: ").append(tables).append(tables == 1 ? " table" : " tables")
          .append(", no difference.\n").toString();
    }
    report.append("The database differs from the model in ").append(differences.size())
        .append(differences.size() == 1 ? " way" : " ways").append(" (").append(tables)
        .append(tables == 1 ? " table" : " tables").append(" in the model):\n");
    Map<DriftKind, Long> counts = new TreeMap<>(differences.stream()
        .collect(Collectors.groupingBy(Difference::kind, Collectors.counting())));
    for (Difference difference : differences) {
      report.append("  ").append(difference.describe()).append('\n');
    }
    report.append("By kind: ").append(counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(", "))).append(".\n");
    return report.toString();
  }
}
