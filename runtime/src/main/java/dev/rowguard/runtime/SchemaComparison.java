package dev.rowguard.runtime;

import dev.rowguard.runtime.verify.Catalog;
import dev.rowguard.runtime.verify.Difference;
import dev.rowguard.runtime.verify.DriftKind;
import dev.rowguard.runtime.verify.Model;
import dev.rowguard.runtime.verify.SqlTypeNames;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The model against one catalog read, table by table in the model's order: columns, keys, foreign keys, CHECKs,
 * indexes, row-level security and policies, then the application role's privileges, then the tables the model
 * does not have and the ENUM types nothing uses.
 */
final class SchemaComparison {
  /** Flyway's history table may share a schema with the model's tables; it is not drift. */
  private static final String FLYWAY_HISTORY = "flyway_schema_history";
  /** The privileges {@code schema.sql} grants on a tenanted table ({@code PrivilegesSql}; they change together). */
  private static final Set<String> DML = Set.of("SELECT", "INSERT", "UPDATE", "DELETE");
  private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_]*");
  private static final int MAX_IDENTIFIER_BYTES = 63;

  /** A constraint or index by name and by what it says ({@code definition}, compared), shown as {@code shown}. */
  private record Item(String name, String definition, String shown) {}

  private final Model model;
  private final Catalog catalog;
  private final ExpressionPlans plans;
  private final PolicyCheck policies;
  private final List<Difference> out;

  SchemaComparison(Model model, Catalog catalog, ExpressionPlans plans, PolicyCheck policies, List<Difference> out) {
    this.model = model;
    this.catalog = catalog;
    this.plans = plans;
    this.policies = policies;
    this.out = out;
  }

  void compare() throws SQLException {
    for (Model.Table table : model.tables()) {
      Catalog.LiveTable live = catalog.table(table.schema(), table.name()).orElse(null);
      if (live == null) {
        add(DriftKind.TABLE_MISSING, table.qualifiedName(), columns(table), "none");
        continue;
      }
      columns(table, live);
      constraints(table, live.table());
      rowLevelSecurity(table, live);
    }
    privileges();
    for (Catalog.LiveTable live : catalog.tables()) {
      Model.Table table = live.table();
      if (model.table(table.schema(), table.name()).isEmpty() && !table.name().equals(FLYWAY_HISTORY)) {
        add(DriftKind.TABLE_EXTRA, table.qualifiedName(), "none", columns(table));
      }
    }
    catalog.unusedEnumTypes().forEach((type, labels) ->
        add(DriftKind.ENUM_TYPE_EXTRA, type, "none", "ENUM type" + values(labels) + ", used by no column"));
  }

  private void columns(Model.Table table, Catalog.LiveTable live) throws SQLException {
    for (Model.Column column : table.columns()) {
      String object = table.qualifiedName() + "." + column.name();
      Model.Column actual = live.table().column(column.name()).orElse(null);
      if (actual == null) {
        add(DriftKind.COLUMN_MISSING, object, definition(column), "none");
        continue;
      }
      if (live.enumColumns().contains(column.name())) {
        add(DriftKind.NATIVE_ENUM, object, column.sqlType() + values(column.allowedValues()),
            "ENUM type " + actual.sqlType() + values(actual.allowedValues()));
      } else {
        type(object, column.sqlType(), actual.sqlType());
      }
      if (column.nullable() != actual.nullable()) {
        add(DriftKind.COLUMN_NULLABILITY, object, column.nullable() ? "nullable" : "NOT NULL",
            actual.nullable() ? "nullable" : "NOT NULL");
      }
      if (column.identity() != actual.identity()) {
        add(DriftKind.COLUMN_IDENTITY, object, column.identity() ? "identity" : "no identity",
            actual.identity() ? "identity" : "no identity");
      }
      if (!sameDefault(column, actual)) {
        add(DriftKind.COLUMN_DEFAULT, object, Objects.requireNonNullElse(column.defaultSql(), "none"),
            Objects.requireNonNullElse(actual.defaultSql(), "none"));
      }
    }
    for (Model.Column actual : live.table().columns()) {
      if (table.column(actual.name()).isEmpty()) {
        add(DriftKind.COLUMN_EXTRA, table.qualifiedName() + "." + actual.name(), "none", definition(actual));
      }
    }
  }

  private void type(String object, String expected, String actual) {
    String want = SqlTypeNames.normalized(expected);
    String have = SqlTypeNames.normalized(actual);
    if (want.equals(have)) {
      return;
    }
    String base = SqlTypeNames.base(want);
    DriftKind kind = !base.equals(SqlTypeNames.base(have)) ? DriftKind.COLUMN_TYPE
        : base.equals("varchar") || base.equals("char") ? DriftKind.COLUMN_LENGTH : DriftKind.COLUMN_PRECISION;
    add(kind, object, want, have);
  }

  private boolean sameDefault(Model.Column column, Model.Column actual) throws SQLException {
    if (Objects.equals(column.defaultSql(), actual.defaultSql())) {
      return true;
    }
    if (column.defaultSql() == null || actual.defaultSql() == null) {
      return false;
    }
    String type = column.sqlType();
    String expected = plans.plan("(" + column.defaultSql() + ")::" + type, Map.of());
    return expected != null && expected.equals(plans.plan("(" + actual.defaultSql() + ")::" + type, Map.of()));
  }

  private void constraints(Model.Table table, Model.Table live) throws SQLException {
    match(table, keys(table.primaryKey()), keys(live.primaryKey()), DriftKind.PRIMARY_KEY_MISSING,
        DriftKind.PRIMARY_KEY_CHANGED, DriftKind.CONSTRAINT_EXTRA);
    match(table, keys(table.uniqueKeys()), keys(live.uniqueKeys()), DriftKind.UNIQUE_KEY_MISSING,
        DriftKind.UNIQUE_KEY_CHANGED, DriftKind.CONSTRAINT_EXTRA);
    match(table, foreignKeys(table.foreignKeys()), foreignKeys(live.foreignKeys()), DriftKind.FOREIGN_KEY_MISSING,
        DriftKind.FOREIGN_KEY_CHANGED, DriftKind.CONSTRAINT_EXTRA);
    Map<String, String> columns = new LinkedHashMap<>();
    table.columns().forEach(c -> columns.put(c.name(), c.sqlType()));
    match(table, checks(table.checks(), columns), checks(live.checks(), columns), DriftKind.CHECK_MISSING,
        DriftKind.CHECK_CHANGED, DriftKind.CONSTRAINT_EXTRA);
    match(table, indexes(table.indexes()), indexes(live.indexes()), DriftKind.INDEX_MISSING,
        DriftKind.INDEX_CHANGED, DriftKind.INDEX_EXTRA);
  }

  /**
   * Pairs expected and live items by name, then the unpaired by definition (named differently: by hand, or
   * truncated by the server to 63 bytes); what is left is missing or extra.
   */
  private void match(Model.Table table, List<Item> expected, List<Item> actual, DriftKind missing,
      DriftKind changed, DriftKind extra) {
    List<Item> left = new ArrayList<>(actual);
    Set<String> expectedNames = expected.stream().map(Item::name).collect(Collectors.toSet());
    for (Item item : expected) {
      String object = table.qualifiedName() + "." + item.name();
      Item named = left.stream().filter(a -> a.name().equals(item.name())).findFirst().orElse(null);
      if (named != null) {
        left.remove(named);
        if (!named.definition().equals(item.definition())) {
          add(changed, object, item.shown(), named.shown());
        }
        continue;
      }
      Item same = left.stream().filter(a -> a.definition().equals(item.definition())
          && !expectedNames.contains(a.name())).findFirst().orElse(null);
      if (same != null) {
        left.remove(same);
        boolean truncated = same.name().getBytes(StandardCharsets.UTF_8).length == MAX_IDENTIFIER_BYTES;
        add(DriftKind.NAME_DIFFERS, object, item.name() + " (" + item.shown() + ")", same.name()
            + (truncated ? " (63 bytes: a longer name the server truncated)" : ""));
      } else {
        add(missing, object, item.shown(), "none");
      }
    }
    for (Item item : left) {
      add(extra, table.qualifiedName() + "." + item.name(), "none", item.shown());
    }
  }

  private static List<Item> keys(Model.Key key) {
    return key == null ? List.of() : List.of(key(key, "PRIMARY KEY "));
  }

  private static List<Item> keys(List<Model.Key> keys) {
    return keys.stream().map(k -> key(k, "UNIQUE ")).toList();
  }

  private static Item key(Model.Key key, String keyword) {
    String shown = keyword + list(key.columns());
    return new Item(key.name(), shown, shown);
  }

  private static List<Item> foreignKeys(List<Model.ForeignKey> keys) {
    return keys.stream().map(k -> {
      String shown = "FOREIGN KEY " + list(k.columns()) + " REFERENCES " + k.targetSchema() + "." + k.targetTable()
          + " " + list(k.targetColumns());
      return new Item(k.name(), shown, shown);
    }).toList();
  }

  /** Checks by their plan over the model's columns; one that does not plan there is compared as written. */
  private List<Item> checks(List<Model.Check> checks, Map<String, String> columns) throws SQLException {
    List<Item> items = new ArrayList<>();
    for (Model.Check check : checks) {
      String plan = plans.plan(check.expression(), columns);
      items.add(new Item(check.name(), plan == null ? "unplanned " + check.expression() : plan,
          "CHECK (" + check.expression() + ")"));
    }
    return items;
  }

  private static List<Item> indexes(List<Model.Index> indexes) {
    return indexes.stream().map(i -> {
      String shown = (i.unique() ? "UNIQUE INDEX " : "INDEX ") + list(i.columns());
      return new Item(i.name(), shown, shown);
    }).toList();
  }

  private void rowLevelSecurity(Model.Table table, Catalog.LiveTable live) throws SQLException {
    if (!table.tenanted()) {
      return;
    }
    if (!live.rowSecurity()) {
      add(DriftKind.RLS_DISABLED, table.qualifiedName(), "ENABLE ROW LEVEL SECURITY", "disabled");
    } else if (!live.forcedRowSecurity()) {
      add(DriftKind.RLS_NOT_FORCED, table.qualifiedName(), "FORCE ROW LEVEL SECURITY", "not forced");
    }
    List<TenantKeyLevel> levels = new ArrayList<>();
    for (Model.TenantKey key : table.tenantKeys()) {
      if (live.table().column(key.column()).isEmpty()) {
        return; // The missing key column is reported; a policy on it cannot be planned.
      }
      levels.add(TenantKeyLevel.ofSqlType(key.column(), key.sqlType(), key.setting()));
    }
    for (PolicyCheck.Problem problem : policies.problems(sql(table), levels)) {
      add(problem.kind(), table.qualifiedName() + "." + problem.policy(), problem.expected(), problem.actual());
    }
  }

  /** What the role may do: DML on tenanted tables (and on all when none is), else only SELECT. */
  private void privileges() {
    if (!catalog.roleExists()) {
      add(DriftKind.GRANT_MISSING, catalog.appRole(), "role " + catalog.appRole() + " with the model's privileges",
          "no such role");
      return;
    }
    new TreeSet<>(model.tables().stream().map(Model.Table::schema).toList()).stream()
        .filter(schema -> !catalog.schemasWithUsage().contains(schema))
        .forEach(schema -> add(DriftKind.GRANT_MISSING, schema, "USAGE to " + catalog.appRole(), "none"));
    boolean anyTenanted = model.tables().stream().anyMatch(Model.Table::tenanted);
    for (Model.Table table : model.tables()) {
      Catalog.LiveTable live = catalog.table(table.schema(), table.name()).orElse(null);
      if (live == null) {
        continue;
      }
      Set<String> expected = table.tenanted() || !anyTenanted ? DML : Set.of("SELECT");
      Set<String> missing = new TreeSet<>(expected);
      missing.removeAll(live.privileges());
      Set<String> extra = new TreeSet<>(live.privileges());
      extra.removeAll(expected);
      String granted = live.privileges().isEmpty() ? "none" : String.join(", ", live.privileges());
      if (!missing.isEmpty()) {
        add(DriftKind.GRANT_MISSING, table.qualifiedName(), String.join(", ", missing) + " to " + catalog.appRole(),
            granted);
      }
      if (!extra.isEmpty()) {
        add(DriftKind.GRANT_EXTRA, table.qualifiedName(), new TreeSet<>(expected).stream()
            .collect(Collectors.joining(", ")) + " only", String.join(", ", extra) + " also granted");
      }
    }
  }

  private static String sql(Model.Table table) {
    return identifier(table.schema()) + "." + identifier(table.name());
  }

  private static String identifier(String name) {
    return PLAIN.matcher(name).matches() ? name : '"' + name.replace("\"", "\"\"") + '"';
  }

  private static String definition(Model.Column column) {
    return column.sqlType() + (column.nullable() ? "" : " NOT NULL")
        + (column.defaultSql() == null ? "" : " DEFAULT " + column.defaultSql());
  }

  private static String columns(Model.Table table) {
    return table.columns().size() + (table.columns().size() == 1 ? " column" : " columns");
  }

  private static String values(List<String> values) {
    return values.isEmpty() ? "" : values.stream().collect(Collectors.joining("', '", " ('", "')"));
  }

  private static String list(List<String> columns) {
    return "(" + String.join(", ", columns) + ")";
  }

  private void add(DriftKind kind, String object, String expected, String actual) {
    out.add(new Difference(kind, object, expected, actual));
  }
}
