package dev.rowguard.spring;

import dev.rowguard.runtime.InvalidTenantException;
import dev.rowguard.runtime.Tenant;
import dev.rowguard.runtime.TenantKeyLevel;
import dev.rowguard.runtime.TenantKeys;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Builds a {@link Tenant} from the text of each level's value, as headers and claims carry it. */
final class TenantValues {
  private TenantValues() {}

  /**
   * @param texts each present level's text, by key column
   * @param sources where each column's text came from, for messages ({@code header X-Tenant-Id})
   * @throws TenantRequestException (400) naming the value and its source when a value is malformed or the levels
   *     do not make a tenant
   */
  static Tenant tenant(TenantKeys keys, Map<String, String> texts, Map<String, String> sources) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (TenantKeyLevel level : keys.levels()) {
      String text = texts.get(level.column());
      if (text != null) {
        values.put(level.column(), parse(level, text.strip(), sources.get(level.column())));
      }
    }
    try {
      return Tenant.of(keys, values);
    } catch (InvalidTenantException e) {
      throw new TenantRequestException(400, "the request's tenant is not valid: " + e.getMessage());
    }
  }

  private static Object parse(TenantKeyLevel level, String text, String source) {
    try {
      if (level.type() == UUID.class) {
        return UUID.fromString(text);
      }
      if (level.type() == Long.class) {
        return Long.valueOf(text);
      }
    } catch (IllegalArgumentException e) {
      throw new TenantRequestException(400, source + " is '" + text + "', which is not a valid "
          + level.type().getSimpleName() + " for tenant key " + level.column());
    }
    if (text.isEmpty()) {
      throw new TenantRequestException(400, source + " is empty; it must name the tenant's " + level.column());
    }
    return text;
  }
}
