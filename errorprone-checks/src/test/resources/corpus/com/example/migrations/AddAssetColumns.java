package com.example.migrations;

import java.util.List;
import liquibase.statement.core.RawParameterizedSqlStatement;
import liquibase.statement.core.RawSqlStatement;

/** A Liquibase custom change; migrations are allowed raw SQL (-XepOpt:RawSql:AllowedPackages). */
class AddAssetColumns {
  List<Object> statements(String table) {
    return List.of(
        new RawSqlStatement("UPDATE app.country SET name = upper(name)"),
        new RawSqlStatement("UPDATE app.asset SET hostname = lower(hostname)"),
        new RawParameterizedSqlStatement("UPDATE app.country SET name = ? WHERE id = 1", "x"),
        new RawSqlStatement("ALTER TABLE " + table + " ADD COLUMN code text"));
  }
}
