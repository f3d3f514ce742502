package dev.rowguard.schema.query;

import dev.rowguard.schema.Column;
import dev.rowguard.schema.Key;
import dev.rowguard.schema.QualifiedName;
import dev.rowguard.schema.Schema;
import dev.rowguard.schema.Table;
import dev.rowguard.schema.Tenancy;
import dev.rowguard.schema.TenantKeyColumn;
import java.util.List;

/**
 * A small model for the native-query tests: {@code asset} and {@code asset_dependency}, scoped by client account
 * and engagement, and {@code country}, shared by all tenants.
 */
final class NativeQueryModel {
  static final TenantKeyColumn ACCOUNT =
      new TenantKeyColumn("client_account_id", "rowguard.client_account_id", "uuid", null);
  static final TenantKeyColumn ENGAGEMENT =
      new TenantKeyColumn("engagement_id", "rowguard.engagement_id", "uuid", null);

  static final Table ASSET = table("asset", "dev.x.Asset", true,
      column("id", "id", "java.util.UUID", "uuid"),
      column("client_account_id", "clientAccountId", "java.util.UUID", "uuid"),
      column("engagement_id", "engagementId", "java.util.UUID", "uuid"),
      column("hostname", "hostname", "java.lang.String", "varchar(255)"),
      column("ip_address", "ipAddress", "java.lang.String", "varchar(45)"),
      enumColumn("mapping_status", "mappingStatus", "dev.x.Asset.MappingStatus", "MAPPED", "UNMAPPED"),
      column("cpu_cores", "cpuCores", "int", "integer"),
      column("created_at", "createdAt", "java.time.Instant", "timestamptz"));

  static final Table DEPENDENCY = table("asset_dependency", "dev.x.AssetDependency", true,
      column("id", "id", "java.util.UUID", "uuid"),
      column("client_account_id", "clientAccountId", "java.util.UUID", "uuid"),
      column("engagement_id", "engagementId", "java.util.UUID", "uuid"),
      column("dependent_asset_id", "dependentAssetId", "java.util.UUID", "uuid"),
      column("dependency_asset_id", "dependencyAssetId", "java.util.UUID", "uuid"));

  static final Table COUNTRY = table("country", "dev.x.Country", false,
      column("id", "id", "long", "bigint"),
      column("code", "code", "java.lang.String", "char(2)"),
      column("name", "name", "java.lang.String", "text"));

  static final Schema SCHEMA = Schema.of(List.of(ASSET, DEPENDENCY, COUNTRY));

  static final NativeQueryAnalyzer ANALYZER = NativeQueryAnalyzer.of(SCHEMA);

  private NativeQueryModel() {}

  private static Table table(String name, String entity, boolean tenanted, Column... columns) {
    return new Table(new QualifiedName("app", name), entity, null,
        tenanted ? new Tenancy(List.of(ACCOUNT, ENGAGEMENT)) : null, List.of(columns),
        new Key(null, List.of("id")), List.of(), List.of(), List.of(), List.of());
  }

  private static Column column(String name, String field, String javaType, String sqlType) {
    return new Column(name, field, javaType, sqlType, false, null, false, false, List.of(), null);
  }

  private static Column enumColumn(String name, String field, String javaType, String... values) {
    return new Column(name, field, javaType, "varchar(20)", false, null, false, false, List.of(values), null);
  }

  static QueryParameter parameter(String name, String javaType) {
    return new QueryParameter(name, javaType);
  }
}
