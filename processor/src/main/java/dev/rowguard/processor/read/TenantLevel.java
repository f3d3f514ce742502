package dev.rowguard.processor.read;

import dev.rowguard.schema.TenantKeyColumn;

/**
 * One declared level of the project's tenant keys, as read from {@code @TenantKey}.
 *
 * @param key the key as it appears in the model
 * @param javaType the key's Java type, qualified ({@code java.util.UUID})
 */
public record TenantLevel(TenantKeyColumn key, String javaType) {
  public String column() {
    return key.column();
  }
}
