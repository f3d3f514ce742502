package dev.rowguard.sample;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.rowguard.runtime.RlsRoleCheck;
import dev.rowguard.runtime.Tenant;
import dev.rowguard.runtime.TenantBinding;
import dev.rowguard.runtime.TenantBindingDataSource;
import dev.rowguard.runtime.TenantContext;
import dev.rowguard.runtime.TenantScope;
import dev.rowguard.schema.Schema;
import dev.rowguard.schema.Table;
import dev.rowguard.schema.TenantKeyColumn;
import dev.rowguard.test.RowguardDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;
/**
 * The generated schema on a database of its own, used as the application uses it: the application login
 * pooled by HikariCP with a single connection (so every checkout reuses it), wrapped in the tenant-binding data
 * source and checked at start-up.
 */
@SuppressWarnings("try") // tenant scopes are opened for their close(), not referenced
final class PooledSampleDatabase implements AutoCloseable {
  final Schema model = GeneratedSchema.model();
  final RowFactory rows;
  final HikariDataSource pool;
  final TenantBindingDataSource dataSource;
  private final DataSource owner;
  private final List<TenantKeyColumn> levels;

  /**
   * {@code database} from {@code @RowguardTest} (the generated schema, applied); {@code seed} for the generated
   * keys, see {@link RowFactory#RowFactory(long)}.
   */
  PooledSampleDatabase(RowguardDatabase database, long seed) {
    this(database.owner(), database.appLogin(), TenantBinding.statementScoped(), seed);
  }

  /** The same on any database the generated schema is applied to, e.g. a Citus cluster with its binding. */
  PooledSampleDatabase(DataSource owner, DataSource appLogin, TenantBinding binding, long seed) {
    rows = new RowFactory(seed);
    this.owner = owner;
    HikariConfig config = new HikariConfig();
    config.setDataSource(appLogin);
    config.setMaximumPoolSize(1);
    config.setPoolName("rowguard-sample-test");
    pool = new HikariDataSource(config);
    dataSource = TenantBindingDataSource.wrap(pool, SampleApp.KEYS, binding);
    RlsRoleCheck.forSchemas(SampleApp.SCHEMA).verify(dataSource);
    levels = model.tables().stream().filter(Table::tenanted).map(t -> t.tenancy().keys())
        .max(Comparator.comparingInt(List::size)).orElseThrow();
  }

  /** A tenant of its own: for each key level, outermost first, a row of the table that level's key identifies. */
  SeededTenant newTenant() throws SQLException {
    Map<String, String> keys = new LinkedHashMap<>();
    Map<String, Row> keyRows = new LinkedHashMap<>();
    for (TenantKeyColumn level : levels) {
      Table table = model.table(level.table()).orElseThrow();
      Row row = rows.newRow(table, Map.copyOf(keys), (foreignKey, ordinal) -> {
        throw new IllegalStateException(
            table.name() + " references " + foreignKey.target() + " beyond the tenant keys");
      });
      if (keys.isEmpty()) {
        // Shared tables are read-only for the application role: accounts are created by the owner.
        try (Connection connection = owner.getConnection()) {
          row.insert(connection);
        }
      } else {
        try (TenantScope scope = TenantContext.bind(tenant(keys));
            Connection connection = dataSource.getConnection()) {
          row.insert(connection);
        }
      }
      keys.put(level.column(), row.id());
      keyRows.put(level.column(), row);
    }
    return new SeededTenant(tenant(keys), Map.copyOf(keys), keyRows);
  }

  private static Tenant tenant(Map<String, String> keys) {
    return SampleApp.KEYS.tenant(keys.values().stream().map(UUID::fromString).toArray());
  }

  @Override
  public void close() {
    pool.close();
  }

  /**
   * A tenant bound at every level, with the rows its keys point at.
   *
   * @param tenant the runtime's tenant
   * @param keys each key column's value, as text
   * @param keyRows the row each key identifies, by key column
   */
  record SeededTenant(Tenant tenant, Map<String, String> keys, Map<String, Row> keyRows) {}
}
