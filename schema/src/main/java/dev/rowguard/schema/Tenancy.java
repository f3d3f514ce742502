package dev.rowguard.schema;

import java.util.List;

/**
 * How a tenanted table is scoped: the tenant keys every row carries, outermost level first. A table without
 * tenancy is shared by all tenants.
 */
public record Tenancy(List<TenantKeyColumn> keys) {
  public Tenancy {
    keys = keys == null ? List.of() : List.copyOf(keys);
  }

  public List<String> columns() {
    return keys.stream().map(TenantKeyColumn::column).toList();
  }
}
