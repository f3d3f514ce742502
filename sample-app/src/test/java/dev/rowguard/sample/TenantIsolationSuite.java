package dev.rowguard.sample;

import dev.rowguard.postgres.AppLogin;
import dev.rowguard.postgres.Database;
import dev.rowguard.schema.Schema;
import dev.rowguard.schema.Table;
import dev.rowguard.schema.TenantKeyColumn;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Proves, against PostgreSQL, that a DDL script isolates tenants on every tenanted table of a Rowguard schema
 * model, and reports every way it does not.
 *
 * <p>It applies the script as the database owner, creates a login that row-level security applies to (a member
 * of {@code rowguard_app}, not an owner, not a superuser), seeds two tenants, {@code a} and {@code b}, with
 * {@value #ROWS_PER_TABLE} rows in every table, and then, on each tenanted table of the model (so a new table is
 * covered without touching this class), tries from plain JDBC sessions what a buggy or hostile application
 * could: see {@link TableIsolationChecks}. Findings are collected, not thrown, so that a test can assert on
 * all of them.
 */
final class TenantIsolationSuite {
  static final int ROWS_PER_TABLE = 3;

  private final Schema model;
  private final List<TenantKeyColumn> levels;
  private final RowFactory rows = new RowFactory(20261121L);

  private TenantIsolationSuite(Schema model) {
    this.model = model;
    this.levels = levels(model);
  }

  static TenantIsolationSuite forModel(Schema model) {
    return new TenantIsolationSuite(model);
  }

  /** The tenanted tables the suite checks, in creation order. */
  List<Table> tenantedTables() {
    return model.tables().stream().filter(Table::tenanted).toList();
  }

  List<Violation> check(Database database, String ddl) {
    return check(database, ddl, login -> "");
  }

  /**
   * As {@link #check(Database, String)}; after creating the login, the owner also runs {@code
   * ownerSqlForLogin.apply(loginName)} (e.g. to make the login own the tables, in a test of what FORCE is for).
   */
  List<Violation> check(Database database, String ddl, UnaryOperator<String> ownerSqlForLogin) {
    database.executeScript(ddl);
    try (AppLogin login = AppLogin.create(database)) {
      String ownerSql = ownerSqlForLogin.apply(login.name());
      if (!ownerSql.isBlank()) {
        database.executeScript(ownerSql);
      }
      List<String> settings = levels.stream().map(TenantKeyColumn::setting).toList();
      try (ProbeSession app = new ProbeSession(login.address().dataSource().getConnection(), settings);
          ProbeSession neverBound = new ProbeSession(login.address().dataSource().getConnection(), settings);
          ProbeSession owner = new ProbeSession(database.ownerDataSource().getConnection(), settings)) {
        TenantFixture a = seed(app, owner, "a");
        TenantFixture b = seed(app, owner, "b");
        List<Violation> violations = new ArrayList<>();
        for (Table table : tenantedTables()) {
          new TableIsolationChecks(model, table, levels, rows, app, neverBound, owner, a, b, violations).run();
        }
        return violations;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("the tenant-isolation suite could not run: " + e.getMessage(), e);
    }
  }

  /**
   * Creates {@value #ROWS_PER_TABLE} rows in every table for one tenant: tenanted tables as the application
   * login bound to that tenant, shared tables (read-only for the application) as the owner.
   */
  private TenantFixture seed(ProbeSession app, ProbeSession owner, String label) throws SQLException {
    TenantFixture tenant = new TenantFixture(label, levels);
    for (TenantKeyColumn level : levels) {
      if (level.table() == null) {
        String value =
            level.sqlType().equals("uuid") ? UUID.nameUUIDFromBytes(label.getBytes(UTF_8)).toString() : label;
        tenant.setKey(level.column(), value);
      }
    }
    for (Table table : model.tables()) {
      ProbeSession session = table.tenanted() ? app : owner;
      session.bind(tenant.settings());
      for (int i = 0; i < ROWS_PER_TABLE; i++) {
        int index = i;
        // Row i of a table points at parent row i (and i + 1, i + 2 for further references to the same
        // table), so that no two rows repeat a combination; see TenantFixture.freshParents.
        Row row = rows.newRow(table, tenant.keysFor(table),
            (foreignKey, ordinal) -> tenant.row(foreignKey.target(), index + ordinal));
        try {
          session.commit(row);
        } catch (SQLException e) {
          throw new IllegalStateException("the suite could not seed " + table.name() + " for tenant " + label
              + " (" + e.getMessage() + "); row: " + row, e);
        }
        tenant.add(row);
      }
      for (TenantKeyColumn level : levels) {
        if (table.name().equals(level.table())) {
          tenant.setKey(level.column(), tenant.rows(table.name()).get(0).id());
        }
      }
    }
    return tenant;
  }

  /** The tenant key levels, outermost first: the longest tenancy; every other one must be a prefix of it. */
  private static List<TenantKeyColumn> levels(Schema model) {
    List<List<TenantKeyColumn>> tenancies = model.tables().stream()
        .filter(Table::tenanted).map(t -> t.tenancy().keys()).toList();
    List<TenantKeyColumn> longest = tenancies.stream().max(Comparator.comparingInt(List::size))
        .orElseThrow(() -> new IllegalArgumentException("the model has no tenanted table"));
    for (List<TenantKeyColumn> keys : tenancies) {
      if (!longest.subList(0, keys.size()).equals(keys)) {
        throw new IllegalArgumentException("tenant keys " + keys + " are not outer levels of " + longest);
      }
    }
    return longest;
  }
}
