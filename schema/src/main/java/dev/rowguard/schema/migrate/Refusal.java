package dev.rowguard.schema.migrate;

/**
 * A change that cannot be generated as the model stands: it would fail on existing rows, or lose data that no
 * {@code allowDataLoss} entry acknowledges.
 *
 * @param subject the qualified name concerned ({@code schema.table.column})
 * @param problem what would go wrong
 * @param fix what lets it through
 */
public record Refusal(String subject, String problem, String fix) {
  public String describe() {
    return subject + ": " + problem + "; " + fix;
  }
}
