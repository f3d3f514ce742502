package dev.rowguard.spring;

import dev.rowguard.runtime.TenantKeyLevel;
import dev.rowguard.runtime.TenantKeys;
import java.util.List;
import java.util.UUID;

/** The {@link TenantKeys} that {@code rowguard.tenant.keys} declares, for an application without a model. */
final class ConfiguredTenantKeys {
  private ConfiguredTenantKeys() {}

  static TenantKeys of(List<RowguardProperties.KeyLevel> levels) {
    if (levels.isEmpty()) {
      return TenantKeys.defaultKeys();
    }
    return TenantKeys.of(levels.stream().map(ConfiguredTenantKeys::level).toArray(TenantKeyLevel[]::new));
  }

  private static TenantKeyLevel level(RowguardProperties.KeyLevel level) {
    requireColumn(level);
    TenantKeyLevel keyLevel = TenantKeyLevel.of(level.column(), javaType(level.type()));
    return level.setting() == null || level.setting().isBlank() ? keyLevel : keyLevel.withSetting(level.setting());
  }

  static void requireColumn(RowguardProperties.KeyLevel level) {
    if (level.column() == null || level.column().isBlank()) {
      throw new IllegalArgumentException("rowguard.tenant.keys: every level needs a column, e.g."
          + " rowguard.tenant.keys[0].column=client_account_id");
    }
  }

  /** The Java type of {@code type}; unset is {@code uuid}. */
  static Class<?> javaType(RowguardProperties.KeyType type) {
    return type == null ? UUID.class : switch (type) {
      case UUID -> UUID.class;
      case LONG -> Long.class;
      case STRING -> String.class;
    };
  }
}
