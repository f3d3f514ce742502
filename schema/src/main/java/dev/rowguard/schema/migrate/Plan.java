package dev.rowguard.schema.migrate;

import dev.rowguard.schema.Schema;
import java.util.List;

/**
 * What it takes to bring a database from one model to another.
 *
 * @param changes every change, in migration order; empty when the models agree
 * @param pendingDrops tables and columns the new model no longer has and the plan keeps
 * @param refusals changes that cannot be generated as things stand
 * @param target the model the database has once the changes ran: the new model plus the pending drops (kept
 *     columns nullable and bare); the next build compares itself with this
 */
public record Plan(List<Change> changes, List<PendingDrop> pendingDrops, List<Refusal> refusals, Schema target) {
  public Plan {
    changes = List.copyOf(changes);
    pendingDrops = List.copyOf(pendingDrops);
    refusals = List.copyOf(refusals);
  }

  /** Whether the database already matches: nothing to migrate (pending drops may remain). */
  public boolean inSync() {
    return changes.isEmpty() && refusals.isEmpty();
  }
}
