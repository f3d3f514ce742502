package dev.rowguard.schema.migrate;

/**
 * A table or column that the model no longer has but the database keeps until a migration generated with
 * {@code allowDataLoss} naming it drops it: code that stops using a column can ship before the column goes.
 *
 * @param subject {@code schema.table} or {@code schema.table.column}
 * @param table whether a whole table is kept
 */
public record PendingDrop(String subject, boolean table) {
  public String describe() {
    return (table ? "table " : "column ") + subject;
  }
}
