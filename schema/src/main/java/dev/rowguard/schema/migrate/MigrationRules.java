package dev.rowguard.schema.migrate;

import java.util.Map;
import java.util.Set;

/**
 * What the user decided for this generation.
 *
 * @param allowDataLoss the qualified names ({@code schema.table} or {@code schema.table.column}) whose
 *     destructive steps are acknowledged
 * @param backfills for a NOT NULL column added to a table that has rows (a new tenant key, say), or a column made
 *     NOT NULL, the SQL expression that fills the existing rows, by {@code schema.table.column}; it may refer to
 *     the row's other columns and use a sub-select
 */
public record MigrationRules(Set<String> allowDataLoss, Map<String, String> backfills) {
  public static final MigrationRules NONE = new MigrationRules(Set.of(), Map.of());

  public MigrationRules {
    allowDataLoss = Set.copyOf(allowDataLoss);
    backfills = Map.copyOf(backfills);
  }

  public boolean allows(String subject) {
    return allowDataLoss.contains(subject);
  }
}
