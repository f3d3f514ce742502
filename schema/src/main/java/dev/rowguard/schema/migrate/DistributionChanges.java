package dev.rowguard.schema.migrate;

import dev.rowguard.schema.Column;
import dev.rowguard.schema.Distribution;
import dev.rowguard.schema.QualifiedName;
import dev.rowguard.schema.Table;
import dev.rowguard.schema.ddl.CitusSchemaSql;
import dev.rowguard.schema.ddl.TenantFunctionsSql;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a migration of a Citus model adds to the plan: each new table distributed as soon as it exists (shared
 * tables as reference tables, tenanted tables into the colocation group the cluster already has), the tenant
 * functions new policies call, and refusals for what Citus cannot change in place: a table's distribution (shared
 * and tenanted swapped, another root key), the distribution column's type, and identity columns added to
 * existing tables. A history generated for the other target is refused as a whole.
 */
final class DistributionChanges {
  private final Correspondence match;
  private final List<Change> changes;
  private final List<Refusal> refusals;

  DistributionChanges(Correspondence match, List<Change> changes, List<Refusal> refusals) {
    this.match = match;
    this.changes = changes;
    this.refusals = refusals;
  }

  /** Whether the previous model was built for the other target (and had tables): nothing else is planned then. */
  boolean targetChanged() {
    if (match.old.tables().isEmpty() || match.old.distributed() == match.citus) {
      return false;
    }
    String from = match.old.distributed() ? "citus" : "postgresql";
    String to = match.citus ? "citus" : "postgresql";
    refusals.add(new Refusal("rowguard.target", "the previous version was generated for -Arowguard.target=" + from
        + " and this model is for " + to + "; a migration does not move a database between the two", "keep a migrations "
        + "folder per target, or move the database by hand (on Citus: create_distributed_table and "
        + "create_reference_table in the order schema.sql shows) and start a new history there"));
    return true;
  }

  void plan() {
    QualifiedName group = firstDistributed();
    for (Table table : match.target.tables()) {
      Table before = match.oldTables.get(table.name());
      if (before == null) {
        boolean distributed = table.distribution().kind() == Distribution.Kind.DISTRIBUTED;
        changes.add(new Change(Phase.DISTRIBUTE, table.name().toString(), "table " + table.name() + (distributed
            ? " distributed by " + table.distribution().column() : " made a reference table (copied to every node)"),
            null, List.of(Step.of("on every node, brief (the table is empty)",
                CitusSchemaSql.distribute(table, distributed ? group : null)))));
        if (distributed && group == null) {
          group = table.name();
        }
      } else {
        refuseInPlaceChanges(before, table);
      }
    }
    Map<String, String> existing = TenantFunctionsSql.statements(match.old);
    TenantFunctionsSql.statements(match.target).forEach((name, statement) -> {
      if (!existing.containsKey(name)) {
        changes.add(new Change(Phase.TENANT_FUNCTION, name, "tenant function " + name + " created (the policies "
            + "read the bound tenant through it)", null, List.of(Step.of(null, statement))));
      }
    });
  }

  /** The existing distributed table new ones colocate with: the group's, in the new model's names. */
  private QualifiedName firstDistributed() {
    return match.target.tables().stream()
        .filter(t -> match.oldTables.containsKey(t.name()))
        .filter(t -> match.oldTables.get(t.name()).distribution().kind() == Distribution.Kind.DISTRIBUTED)
        .map(Table::name).findFirst().orElse(null);
  }

  private void refuseInPlaceChanges(Table before, Table after) {
    String subject = after.name().toString();
    Distribution was = before.distribution();
    Distribution now = after.distribution();
    if (was.kind() != now.kind()) {
      refusals.add(new Refusal(subject, was.kind() == Distribution.Kind.REFERENCE
          ? "a shared table that becomes tenanted must turn from a reference table into a distributed one, which "
              + "Citus does not do in place"
          : "a tenanted table that becomes shared must turn from a distributed table into a reference table, which "
              + "Citus does not do in place", "keep its tenancy, or create the new table under another name, copy "
              + "the rows in a migration written by hand, and remove this one"));
      return;
    }
    if (now.kind() != Distribution.Kind.DISTRIBUTED) {
      refuseAddedIdentities(before, after);
      return;
    }
    String column = match.newColumn(before.name(), was.column());
    if (!now.column().equals(column)) {
      refusals.add(new Refusal(subject, "its distribution column (the root tenant key) changes from " + was.column()
          + " to " + now.column() + ", which reshards every row", "keep the root tenant key, or write that migration "
          + "by hand (alter_distributed_table(…, distribution_column => …) rewrites the table)"));
      return;
    }
    String previousType = before.column(was.column()).map(Column::sqlType).orElse(null);
    String type = after.column(now.column()).map(Column::sqlType).orElse(null);
    if (!Objects.equals(previousType, type)) {
      refusals.add(new Refusal(subject + "." + now.column(), "Citus cannot change the type of a distribution "
          + "column (" + previousType + " to " + type + ")", "keep its type, or move the rows to a new table in a "
          + "migration written by hand"));
    }
    refuseAddedIdentities(before, after);
  }

  /** Citus refuses identity columns added to (or made on) an existing distributed or reference table. */
  private void refuseAddedIdentities(Table before, Table after) {
    for (Column column : after.columns()) {
      if (!column.identity()) {
        continue;
      }
      boolean wasIdentity = before.columns().stream()
          .filter(c -> column.name().equals(match.newColumn(before.name(), c.name())))
          .anyMatch(Column::identity);
      if (!wasIdentity) {
        refusals.add(new Refusal(after.name() + "." + column.name(), "Citus cannot add an identity column to an "
            + "existing distributed or reference table", "give it other values (a UUID with "
            + "@GeneratedValue(strategy = GenerationType.UUID)), or declare the identity on a new table"));
      }
    }
  }
}
