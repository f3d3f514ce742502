package dev.rowguard.runtime;

import static com.google.common.truth.Truth.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.rowguard.postgres.Database;
import dev.rowguard.postgres.PostgresExtension;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One pooled connection shared by many tenants, as under load: whatever one checkout bound must never be
 * visible to the next.
 */
@ExtendWith(PostgresExtension.class)
@SuppressWarnings("try") // scopes are opened for their close(), not referenced
class PooledConnectionIsolationTest {
  private static final long SEED = 20261121L;

  private static TestRoles roles;
  private static HikariDataSource pool;
  private static TenantBindingDataSource dataSource;

  @BeforeAll
  static void createSchema(Database database) {
    roles = new TestRoles(database);
    var app = roles.create("app", "NOINHERIT");
    InvoiceSchema.create(database, app.user());
    pool = TestPools.singleConnection(app);
    dataSource = TenantBindingDataSource.wrap(pool, InvoiceSchema.KEYS);
    RlsRoleCheck.forTables("invoice").verify(dataSource);
  }

  @AfterAll
  static void dropRoles() {
    pool.close();
    roles.close();
  }

  @Test
  void fiveThousandAlternatingCheckoutsOfOneConnectionNeverSeeThePreviousTenant() throws SQLException {
    UUID a = new UUID(0, 0xA1);
    UUID b = new UUID(0, 0xB1);
    insertOwnRow(a, 1);
    insertOwnRow(b, 2);
    int checkouts = 0;
    List<String> leaks = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      UUID tenant = i % 2 == 0 ? a : b;
      try (TenantScope scope = TenantContext.bind(InvoiceSchema.KEYS.tenant(tenant));
          Connection connection = dataSource.getConnection();
          PreparedStatement select = connection.prepareStatement("SELECT tenant_id FROM invoice");
          ResultSet rows = select.executeQuery()) {
        int seen = 0;
        while (rows.next()) {
          seen++;
          UUID owner = rows.getObject(1, UUID.class);
          if (!owner.equals(tenant)) {
            leaks.add("checkout " + i + " for " + tenant + " saw a row of " + owner);
          }
        }
        if (seen != 1) {
          leaks.add("checkout " + i + " for " + tenant + " saw " + seen + " rows instead of its 1");
        }
      }
      checkouts++;
    }

    assertThat(leaks).isEmpty();
    assertThat(checkouts).isEqualTo(5_000);
    assertThat(pool.getHikariPoolMXBean().getTotalConnections()).isEqualTo(1);
  }

  /**
   * Ten tenants, ten thousand random inserts, selects, updates and deletes on one pooled connection, checked
   * against an in-memory model of each tenant's rows. Operations aimed at another tenant's rows must change
   * and return nothing; inserts carrying another tenant's key must fail.
   */
  @Test
  void tenThousandRandomOperationsAcrossTenTenantsSeeNoRowOfAnotherTenant() throws SQLException {
    Random random = new Random(SEED);
    List<UUID> tenants = new ArrayList<>();
    Map<UUID, Map<Long, Integer>> model = new HashMap<>();
    for (int t = 0; t < 10; t++) {
      UUID tenant = new UUID(0x5EED, t);
      tenants.add(tenant);
      model.put(tenant, new HashMap<>());
    }
    long nextId = 1_000_000;
    int operations = 0;
    int crossTenantRows = 0;
    int refusedInserts = 0;
    while (operations < 10_000) {
      UUID tenant = tenants.get(random.nextInt(tenants.size()));
      // Half the targeted operations aim at the tenant's own rows, half at any tenant's.
      UUID other = random.nextBoolean() ? tenant : tenants.get(random.nextInt(tenants.size()));
      Map<Long, Integer> mine = model.get(tenant);
      boolean transactional = random.nextInt(4) == 0;
      Map<Long, Integer> pending = new HashMap<>(mine);
      try (TenantScope scope = TenantContext.bind(InvoiceSchema.KEYS.tenant(tenant));
          Connection connection = dataSource.getConnection()) {
        connection.setAutoCommit(!transactional);
        int batch = 1 + random.nextInt(8);
        for (int op = 0; op < batch; op++, operations++) {
          switch (random.nextInt(transactional ? 5 : 6)) {
            case 0 -> {
              long id = nextId++;
              int amount = random.nextInt(1000);
              assertThat(update(connection, "INSERT INTO invoice (id, tenant_id, amount) VALUES (?, ?, ?)",
                  id, tenant, amount)).isEqualTo(1);
              pending.put(id, amount);
            }
            case 1 -> {
              Map<Long, Integer> visible = new HashMap<>();
              crossTenantRows += selectAll(connection, tenant, visible);
              assertThat(visible).isEqualTo(pending);
            }
            case 2 -> {
              Long target = pick(random, other.equals(tenant) ? pending : model.get(other));
              if (target != null) {
                int amount = random.nextInt(1000);
                int changed = update(connection, "UPDATE invoice SET amount = ? WHERE id = ?", amount, target);
                assertThat(changed).isEqualTo(pending.containsKey(target) ? 1 : 0);
                pending.computeIfPresent(target, (id, old) -> amount);
              }
            }
            case 3 -> {
              Long target = pick(random, other.equals(tenant) ? pending : model.get(other));
              if (target != null) {
                int deleted = update(connection, "DELETE FROM invoice WHERE id = ?", target);
                assertThat(deleted).isEqualTo(pending.remove(target) != null ? 1 : 0);
              }
            }
            case 4 -> {
              Long target = pick(random, model.get(other));
              if (target != null) {
                Map<Long, Integer> visible = new HashMap<>();
                crossTenantRows += selectById(connection, tenant, target, visible);
                assertThat(visible.keySet()).isEqualTo(pending.containsKey(target) ? Set.of(target) : Set.of());
              }
            }
            default -> {
              if (!other.equals(tenant)) {
                SQLException refused = insertExpectingFailure(connection, nextId++, other);
                assertThat(refused.getSQLState()).isEqualTo("42501");
                refusedInserts++;
              }
            }
          }
        }
        if (transactional && random.nextBoolean()) {
          connection.rollback();
          pending = new HashMap<>(mine);
          Map<Long, Integer> visible = new HashMap<>();
          crossTenantRows += selectAll(connection, tenant, visible); // the binding survived the rollback
          assertThat(visible).isEqualTo(mine);
        }
        if (transactional) {
          connection.commit();
        }
      }
      model.put(tenant, pending);
    }

    assertThat(crossTenantRows).isEqualTo(0);
    assertThat(refusedInserts).isGreaterThan(0);
    try (Connection admin = dataSource.withoutTenant("test: count rows").getConnection()) {
      Map<Long, Integer> visible = new HashMap<>();
      selectAll(admin, null, visible);
      assertThat(visible).isEmpty();
    }
  }

  private static void insertOwnRow(UUID tenant, long id) throws SQLException {
    try (TenantScope scope = TenantContext.bind(InvoiceSchema.KEYS.tenant(tenant));
        Connection connection = dataSource.getConnection()) {
      update(connection, "INSERT INTO invoice (id, tenant_id, amount) VALUES (?, ?, 1)", id, tenant);
    }
  }

  private static Long pick(Random random, Map<Long, Integer> rows) {
    if (rows.isEmpty()) {
      return null;
    }
    List<Long> ids = new ArrayList<>(rows.keySet());
    ids.sort(null); // HashMap order is not part of the seed
    return ids.get(random.nextInt(ids.size()));
  }

  private static int update(Connection connection, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      return statement.executeUpdate();
    }
  }

  private static SQLException insertExpectingFailure(Connection connection, long id, UUID otherTenant)
      throws SQLException {
    try {
      update(connection, "INSERT INTO invoice (id, tenant_id, amount) VALUES (?, ?, 0)", id, otherTenant);
    } catch (SQLException e) {
      return e;
    }
    throw new AssertionError("inserted a row for " + otherTenant + " (seed " + SEED + ")");
  }

  /** Collects the visible rows; returns how many belong to another tenant than {@code tenant}. */
  private static int selectAll(Connection connection, UUID tenant, Map<Long, Integer> rows) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("SELECT id, tenant_id, amount FROM invoice")) {
      return collect(select, tenant, rows);
    }
  }

  private static int selectById(Connection connection, UUID tenant, long id, Map<Long, Integer> rows)
      throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("SELECT id, tenant_id, amount FROM invoice WHERE id = ?")) {
      select.setLong(1, id);
      return collect(select, tenant, rows);
    }
  }

  private static int collect(PreparedStatement select, UUID tenant, Map<Long, Integer> rows) throws SQLException {
    int foreign = 0;
    try (ResultSet result = select.executeQuery()) {
      while (result.next()) {
        rows.put(result.getLong(1), result.getInt(3));
        if (!result.getObject(2, UUID.class).equals(tenant)) {
          foreign++;
        }
      }
    }
    return foreign;
  }
}
