package dev.rowguard.sample;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.rowguard.runtime.TenantContext;
import dev.rowguard.runtime.TenantScope;
import dev.rowguard.sample.PooledSampleDatabase.SeededTenant;
import dev.rowguard.schema.Column;
import dev.rowguard.schema.ForeignKey;
import dev.rowguard.schema.Key;
import dev.rowguard.schema.QualifiedName;
import dev.rowguard.schema.Table;
import dev.rowguard.schema.sql.Identifiers;
import dev.rowguard.test.RowguardDatabase;
import dev.rowguard.test.RowguardTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Ten tenants (ten client accounts, each with an engagement) share one pooled connection for ten thousand
 * seeded random inserts, selects, updates and deletes across every tenanted table of the generated model, a
 * quarter of the checkouts in transactions, half of those rolled back. Every result is checked against an
 * in-memory model of each tenant's rows: a tenant sees exactly its rows, never another's; operations aimed at
 * another tenant's rows find nothing; writes carrying another tenant's key or referencing its rows are refused.
 * At the end the database, read by its owner, holds exactly the model.
 */
@RowguardTest
@SuppressWarnings("try") // tenant scopes are opened for their close(), not referenced
class RandomizedTenantIsolationTest {
  private static final long SEED = 20261121L;
  private static final int TENANTS = 10;
  private static final int OPERATIONS = 10_000;

  private final Random random = new Random(SEED);
  private PooledSampleDatabase app;
  private List<Table> tables;
  /** Tables with a reference to a tenanted table beyond their tenant keys (asset_dependency → asset). */
  private List<Table> referencing;
  private List<SeededTenant> tenants;
  /** Each tenant's rows by table and id, as the database should hold them. */
  private List<Map<QualifiedName, Map<String, Row>>> model;
  /** Statements run and checked, by kind; an operation that finds nothing to do is not counted. */
  private final Map<String, Integer> operations = new TreeMap<>();
  private int crossTenantRows;

  @Test
  void tenThousandRandomOperationsAcrossTenTenantsSeeNoRowOfAnotherTenant(RowguardDatabase database) throws SQLException {
    try (PooledSampleDatabase pooled = new PooledSampleDatabase(database, SEED)) {
      run(pooled, database.owner());
    }
  }

  /** The run on any database with the generated schema; {@code owner} reads it back at the end. */
  void run(PooledSampleDatabase pooled, DataSource owner) throws SQLException {
    app = pooled;
    tables = app.model.tables().stream().filter(Table::tenanted).toList();
    referencing = tables.stream().filter(table -> crossReference(table).isPresent()).toList();
    assertThat(referencing).isNotEmpty();
    tenants = new ArrayList<>();
    model = new ArrayList<>();
    for (int t = 0; t < TENANTS; t++) {
      SeededTenant tenant = app.newTenant();
      tenants.add(tenant);
      Map<QualifiedName, Map<String, Row>> rows = new HashMap<>();
      tables.forEach(table -> rows.put(table.name(), new TreeMap<>()));
      tenant.keyRows().values().stream().filter(row -> row.table().tenanted())
          .forEach(row -> rows.get(row.table().name()).put(row.id(), row));
      model.add(rows);
    }

    while (total() < OPERATIONS) {
      checkout();
    }

    assertThat(crossTenantRows).isEqualTo(0);
    assertWithMessage("operations by kind: " + operations).that(operations.keySet()).containsExactly(
        "insert", "select all", "select own by id", "select another's by id", "update own", "update another's",
        "delete own", "delete another's", "delete of a referenced row", "insert with another tenant's keys",
        "reference to another tenant's row", "select after rollback");
    assertWithMessage("operations by kind: " + operations).that(operations.values().stream().mapToInt(n -> n).min()
        .orElseThrow()).isAtLeast(50);
    assertTheDatabaseHoldsExactlyTheModel(owner);
  }

  /** One checkout for a random tenant: a batch of 1 to 8 operations, maybe in a transaction. */
  private void checkout() throws SQLException {
    int t = random.nextInt(TENANTS);
    boolean transactional = random.nextInt(4) == 0;
    Map<QualifiedName, Map<String, Row>> committed = model.get(t);
    Map<QualifiedName, Map<String, Row>> pending = copy(committed);
    try (TenantScope scope = TenantContext.bind(tenants.get(t).tenant());
        Connection connection = app.dataSource.getConnection()) {
      connection.setAutoCommit(!transactional);
      int batch = 1 + random.nextInt(8);
      for (int i = 0; i < batch && total() < OPERATIONS; i++) {
        operate(connection, t, pending, transactional);
      }
      if (transactional && random.nextBoolean()) {
        connection.rollback();
        pending = copy(committed);
        // The binding survives the rollback: the tenant still sees exactly its committed rows.
        Table table = pick(tables);
        selectAll(connection, t, table, pending.get(table.name()));
        ran("select after rollback");
      }
      if (transactional) {
        connection.commit();
      }
    }
    model.set(t, pending);
  }

  private void operate(Connection connection, int t, Map<QualifiedName, Map<String, Row>> mine, boolean transactional)
      throws SQLException {
    Table table = pick(tables);
    // Half the operations aim at the tenant's own rows, the other half at any tenant's (itself included).
    int o = random.nextBoolean() ? t : random.nextInt(TENANTS);
    Map<String, Row> target = o == t ? mine.get(table.name()) : model.get(o).get(table.name());
    switch (random.nextInt(7)) {
      case 0, 1 -> insertOwn(connection, t, table, mine);
      case 2 -> {
        selectAll(connection, t, table, mine.get(table.name()));
        ran("select all");
      }
      case 3 -> selectById(connection, t, table, pickId(target), o == t);
      case 4 -> update(connection, table, pickId(target), o == t, mine);
      case 5 -> delete(connection, table, pickId(target), o == t, mine, transactional);
      default -> {
        if (transactional || o == t) {
          insertOwn(connection, t, table, mine); // a refused statement would abort the transaction
        } else if (random.nextBoolean()) {
          insertWithKeysOf(connection, o, table);
        } else {
          referenceRowOf(connection, t, o, pick(referencing), mine);
        }
      }
    }
  }

  private void insertOwn(Connection connection, int t, Table table, Map<QualifiedName, Map<String, Row>> mine)
      throws SQLException {
    Optional<Row> row = newRow(table, tenants.get(t), mine);
    if (row.isEmpty()) {
      return; // no distinct parents yet, or a unique key would repeat: the next operation will do
    }
    row.get().insert(connection);
    mine.get(table.name()).put(row.get().id(), row.get());
    ran("insert");
  }

  private void selectAll(Connection connection, int t, Table table, Map<String, Row> expected) throws SQLException {
    Map<String, String> seen = select(connection, t, table, "");
    assertWithMessage("%s sees in %s (seed %s)", tenants.get(t).tenant(), table.name(), SEED)
        .that(seen).isEqualTo(payloads(table, expected));
  }

  private void selectById(Connection connection, int t, Table table, String id, boolean own) throws SQLException {
    if (id == null) {
      return;
    }
    Map<String, String> seen = select(connection, t, table, id);
    assertWithMessage("%s reading %s row %s", tenants.get(t).tenant(), table.name(), id)
        .that(seen.keySet()).isEqualTo(own ? Set.of(id) : Set.of());
    ran(own ? "select own by id" : "select another's by id");
  }

  private void update(Connection connection, Table table, String id, boolean own,
      Map<QualifiedName, Map<String, Row>> mine) throws SQLException {
    Optional<Column> payload = app.rows.payloadColumn(table);
    if (id == null || payload.isEmpty()) {
      return;
    }
    String value = app.rows.freshValue(payload.get());
    int changed = execute(connection, "UPDATE " + table.name().sql() + " SET " + Identifiers.quote(payload.get().name())
        + " = CAST(? AS " + payload.get().sqlType() + ") WHERE id = CAST(? AS uuid)", value, id);
    assertWithMessage("UPDATE of %s row %s (own: %s)", table.name(), id, own).that(changed).isEqualTo(own ? 1 : 0);
    if (own) {
      Map<String, Row> rows = mine.get(table.name());
      rows.put(id, rows.get(id).with(payload.get().name(), value));
    }
    ran(own ? "update own" : "update another's");
  }

  private void delete(Connection connection, Table table, String id, boolean own,
      Map<QualifiedName, Map<String, Row>> mine, boolean transactional) throws SQLException {
    if (id == null || (own && isKeyRow(id))) {
      return;
    }
    boolean referenced = own && isReferenced(mine, table, mine.get(table.name()).get(id));
    if (referenced && transactional) {
      return; // the refusal would abort the transaction
    }
    String sql = "DELETE FROM " + table.name().sql() + " WHERE id = CAST(? AS uuid)";
    if (referenced) {
      assertThat(refusal(connection, sql, id)).isEqualTo("23503");
      ran("delete of a referenced row");
      return;
    }
    assertWithMessage("DELETE of %s row %s (own: %s)", table.name(), id, own)
        .that(execute(connection, sql, id)).isEqualTo(own ? 1 : 0);
    if (own) {
      mine.get(table.name()).remove(id);
    }
    ran(own ? "delete own" : "delete another's");
  }

  private void insertWithKeysOf(Connection connection, int o, Table table) throws SQLException {
    Optional<Row> row = newRow(table, tenants.get(o), model.get(o));
    if (row.isPresent()) {
      assertThat(refusal(connection, row.get())).isEqualTo("42501");
      ran("insert with another tenant's keys");
    }
  }

  /** A new row of tenant t whose reference to a tenanted table (beyond the tenant keys) points at o's row. */
  private void referenceRowOf(Connection connection, int t, int o, Table table,
      Map<QualifiedName, Map<String, Row>> mine) throws SQLException {
    Optional<ForeignKey> reference = crossReference(table);
    Optional<Row> row = newRow(table, tenants.get(t), mine);
    String foreignId = reference.isEmpty() ? null : pickId(model.get(o).get(reference.get().target()));
    if (row.isEmpty() || foreignId == null) {
      return;
    }
    ForeignKey fk = reference.get();
    Row parent = model.get(o).get(fk.target()).get(foreignId);
    Row forged = row.get();
    for (int i = 0; i < fk.columns().size(); i++) {
      if (!table.tenancy().columns().contains(fk.columns().get(i))) {
        forged = forged.with(fk.columns().get(i), parent.get(fk.targetColumns().get(i)));
      }
    }
    assertThat(refusal(connection, forged)).isEqualTo("23503");
    ran("reference to another tenant's row");
  }

  /** The first reference from {@code table} to a tenanted table by more than the tenant keys. */
  private Optional<ForeignKey> crossReference(Table table) {
    return table.foreignKeys().stream()
        .filter(fk -> app.model.table(fk.target()).orElseThrow().tenanted())
        .filter(fk -> fk.columns().stream().anyMatch(c -> !table.tenancy().columns().contains(c)))
        .findFirst();
  }

  /**
   * A valid new row for the tenant, parents picked at random among its rows (distinct for several references
   * to one table), or empty when there are too few parents or a unique key would repeat.
   */
  private Optional<Row> newRow(Table table, SeededTenant tenant, Map<QualifiedName, Map<String, Row>> rows) {
    if (!hasEnoughParents(table, rows)) {
      return Optional.empty();
    }
    Map<QualifiedName, Set<String>> used = new HashMap<>();
    Row row = app.rows.newRow(table, Map.copyOf(tenant.keys()), (fk, ordinal) -> {
      List<String> candidates = new ArrayList<>(rows.get(fk.target()).keySet());
      candidates.removeAll(used.getOrDefault(fk.target(), Set.of()));
      String id = candidates.get(random.nextInt(candidates.size()));
      used.computeIfAbsent(fk.target(), k -> new HashSet<>()).add(id);
      return rows.get(fk.target()).get(id);
    });
    return repeatsAUniqueKey(table, row, rows.get(table.name()).values()) ? Optional.empty() : Optional.of(row);
  }

  /** Whether each table the new row must reference beyond its tenant keys has a distinct row per reference. */
  private static boolean hasEnoughParents(Table table, Map<QualifiedName, Map<String, Row>> rows) {
    Map<QualifiedName, Long> needed = table.foreignKeys().stream()
        .filter(fk -> fk.columns().stream().anyMatch(c -> !table.tenancy().columns().contains(c)))
        .collect(Collectors.groupingBy(ForeignKey::target, Collectors.counting()));
    return needed.entrySet().stream()
        .allMatch(e -> rows.getOrDefault(e.getKey(), Map.of()).size() >= e.getValue());
  }

  private static boolean repeatsAUniqueKey(Table table, Row row, Iterable<Row> existing) {
    for (Key key : table.uniqueKeys()) {
      List<String> values = key.columns().stream().map(row.values()::get).toList();
      for (Row other : existing) {
        if (key.columns().stream().map(other.values()::get).toList().equals(values)) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean isKeyRow(String id) {
    return tenants.stream().anyMatch(tenant -> tenant.keys().containsValue(id));
  }

  /** Whether any of the tenant's rows references {@code row} through a foreign key. */
  private boolean isReferenced(Map<QualifiedName, Map<String, Row>> mine, Table table, Row row) {
    for (Table child : tables) {
      for (ForeignKey fk : child.foreignKeys()) {
        if (!fk.target().equals(table.name())) {
          continue;
        }
        for (Row candidate : mine.get(child.name()).values()) {
          boolean matches = true;
          for (int i = 0; i < fk.columns().size() && matches; i++) {
            matches = row.get(fk.targetColumns().get(i)).equals(candidate.values().get(fk.columns().get(i)));
          }
          if (matches) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** The visible rows (all, or the one with {@code id}) as id → payload; counts rows with another tenant's keys. */
  private Map<String, String> select(Connection connection, int t, Table table, String id) throws SQLException {
    String payload = app.rows.payloadColumn(table).map(c -> Identifiers.quote(c.name()) + "::text").orElse("NULL");
    List<String> keys = table.tenancy().columns();
    String sql = "SELECT id::text, " + payload + ", "
        + keys.stream().map(k -> Identifiers.quote(k) + "::text").collect(Collectors.joining(", "))
        + " FROM " + table.name().sql() + (id.isEmpty() ? "" : " WHERE id = CAST(? AS uuid)");
    Map<String, String> seen = new TreeMap<>();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      if (!id.isEmpty()) {
        statement.setString(1, id);
      }
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          seen.put(rows.getString(1), rows.getString(2));
          for (int k = 0; k < keys.size(); k++) {
            if (!rows.getString(3 + k).equals(tenants.get(t).keys().get(keys.get(k)))) {
              crossTenantRows++;
            }
          }
        }
      }
    }
    return seen;
  }

  private void assertTheDatabaseHoldsExactlyTheModel(DataSource database) throws SQLException {
    Set<String> clients = tenants.stream().map(t -> t.keys().get("client_account_id")).collect(Collectors.toSet());
    try (Connection owner = database.getConnection()) {
      for (Table table : tables) {
        Map<String, String> expected = new TreeMap<>();
        for (Map<QualifiedName, Map<String, Row>> rows : model) {
          for (Row row : rows.get(table.name()).values()) {
            expected.put(row.id(), table.tenancy().columns().stream().map(row::get).collect(Collectors.joining("/")));
          }
        }
        Map<String, String> actual = new TreeMap<>();
        String keys = table.tenancy().columns().stream().map(k -> Identifiers.quote(k) + "::text")
            .collect(Collectors.joining(" || '/' || "));
        try (PreparedStatement statement = owner.prepareStatement(
                "SELECT id::text, " + keys + ", client_account_id::text FROM " + table.name().sql());
            ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            if (clients.contains(rows.getString(3))) {
              actual.put(rows.getString(1), rows.getString(2));
            }
          }
        }
        assertWithMessage("rows of %s with their keys, read by the owner", table.name()).that(actual)
            .isEqualTo(expected);
      }
    }
  }

  private Map<String, String> payloads(Table table, Map<String, Row> rows) {
    Optional<Column> payload = app.rows.payloadColumn(table);
    Map<String, String> values = new TreeMap<>();
    rows.forEach((id, row) -> values.put(id, payload.map(c -> row.values().get(c.name())).orElse(null)));
    return values;
  }

  private static int execute(Connection connection, String sql, String... parameters) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setString(i + 1, parameters[i]);
      }
      return statement.executeUpdate();
    }
  }

  /** The SQL state that refused the statement; fails the test if it went through. */
  private static String refusal(Connection connection, String sql, String... parameters) {
    try {
      execute(connection, sql, parameters);
    } catch (SQLException e) {
      return e.getSQLState();
    }
    throw new AssertionError("not refused: " + sql + " " + List.of(parameters) + " (seed " + SEED + ")");
  }

  private static String refusal(Connection connection, Row row) {
    try {
      row.insert(connection);
    } catch (SQLException e) {
      return e.getSQLState();
    }
    throw new AssertionError("not refused: " + row + " (seed " + SEED + ")");
  }

  private void ran(String kind) {
    operations.merge(kind, 1, Integer::sum);
  }

  private int total() {
    return operations.values().stream().mapToInt(n -> n).sum();
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private String pickId(Map<String, Row> rows) {
    return rows.isEmpty() ? null : new ArrayList<>(rows.keySet()).get(random.nextInt(rows.size()));
  }

  private static Map<QualifiedName, Map<String, Row>> copy(Map<QualifiedName, Map<String, Row>> rows) {
    Map<QualifiedName, Map<String, Row>> copy = new LinkedHashMap<>();
    rows.forEach((table, byId) -> copy.put(table, new TreeMap<>(byId)));
    return copy;
  }
}
