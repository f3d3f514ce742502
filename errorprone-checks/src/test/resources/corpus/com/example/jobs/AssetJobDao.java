package com.example.jobs;

import dev.rowguard.annotations.AllowRawSql;
import java.sql.SQLException;
import java.util.List;

@AllowRawSql("job store DAO: reads and writes job state through JdbcHelper")
class AssetJobDao {
  static final String TABLE_PREFIX = "app.";
  static final String TENANT = "tenant_id = current_setting('rowguard.tenant_id')::uuid";
  static final String SELECT_ASSET = "SELECT id FROM {0}asset WHERE " + TENANT + " AND id = ?";
  static final String COUNT_COUNTRIES = "SELECT count(*) FROM app.country";
  static final String DELETE_ALL = "DELETE FROM app.asset";

  private final JdbcHelper jdbc;

  AssetJobDao(JdbcHelper jdbc) {
    this.jdbc = jdbc;
  }

  long find(long id) throws SQLException {
    return jdbc.query(JdbcHelper.rtp(SELECT_ASSET, TABLE_PREFIX), rows -> rows.next() ? rows.getLong(1) : 0L, id);
  }

  long countries() throws SQLException {
    return jdbc.query(COUNT_COUNTRIES, rows -> rows.next() ? rows.getLong(1) : 0L);
  }

  int purge() throws SQLException {
    return jdbc.executeWithTransaction(DELETE_ALL);
  }

  int rename(long id, String hostname) throws SQLException {
    return jdbc.execute("UPDATE app.asset SET hostname = '" + hostname + "' WHERE " + TENANT + " AND id = " + id);
  }

  List<Long> byState(String state) throws SQLException {
    return jdbc.query(
        "SELECT id FROM app.asset WHERE " + TENANT + " AND state = ?", rows -> List.of(), state);
  }
}
