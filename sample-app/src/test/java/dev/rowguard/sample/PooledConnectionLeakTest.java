package dev.rowguard.sample;

import static com.google.common.truth.Truth.assertThat;

import dev.rowguard.runtime.TenantContext;
import dev.rowguard.runtime.TenantScope;
import dev.rowguard.sample.PooledSampleDatabase.SeededTenant;
import dev.rowguard.schema.Table;
import dev.rowguard.test.RowguardDatabase;
import dev.rowguard.test.RowguardTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pool leaks through the sample's real schema: one pooled connection, handed alternately to two tenants, must
 * never show a checkout the previous tenant's row.
 */
@RowguardTest
@SuppressWarnings("try") // tenant scopes are opened for their close(), not referenced
class PooledConnectionLeakTest {
  private static final int CHECKOUTS = 5_000;

  @Test
  void fiveThousandAlternatingCheckoutsOfOnePooledConnectionNeverSeeThePreviousTenantsAsset(RowguardDatabase database)
      throws SQLException {
    try (PooledSampleDatabase app = new PooledSampleDatabase(database, 5_000L)) {
      Table asset = app.model.tables().stream().filter(t -> t.name().name().equals("asset")).findFirst().orElseThrow();
      SeededTenant a = app.newTenant();
      SeededTenant b = app.newTenant();
      String assetOfA = insertAsset(app, asset, a);
      String assetOfB = insertAsset(app, asset, b);

      List<String> leaks = new ArrayList<>();
      for (int i = 0; i < CHECKOUTS; i++) {
        SeededTenant tenant = i % 2 == 0 ? a : b;
        String expected = tenant == a ? assetOfA : assetOfB;
        try (TenantScope scope = TenantContext.bind(tenant.tenant());
            Connection connection = app.dataSource.getConnection();
            PreparedStatement select = connection.prepareStatement(
                "SELECT id::text, client_account_id::text, engagement_id::text FROM migration.asset");
            ResultSet rows = select.executeQuery()) {
          List<String> seen = new ArrayList<>();
          while (rows.next()) {
            seen.add(rows.getString(1));
            if (!rows.getString(2).equals(tenant.keys().get("client_account_id"))
                || !rows.getString(3).equals(tenant.keys().get("engagement_id"))) {
              leaks.add("checkout " + i + " for " + tenant.tenant() + " saw asset " + rows.getString(1) + " of "
                  + rows.getString(2) + "/" + rows.getString(3));
            }
          }
          if (!seen.equals(List.of(expected))) {
            leaks.add("checkout " + i + " for " + tenant.tenant() + " saw " + seen + " instead of [" + expected + "]");
          }
        }
      }

      assertThat(leaks).isEmpty();
      assertThat(app.pool.getHikariPoolMXBean().getTotalConnections()).isEqualTo(1);
    }
  }

  /**
   * The control: the leak the test above would catch is real. A setting left on the pooled connection by code
   * that bypasses the tenant-binding data source is seen by the pool's next borrower; a checkout through the
   * data source overwrites it.
   */
  @Test
  void aTenantSettingLeftOnThePooledConnectionLeaksUnlessTheCheckoutOverwritesIt(RowguardDatabase database)
      throws SQLException {
    try (PooledSampleDatabase app = new PooledSampleDatabase(database, 5_001L)) {
      Table asset = app.model.tables().stream().filter(t -> t.name().name().equals("asset")).findFirst().orElseThrow();
      SeededTenant a = app.newTenant();
      SeededTenant b = app.newTenant();
      insertAsset(app, asset, a);
      try (Connection raw = app.pool.getConnection();
          PreparedStatement bind = raw.prepareStatement(
              "SELECT set_config('rowguard.client_account_id', ?, false),"
                  + " set_config('rowguard.engagement_id', ?, false)")) {
        bind.setString(1, a.keys().get("client_account_id"));
        bind.setString(2, a.keys().get("engagement_id"));
        bind.execute();
      } // back to the pool with tenant a's settings on it

      try (Connection nextBorrower = app.pool.getConnection()) {
        assertThat(assets(nextBorrower)).isEqualTo(1);
      }
      try (TenantScope scope = TenantContext.bind(b.tenant());
          Connection connection = app.dataSource.getConnection()) {
        assertThat(assets(connection)).isEqualTo(0);
      }
    }
  }

  private static int assets(Connection connection) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("SELECT count(*) FROM migration.asset");
        ResultSet rows = select.executeQuery()) {
      rows.next();
      return rows.getInt(1);
    }
  }

  private static String insertAsset(PooledSampleDatabase app, Table asset, SeededTenant tenant) throws SQLException {
    Row row = app.rows.newRow(asset, Map.copyOf(tenant.keys()), (foreignKey, ordinal) -> null);
    try (TenantScope scope = TenantContext.bind(tenant.tenant());
        Connection connection = app.dataSource.getConnection()) {
      row.insert(connection);
    }
    return row.id();
  }
}
