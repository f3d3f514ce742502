package dev.rowguard.runtime;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The project's tenant keys, outermost level first: one level ({@code tenant_id}) by default, or a hierarchy
 * such as {@code client_account_id} then {@code engagement_id}. Declare it once, as a constant, and build
 * tenants from it:
 *
 * <pre>{@code
 * static final TenantKeys KEYS = TenantKeys.of(
 *     TenantKeyLevel.uuid("client_account_id"), TenantKeyLevel.uuid("engagement_id"));
 * try (var scope = TenantContext.bind(KEYS.tenant(clientId, engagementId))) { … }
 * }</pre>
 *
 * @param levels at least one level; columns and settings distinct
 */
public record TenantKeys(List<TenantKeyLevel> levels) {
  private static final TenantKeys DEFAULT = of(TenantKeyLevel.uuid("tenant_id"));

  public TenantKeys {
    levels = List.copyOf(levels);
    if (levels.isEmpty()) {
      throw new IllegalArgumentException("declare at least one tenant key level, e.g. TenantKeyLevel.uuid(\"tenant_id\")");
    }
    Set<String> columns = new HashSet<>();
    Set<String> settings = new HashSet<>();
    for (TenantKeyLevel level : levels) {
      if (!columns.add(level.column())) {
        throw new IllegalArgumentException("tenant key column " + level.column() + " is declared twice");
      }
      // PostgreSQL setting names are case-insensitive.
      if (!settings.add(level.setting().toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException("tenant key setting " + level.setting() + " is declared twice");
      }
    }
  }

  public static TenantKeys of(TenantKeyLevel... levels) {
    return new TenantKeys(List.of(levels));
  }

  /** Rowguard's default: one {@code tenant_id uuid} key carried by {@code rowguard.tenant_id}. */
  public static TenantKeys defaultKeys() {
    return DEFAULT;
  }

  /** A tenant bound at the outermost {@code values.length} levels; see {@link Tenant#of(TenantKeys, Object...)}. */
  public Tenant tenant(Object... values) {
    return Tenant.of(this, values);
  }

  public List<String> columns() {
    return levels.stream().map(TenantKeyLevel::column).toList();
  }

  /** The level of {@code column}, outermost 0, or -1; without building {@link #columns()}, for every statement. */
  int indexOf(String column) {
    for (int i = 0; i < levels.size(); i++) {
      if (levels.get(i).column().equals(column)) {
        return i;
      }
    }
    return -1;
  }

  public Optional<TenantKeyLevel> level(String column) {
    return levels.stream().filter(level -> level.column().equals(column)).findFirst();
  }

  @Override
  public String toString() {
    return levels.stream()
        .map(level -> level.column() + " " + level.sqlType() + " (" + level.setting() + ")")
        .collect(Collectors.joining(", ", "TenantKeys[", "]"));
  }
}
