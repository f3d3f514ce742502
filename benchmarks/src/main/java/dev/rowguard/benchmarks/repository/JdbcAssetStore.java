package dev.rowguard.benchmarks.repository;

import dev.rowguard.benchmarks.repository.domain.BenchAsset;
import dev.rowguard.benchmarks.repository.domain.BenchAsset.Status;
import dev.rowguard.runtime.TenantContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The limit: statements written by hand, each with the tenant predicate (or, for inserts, the tenant column)
 * bound from the current tenant, and rows mapped by hand.
 */
final class JdbcAssetStore implements AssetStore {
  private static final String COLUMNS =
      "id, tenant_id, hostname, category, status, cpu_cores, monthly_cost, discovered_at";
  static final String FIND_BY_ID = "SELECT " + COLUMNS + " FROM " + Dataset.TABLE + " WHERE tenant_id = ? AND id = ?";
  static final String FIND_BY_CATEGORY =
      "SELECT " + COLUMNS + " FROM " + Dataset.TABLE + " WHERE tenant_id = ? AND category = ?";
  private static final String INSERT =
      "INSERT INTO " + Dataset.TABLE + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

  private static final String UPDATE = "UPDATE " + Dataset.TABLE + " SET hostname = ?, category = ?, status = ?,"
      + " cpu_cores = ?, monthly_cost = ?, discovered_at = ? WHERE tenant_id = ? AND id = ?";

  private final DataSource dataSource;

  JdbcAssetStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Optional<BenchAsset> findById(UUID id) throws SQLException {
    UUID tenant = currentTenant();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement(FIND_BY_ID)) {
      query.setObject(1, tenant);
      query.setObject(2, id);
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? Optional.of(read(row)) : Optional.empty();
      }
    }
  }

  @Override
  public List<BenchAsset> findByCategory(String category) throws SQLException {
    UUID tenant = currentTenant();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement(FIND_BY_CATEGORY)) {
      query.setObject(1, tenant);
      query.setString(2, category);
      List<BenchAsset> found = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          found.add(read(rows));
        }
      }
      return found;
    }
  }

  /** One JDBC batch of all rows: pgjdbc sends it in as few round trips as its buffers allow. */
  @Override
  public void insertAll(List<BenchAsset> rows) throws SQLException {
    UUID tenant = currentTenant();
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
        for (BenchAsset row : rows) {
          insert.setObject(1, row.getId());
          insert.setObject(2, tenant);
          insert.setString(3, row.getHostname());
          insert.setString(4, row.getCategory());
          insert.setString(5, row.getStatus().name());
          insert.setObject(6, row.getCpuCores(), Types.INTEGER);
          insert.setBigDecimal(7, row.getMonthlyCost());
          insert.setObject(8, row.getDiscoveredAt() == null ? null
              : OffsetDateTime.ofInstant(row.getDiscoveredAt(), ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
          insert.addBatch();
        }
        insert.executeBatch();
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        // Back to the pool's default, as Hibernate does after a transaction.
        connection.setAutoCommit(true);
      }
    }
  }

  @Override
  public void readThenUpdate(UUID id) throws SQLException {
    UUID tenant = currentTenant();
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        BenchAsset row;
        try (PreparedStatement query = connection.prepareStatement(FIND_BY_ID)) {
          query.setObject(1, tenant);
          query.setObject(2, id);
          try (ResultSet found = query.executeQuery()) {
            if (!found.next()) {
              throw new SQLException("no row " + id + " for the bound tenant");
            }
            row = read(found);
          }
        }
        try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
          update.setString(1, row.getHostname());
          update.setString(2, row.getCategory());
          update.setString(3, row.getStatus().name());
          update.setObject(4, Workload.incremented(row.getCpuCores()), Types.INTEGER);
          update.setBigDecimal(5, row.getMonthlyCost());
          update.setObject(6, row.getDiscoveredAt() == null ? null
              : OffsetDateTime.ofInstant(row.getDiscoveredAt(), ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
          update.setObject(7, tenant);
          update.setObject(8, id);
          update.executeUpdate();
        }
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    }
  }

  private static BenchAsset read(ResultSet row) throws SQLException {
    OffsetDateTime discoveredAt = row.getObject(8, OffsetDateTime.class);
    return new BenchAsset(row.getObject(1, UUID.class), row.getObject(2, UUID.class), row.getString(3),
        row.getString(4), Status.valueOf(row.getString(5)), row.getObject(6, Integer.class), row.getBigDecimal(7),
        discoveredAt == null ? null : discoveredAt.toInstant());
  }

  private static UUID currentTenant() {
    return (UUID) TenantContext.require().value("tenant_id").orElseThrow();
  }
}
