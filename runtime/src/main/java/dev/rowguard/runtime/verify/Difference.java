package dev.rowguard.runtime.verify;

/**
 * One way the live database differs from the model.
 *
 * @param kind what differs
 * @param object the qualified object: {@code schema.table}, {@code schema.table.column}, {@code
 *     schema.table.constraint_name}, or {@code schema} for a schema's usage
 * @param expected what the model says, or {@code none}
 * @param actual what the database has, or {@code none}
 */
public record Difference(DriftKind kind, String object, String expected, String actual) {
  /** {@code COLUMN_TYPE app.member.joined_at: expected timestamptz, actual text}. */
  public String describe() {
    return kind + " " + object + ": expected " + expected + ", actual " + actual;
  }
}
