package dev.rowguard.schema.migrate;

import static dev.rowguard.schema.migrate.Statements.BRIEF;
import static dev.rowguard.schema.migrate.Statements.alter;
import static dev.rowguard.schema.migrate.Statements.lock;
import static dev.rowguard.schema.sql.Identifiers.quote;

import dev.rowguard.schema.QualifiedName;
import dev.rowguard.schema.Table;
import dev.rowguard.schema.Tenancy;
import dev.rowguard.schema.TenantKeyColumn;
import dev.rowguard.schema.ddl.PrivilegesSql;
import dev.rowguard.schema.ddl.RowLevelSecuritySql;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Row-level security, the tenant isolation policy and the application role's privileges. A table that becomes
 * tenanted gets RLS enabled and forced and its policy (its key columns are added, and backfilled, by {@link
 * ColumnChanges}); a tenanted table that becomes shared loses its isolation, which is destructive. The policy is
 * replaced when its tenant keys change; privileges follow the rule of {@code schema.sql} (shared tables are
 * read-only once the model has a tenanted table).
 */
final class TenancyChanges {
  private final Correspondence match;
  private final MigrationRules rules;
  private final LiveDatabase database;
  private final String previousRole;
  private final String appRole;
  private final List<Change> changes;
  private final List<Refusal> refusals;

  TenancyChanges(Correspondence match, MigrationRules rules, LiveDatabase database, String previousRole,
      String appRole, List<Change> changes, List<Refusal> refusals) {
    this.match = match;
    this.rules = rules;
    this.database = database;
    this.previousRole = previousRole;
    this.appRole = appRole;
    this.changes = changes;
    this.refusals = refusals;
  }

  static Change enable(Table table) {
    QualifiedName name = table.name();
    return new Change(Phase.ROW_LEVEL_SECURITY, name.toString(), "row-level security enabled and forced on " + name
        + ", policy " + RowLevelSecuritySql.POLICY + " on " + String.join(", ", table.tenancy().columns()), null,
        List.of(Step.of(lock(BRIEF, name), alter(name) + " ENABLE ROW LEVEL SECURITY;"),
            Step.of(lock(BRIEF, name), alter(name) + " FORCE ROW LEVEL SECURITY;"),
            Step.of(lock(BRIEF, name), RowLevelSecuritySql.createPolicy(table))));
  }

  void plan(Table before, Table after) {
    QualifiedName name = after.name();
    if (!before.tenanted() && after.tenanted()) {
      List<String> existing = database.policiesToReplace().getOrDefault(name, List.of());
      if (!existing.isEmpty()) {
        changes.add(new Change(Phase.DROP_POLICY, name.toString(), "policies " + String.join(", ", existing) + " of "
            + name + " dropped: they are not the model's", null, existing.stream()
            .map(p -> Step.of(lock(BRIEF, name), "DROP POLICY " + quote(p) + " ON " + name.sql() + ";")).toList()));
      }
      changes.add(enable(after));
    } else if (before.tenanted() && !after.tenanted()) {
      String subject = name.toString();
      if (!rules.allows(subject)) {
        refusals.add(new Refusal(subject, "a tenanted table that becomes shared shows every tenant's rows to every "
            + "tenant", "acknowledge it with -Arowguard.migrations.allowDataLoss=" + subject));
      }
      changes.add(new Change(Phase.DROP_POLICY, subject, "table " + name + " becomes shared: policy and row-level "
          + "security removed", "the tenant isolation of the rows of " + name, List.of(
              Step.of(lock(BRIEF, name), "DROP POLICY " + RowLevelSecuritySql.POLICY + " ON " + name.sql() + ";"),
              Step.of(lock(BRIEF, name), alter(name) + " NO FORCE ROW LEVEL SECURITY;"),
              Step.of(lock(BRIEF, name), alter(name) + " DISABLE ROW LEVEL SECURITY;"))));
    } else if (before.tenanted() && (!Objects.equals(renamedKeys(before), after.tenancy())
        || match.citus && !functionsFollow(before, after))) {
      changes.add(new Change(Phase.DROP_POLICY, name.toString(), "policy " + RowLevelSecuritySql.POLICY + " of "
          + name + " dropped: its tenant keys change", null, List.of(Step.of(lock(BRIEF, name),
              "DROP POLICY " + RowLevelSecuritySql.POLICY + " ON " + name.sql() + ";"))));
      changes.add(new Change(Phase.ROW_LEVEL_SECURITY, name.toString(), "policy " + RowLevelSecuritySql.POLICY
          + " of " + name + " created on " + String.join(", ", after.tenancy().columns()), null,
          List.of(Step.of(lock(BRIEF, name), RowLevelSecuritySql.createPolicy(after)))));
    }
  }

  /**
   * Whether the old policy still calls the tenant functions the new one would: on Citus a policy names each key's
   * function, in the table's schema and after the key's column, so a moved table or a renamed key needs a new one.
   */
  private static boolean functionsFollow(Table before, Table after) {
    return RowLevelSecuritySql.functionPredicate(before.name().schema(), before.tenancy().keys())
        .equals(RowLevelSecuritySql.functionPredicate(after.name().schema(), after.tenancy().keys()));
  }

  /** The old tenancy in the new column names; a key whose column is dropped keeps its old name. */
  private Tenancy renamedKeys(Table before) {
    List<TenantKeyColumn> keys = new ArrayList<>();
    for (TenantKeyColumn key : before.tenancy().keys()) {
      String column = Objects.requireNonNullElse(match.newColumn(before.name(), key.column()), key.column());
      QualifiedName table = key.table() == null ? null
          : Objects.requireNonNullElse(match.newName(key.table()), key.table());
      keys.add(new TenantKeyColumn(column, key.setting(), key.sqlType(), table));
    }
    return new Tenancy(keys);
  }

  /**
   * Usage of new schemas, and each table's privileges where they differ from before (or it is new). From a live
   * database: the role created if missing, usage where it lacks it, and the privileges the live database has
   * otherwise than the model replaced.
   */
  void grants() {
    if (!previousRole.equals(appRole) && !match.old.tables().isEmpty()) {
      roleMoved();
      return;
    }
    String role = quote(appRole);
    List<Step> steps = new ArrayList<>();
    if ((match.old.tables().isEmpty() || !database.roleExists()) && !match.target.tables().isEmpty()) {
      steps.add(Step.of(null, PrivilegesSql.createRole(appRole)));
    }
    TreeSet<String> schemas = new TreeSet<>();
    match.target.tables().forEach(t -> schemas.add(t.name().schema()));
    if (database.live()) {
      schemas.retainAll(database.schemasWithoutUsage());
    } else {
      match.old.tables().forEach(t -> schemas.remove(t.name().schema()));
    }
    schemas.forEach(s -> steps.add(Step.of(null, "GRANT USAGE ON SCHEMA " + quote(s) + " TO " + role + ";")));
    List<String> summary = new ArrayList<>();
    for (Table table : match.target.tables()) {
      String now = PrivilegesSql.privileges(match.target, table);
      Table before = match.oldTables.get(table.name());
      String previous = before == null ? null : database.live()
          ? (database.privilegesToReset().contains(before.name()) ? "other privileges" : now)
          : PrivilegesSql.privileges(match.old, before);
      if (now.equals(previous)) {
        continue;
      }
      if (previous != null) {
        steps.add(Step.of(null, "REVOKE ALL ON " + table.name().sql() + " FROM " + role + ";"));
      }
      steps.add(Step.of(null, "GRANT " + now + " ON " + table.name().sql() + " TO " + role + ";"));
      summary.add(table.name() + ": " + now);
    }
    if (!steps.isEmpty()) {
      changes.add(new Change(Phase.GRANT, appRole, "privileges of " + appRole
          + (summary.isEmpty() ? " on new schemas" : ": " + String.join("; ", summary)), null, steps));
    }
  }

  /**
   * The application role changed: the previous role loses what it was granted here (it may serve other databases,
   * so it is not dropped), and the new one gets what {@code schema.sql} grants, on every table.
   */
  private void roleMoved() {
    String from = quote(previousRole);
    String to = quote(appRole);
    List<Step> steps = new ArrayList<>();
    TreeSet<String> oldSchemas = new TreeSet<>();
    for (Table table : match.target.tables()) {
      if (match.oldTables.containsKey(table.name())) {
        steps.add(Step.of(null, "REVOKE ALL ON " + table.name().sql() + " FROM " + from + ";"));
        oldSchemas.add(table.name().schema());
      }
    }
    oldSchemas.forEach(s -> steps.add(Step.of(null, "REVOKE USAGE ON SCHEMA " + quote(s) + " FROM " + from + ";")));
    steps.add(Step.of(null, PrivilegesSql.createRole(appRole)));
    TreeSet<String> schemas = new TreeSet<>();
    match.target.tables().forEach(t -> schemas.add(t.name().schema()));
    schemas.forEach(s -> steps.add(Step.of(null, "GRANT USAGE ON SCHEMA " + quote(s) + " TO " + to + ";")));
    for (Table table : match.target.tables()) {
      steps.add(Step.of(null, "GRANT " + PrivilegesSql.privileges(match.target, table) + " ON " + table.name().sql()
          + " TO " + to + ";"));
    }
    changes.add(new Change(Phase.GRANT, appRole, "application role " + previousRole + " -> " + appRole
        + ": privileges revoked from " + previousRole + " and granted to " + appRole + " (" + previousRole
        + " itself is kept: other databases may use it)", null, steps));
  }
}
