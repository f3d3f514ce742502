package dev.rowguard.sample;

import static dev.rowguard.sample.Violation.Kind.DELETE_OTHER_TENANT;
import static dev.rowguard.sample.Violation.Kind.INSERT_WITH_OTHER_TENANT_KEY;
import static dev.rowguard.sample.Violation.Kind.NULL_TENANT_KEY;
import static dev.rowguard.sample.Violation.Kind.OWN_ROWS_HIDDEN;
import static dev.rowguard.sample.Violation.Kind.READ_OTHER_TENANT;
import static dev.rowguard.sample.Violation.Kind.READ_WITHOUT_TENANT;
import static dev.rowguard.sample.Violation.Kind.REFERENCE_OTHER_TENANT_ROW;
import static dev.rowguard.sample.Violation.Kind.UPDATE_OTHER_TENANT;
import static dev.rowguard.sample.Violation.Kind.UPDATE_TO_OTHER_TENANT_KEY;
import static dev.rowguard.sample.Violation.Kind.WRITE_WITHOUT_TENANT;

import dev.rowguard.schema.ForeignKey;
import dev.rowguard.schema.Schema;
import dev.rowguard.schema.Table;
import dev.rowguard.schema.TenantKeyColumn;
import dev.rowguard.schema.sql.Identifiers;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The checks on one tenanted table, from tenant {@code a}'s side against tenant {@code b}'s rows. Expected
 * outcomes: reads and changes of b's rows find nothing; a write carrying b's key is refused by the policy
 * (SQL state 42501); a reference to b's parent row is refused by a foreign key (23503), even when the session
 * is bound so that the policy lets the row through; a tenant key never takes NULL; with no tenant, or part of
 * one, bound nothing is visible or writable.
 */
final class TableIsolationChecks {
  private static final String RLS_REFUSED = "42501";
  private static final String FOREIGN_KEY_REFUSED = "23503";

  private final Schema model;
  private final Table table;
  private final List<TenantKeyColumn> levels;
  private final RowFactory rows;
  private final ProbeSession app;
  private final ProbeSession neverBound;
  private final ProbeSession owner;
  private final TenantFixture a;
  private final TenantFixture b;
  private final List<Violation> violations;
  private final String name;
  private final String id;
  private final String idCast;

  TableIsolationChecks(Schema model, Table table, List<TenantKeyColumn> levels, RowFactory rows,
      ProbeSession app, ProbeSession neverBound, ProbeSession owner, TenantFixture a, TenantFixture b,
      List<Violation> violations) {
    this.model = model;
    this.table = table;
    this.levels = levels;
    this.rows = rows;
    this.app = app;
    this.neverBound = neverBound;
    this.owner = owner;
    this.a = a;
    this.b = b;
    this.violations = violations;
    this.name = table.name().sql();
    this.id = Identifiers.quote(Row.idColumn(table));
    this.idCast = "CAST(? AS " + table.column(Row.idColumn(table)).orElseThrow().sqlType() + ")";
  }

  void run() throws SQLException {
    app.bind(a.settings());
    ownRowsAreVisible();
    otherTenantsRowsAreInvisible();
    otherTenantsRowsCannotBeChanged();
    rowsCannotCarryOtherTenantsKeys();
    rowsCannotReferenceOtherTenantsRows();
    tenantKeysCannotBeNull();
    nothingIsVisibleOrWritableWithoutTheWholeTenant();
  }

  private void ownRowsAreVisible() throws SQLException {
    long own = app.count("SELECT count(*) FROM " + name + " WHERE " + id + " = ANY (" + idArray() + ")",
        array(a.ids(table)));
    if (own != a.ids(table).size()) {
      report(OWN_ROWS_HIDDEN, a + " sees " + own + " of its " + a.ids(table).size()
          + " rows, so the checks that it cannot see others prove nothing");
    }
  }

  private void otherTenantsRowsAreInvisible() throws SQLException {
    String keys = table.tenancy().columns().stream().map(c -> Identifiers.quote(c) + "::text")
        .collect(Collectors.joining(" || ',' || "));
    List<String> ownKeys = List.of(table.tenancy().columns().stream().map(a::key).collect(Collectors.joining(",")));
    List<String> foreign = app.column("SELECT " + keys + " FROM " + name).stream()
        .filter(k -> !ownKeys.contains(k)).toList();
    if (!foreign.isEmpty()) {
      report(READ_OTHER_TENANT, a + " reads " + foreign.size() + " rows of other tenants, e.g. keys "
          + foreign.get(0));
    }
    long byId = app.count("SELECT count(*) FROM " + name + " WHERE " + id + " = " + idCast, b.ids(table).get(0));
    if (byId != 0) {
      report(READ_OTHER_TENANT, a + " reads tenant b's row " + b.ids(table).get(0) + " by its id");
    }
  }

  private void otherTenantsRowsCannotBeChanged() {
    String others = array(b.ids(table));
    Outcome update = app.update("UPDATE " + name + " SET " + id + " = " + id + " WHERE " + id + " = ANY ("
        + idArray() + ")", others);
    if (update.rows() > 0 || update.failed()) {
      report(UPDATE_OTHER_TENANT, a + " updating tenant b's rows by id: " + update
          + " (expected 0 rows: they must be invisible to it)");
    }
    Outcome delete = app.update("DELETE FROM " + name + " WHERE " + id + " = ANY (" + idArray() + ")", others);
    if (delete.rows() > 0 || delete.failed()) {
      report(DELETE_OTHER_TENANT, a + " deleting tenant b's rows by id: " + delete
          + " (expected 0 rows: they must be invisible to it)");
    }
  }

  /** Every mix of a's and b's key values but a's own, on insert and on update. */
  private void rowsCannotCarryOtherTenantsKeys() {
    List<String> keyColumns = table.tenancy().columns();
    for (List<String> taken : nonEmptySubsets(keyColumns)) {
      var keys = a.keysFor(table);
      taken.forEach(column -> keys.put(column, b.key(column)));
      Outcome insert = app.insert(rows.newRow(table, keys, b.freshParents()));
      if (!insert.failedWith(RLS_REFUSED)) {
        report(INSERT_WITH_OTHER_TENANT_KEY, a + " inserting a row with tenant b's " + taken + ": " + insert
            + " (expected SQL state 42501 from the row-level security policy)");
      }
      String assignments = taken.stream()
          .map(column -> Identifiers.quote(column) + " = CAST(? AS " + keyType(column) + ")")
          .collect(Collectors.joining(", "));
      List<String> parameters = new ArrayList<>(taken.stream().map(b::key).toList());
      parameters.add(a.ids(table).get(0));
      Outcome update = app.update("UPDATE " + name + " SET " + assignments + " WHERE " + id + " = " + idCast,
          parameters.toArray(String[]::new));
      if (update.rows() > 0 || (update.failed() && !update.failedWith(RLS_REFUSED))) {
        report(UPDATE_TO_OTHER_TENANT_KEY, a + " moving its row to tenant b's " + taken + ": " + update
            + " (expected SQL state 42501 from the row-level security policy)");
      }
    }
  }

  /**
   * For each foreign key to a tenanted table: a's new row points at b's parent row. The session is bound to
   * whatever keys the row then carries (a's client with b's engagement, for a reference to an engagement), so
   * the policy lets it through and only the foreign key can refuse it.
   */
  private void rowsCannotReferenceOtherTenantsRows() throws SQLException {
    for (ForeignKey foreignKey : table.foreignKeys()) {
      Table target = model.table(foreignKey.target()).orElseThrow();
      if (!target.tenanted()) {
        continue; // shared rows belong to no tenant
      }
      // The columns that pick the parent row, as opposed to the tenant keys the parent shares with the row.
      List<Integer> picking = IntStream.range(0, foreignKey.columns().size())
          .filter(i -> !target.tenancy().columns().contains(foreignKey.targetColumns().get(i)))
          .boxed().toList();
      Row parent = b.rows(target.name()).get(0);
      Row row = rows.newRow(table, a.keysFor(table), a.freshParents());
      for (int i : picking) {
        row = row.with(foreignKey.columns().get(i), parent.get(foreignKey.targetColumns().get(i)));
      }
      app.bind(settingsCarriedBy(row));
      Outcome insert = app.insert(row);
      app.bind(a.settings());
      String columns = picking.stream().map(foreignKey.columns()::get).toList().toString();
      if (!insert.failedWith(FOREIGN_KEY_REFUSED)) {
        report(REFERENCE_OTHER_TENANT_ROW, a + " inserting a row whose " + columns + " point at tenant b's "
            + target.name() + " row " + parent.id() + ": " + insert + " (expected SQL state 23503 from a foreign key"
            + " that includes the tenant keys)");
      }
      boolean picksByKey =
          picking.stream().anyMatch(i -> table.tenancy().columns().contains(foreignKey.columns().get(i)));
      if (!picksByKey) {
        String assignments = picking.stream()
            .map(i -> Identifiers.quote(foreignKey.columns().get(i)) + " = CAST(? AS "
                + table.column(foreignKey.columns().get(i)).orElseThrow().sqlType() + ")")
            .collect(Collectors.joining(", "));
        List<String> parameters = new ArrayList<>(
            picking.stream().map(i -> parent.get(foreignKey.targetColumns().get(i))).toList());
        parameters.add(a.ids(table).get(0));
        Outcome update = app.update("UPDATE " + name + " SET " + assignments + " WHERE " + id + " = " + idCast,
            parameters.toArray(String[]::new));
        if (!update.failedWith(FOREIGN_KEY_REFUSED)) {
          report(REFERENCE_OTHER_TENANT_ROW, a + " re-pointing its row's " + columns + " at tenant b's "
              + target.name() + " row " + parent.id() + ": " + update + " (expected SQL state 23503)");
        }
      }
    }
  }

  /**
   * A row with a NULL key belongs to no tenant: no policy shows it, and a composite foreign key with a NULL
   * column is not checked at all (MATCH SIMPLE). The policy already refuses it to the application, so the
   * column must also be NOT NULL for the roles that bypass policies: migrations, imports, the owner.
   */
  private void tenantKeysCannotBeNull() throws SQLException {
    for (String column : table.tenancy().columns()) {
      List<String> notNull = app.column("SELECT attnotnull::text FROM pg_attribute WHERE attrelid = CAST(? AS"
          + " regclass) AND attname = ?", name, column);
      if (!notNull.equals(List.of("true"))) {
        report(NULL_TENANT_KEY, "tenant key column " + column + " is nullable (pg_attribute.attnotnull: " + notNull
            + ")");
      }
      Row row = rows.newRow(table, a.keysFor(table), a.freshParents()).with(column, null);
      Outcome asApp = app.insert(row);
      if (!asApp.failed()) {
        report(NULL_TENANT_KEY, a + " inserted a row with NULL " + column);
      }
      Outcome asOwner = owner.insert(row);
      if (!asOwner.failed()) {
        report(NULL_TENANT_KEY, "the database owner (as migrations and imports run) inserted a row with NULL "
            + column + ": it belongs to no tenant, and composite foreign keys skip it");
      }
    }
  }

  private void nothingIsVisibleOrWritableWithoutTheWholeTenant() throws SQLException {
    List<String> none = levels.stream().map(level -> "").toList();
    app.bind(none);
    probeWithoutTenant(app, "with every tenant setting empty");
    probeWithoutTenant(neverBound, "on a session that never set the tenant settings");
    List<String> keyColumns = table.tenancy().columns();
    for (List<String> bound : nonEmptySubsets(keyColumns)) {
      if (bound.size() == keyColumns.size()) {
        continue;
      }
      app.bind(levels.stream().map(level -> bound.contains(level.column()) ? a.key(level.column()) : "").toList());
      long visible = app.count("SELECT count(*) FROM " + name);
      if (visible > 0) {
        report(READ_WITHOUT_TENANT, "with only " + bound + " of " + keyColumns + " bound (tenant a's), " + visible
            + " rows are visible");
      }
    }
    app.bind(a.settings());
  }

  private void probeWithoutTenant(ProbeSession session, String how) throws SQLException {
    long visible = session.count("SELECT count(*) FROM " + name);
    if (visible > 0) {
      report(READ_WITHOUT_TENANT, how + ", " + visible + " rows are visible");
    }
    Outcome insert = session.insert(rows.newRow(table, a.keysFor(table), a.freshParents()));
    if (!insert.failed()) {
      report(WRITE_WITHOUT_TENANT, how + ", inserting a row with tenant a's keys: " + insert);
    }
    Outcome update = session.update("UPDATE " + name + " SET " + id + " = " + id);
    if (update.rows() > 0 || update.failed()) {
      report(WRITE_WITHOUT_TENANT, how + ", UPDATE of every row: " + update + " (expected 0 rows)");
    }
    Outcome delete = session.update("DELETE FROM " + name);
    if (delete.rows() > 0 || delete.failed()) {
      report(WRITE_WITHOUT_TENANT, how + ", DELETE of every row: " + delete + " (expected 0 rows)");
    }
  }

  /** Every non-empty subset of {@code columns}, in a fixed order. */
  private static List<List<String>> nonEmptySubsets(List<String> columns) {
    List<List<String>> subsets = new ArrayList<>();
    for (int mask = 1; mask < 1 << columns.size(); mask++) {
      int bits = mask;
      subsets.add(IntStream.range(0, columns.size()).filter(i -> (bits & 1 << i) != 0).mapToObj(columns::get)
          .toList());
    }
    return subsets;
  }

  /** Settings for the keys {@code row} carries; levels the table has not, a's. */
  private List<String> settingsCarriedBy(Row row) {
    return levels.stream()
        .map(level -> row.values().containsKey(level.column()) && table.tenancy().columns().contains(level.column())
            ? row.get(level.column()) : a.key(level.column()))
        .toList();
  }

  private String keyType(String column) {
    return levels.stream().filter(level -> level.column().equals(column)).findFirst().orElseThrow().sqlType();
  }

  private String idArray() {
    return "CAST(? AS " + table.column(Row.idColumn(table)).orElseThrow().sqlType() + "[])";
  }

  private static String array(List<String> values) {
    return values.stream().collect(Collectors.joining(",", "{", "}"));
  }

  private void report(Violation.Kind kind, String detail) {
    violations.add(new Violation(kind, table.name().toString(), detail));
  }
}
