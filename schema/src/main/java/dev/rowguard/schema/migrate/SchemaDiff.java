package dev.rowguard.schema.migrate;

import dev.rowguard.schema.Schema;
import dev.rowguard.schema.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The differ: from the model the database has (the last snapshot of the committed migrations) to the model of
 * this build, every change with its SQL, the pending drops, and what cannot be generated as things stand.
 *
 * <p>Nothing is lost silently. A table or column the new model no longer has is kept (a pending drop) unless
 * {@link MigrationRules#allowDataLoss()} names it; other changes that may lose data (a narrowing type, an enum
 * value removed without a mapping, a tenanted table made shared) are refused unless acknowledged the same way.
 */
public final class SchemaDiff {
  private SchemaDiff() {}

  /**
   * @param appRole the application role that {@code schema.sql} grants to ({@code rowguard.appRole})
   */
  public static Plan plan(Schema previous, Schema current, Renames renames, MigrationRules rules, String appRole) {
    return plan(previous, appRole, current, renames, rules, appRole);
  }

  /**
   * @param previousRole the application role that the previous version granted to: when it is not {@code appRole},
   *     every privilege moves from one to the other
   */
  public static Plan plan(Schema previous, String previousRole, Schema current, Renames renames, MigrationRules rules,
      String appRole) {
    return plan(previous, LiveDatabase.NONE, current, renames, rules, previousRole, appRole);
  }

  /**
   * From a live database (its catalog read as a model, with what a model cannot say) to the model: the same plan,
   * plus the conversions a hand-kept schema needs (native ENUM to text, text holding timestamps to timestamptz,
   * NOT NULL where the rows were checked, row-level security, policies and privileges rebuilt where they differ).
   */
  public static Plan align(Schema live, LiveDatabase database, Schema model, MigrationRules rules, String appRole) {
    return plan(live, database, model, Renames.NONE, rules, appRole, appRole);
  }

  private static Plan plan(Schema previous, LiveDatabase database, Schema current, Renames renames,
      MigrationRules rules, String previousRole, String appRole) {
    Correspondence match = Correspondence.of(previous, current, renames, rules);
    List<Change> changes = new ArrayList<>();
    List<Refusal> refusals = new ArrayList<>();
    DistributionChanges distribution = new DistributionChanges(match, changes, refusals);
    if (distribution.targetChanged()) {
      return new Plan(changes, match.pendingDrops, refusals, match.target);
    }
    ConstraintChanges constraints =
        new ConstraintChanges(match, new EnumValueChanges(match, renames, rules, refusals), changes);
    new TableChanges(match, constraints, changes).plan();
    ColumnChanges columns = new ColumnChanges(match, rules, database, changes, refusals);
    TenancyChanges tenancy = new TenancyChanges(match, rules, database, previousRole, appRole, changes, refusals);
    for (Table table : match.target.tables()) {
      Table before = match.oldTables.get(table.name());
      if (before != null) {
        columns.plan(before, table);
        constraints.plan(before, table);
        tenancy.plan(before, table);
      }
    }
    if (match.citus) {
      distribution.plan();
    }
    tenancy.grants();
    columns.unusedEnumTypes();
    List<Change> ordered = new ArrayList<>(changes);
    ordered.sort(Comparator.comparing(Change::phase)); // Stable: the model's table order within a phase.
    return new Plan(ordered, match.pendingDrops, refusals, match.target);
  }
}
