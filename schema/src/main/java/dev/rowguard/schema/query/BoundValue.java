package dev.rowguard.schema.query;

import dev.rowguard.schema.TenantKeyColumn;

/** What to bind to one {@code ?} of {@link NativeQueryAnalysis#jdbcSql()}. */
public sealed interface BoundValue {
  /** The value of the method parameter called {@code name}. */
  record Parameter(String name) implements BoundValue {}

  /**
   * The bound tenant's value of one tenant key, placed by {@code rowguard_tenant(…)}; bound with {@code
   * setObject} as the key's Java type ({@code UUID}, {@code Long}, {@code String}).
   */
  record TenantKey(TenantKeyColumn key) implements BoundValue {
    /** The key column, e.g. {@code client_account_id}. */
    public String column() {
      return key.column();
    }
  }
}
