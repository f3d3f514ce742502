package dev.rowguard.schema.migrate;

import java.util.List;

/**
 * One difference between two models and the steps that make the database follow it.
 *
 * @param phase where the change goes in the migration
 * @param subject the qualified name it concerns: {@code schema.table} or {@code schema.table.column}; the name
 *     an {@code allowDataLoss} entry gives to acknowledge it
 * @param summary one line for the drift report and the migration's comment, e.g. {@code column app.asset.status
 *     added (text, nullable)}
 * @param dataLoss what data the change loses, or {@code null} when it keeps every row and value
 * @param steps the statements, in order
 */
public record Change(Phase phase, String subject, String summary, String dataLoss, List<Step> steps) {
  public Change {
    steps = List.copyOf(steps);
  }

  public boolean destructive() {
    return dataLoss != null;
  }

  /** Whether some of its steps go to {@code part}'s file. */
  public boolean in(Step.Part part) {
    return steps.isEmpty() ? part == Step.Part.TRANSACTION : steps.stream().anyMatch(s -> s.part() == part);
  }

  /** The change with only its steps of {@code part}'s file. */
  Change only(Step.Part part) {
    return new Change(phase, subject, summary, dataLoss, steps.stream().filter(s -> s.part() == part).toList());
  }
}
