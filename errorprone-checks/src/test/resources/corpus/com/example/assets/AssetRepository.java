package com.example.assets;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A Spring JdbcClient repository written by hand, outside sanctioned code. */
class AssetRepository {
  private final JdbcClient jdbc;

  AssetRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<Long> byHostname(String hostname) {
    return jdbc.sql("SELECT id FROM app.asset WHERE tenant_id = current_setting('rowguard.tenant_id')::uuid"
            + " AND hostname = :hostname")
        .param("hostname", hostname)
        .query(Long.class)
        .list();
  }

  List<Long> sorted(String column) {
    return jdbc.sql("SELECT id FROM app.asset WHERE tenant_id = current_setting('rowguard.tenant_id')::uuid"
            + " ORDER BY " + column)
        .query(Long.class)
        .list();
  }
}
