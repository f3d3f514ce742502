package dev.rowguard.runtime;

import dev.rowguard.runtime.verify.SqlTypeNames;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One level of the project's tenant keys: the key column, its Java type and the PostgreSQL setting that
 * carries the bound value. The database policies read that setting as {@code
 * NULLIF(current_setting('<setting>', true), '')::<sqlType>}, so an empty setting matches no rows.
 *
 * @param column the key column, e.g. {@code tenant_id} or {@code engagement_id}
 * @param type {@link UUID} (PostgreSQL {@code uuid}), {@link Long} ({@code bigint}) or {@link String}
 *     ({@code text})
 * @param setting a custom setting name with a prefix, e.g. {@code rowguard.tenant_id}
 */
public record TenantKeyLevel(String column, Class<?> type, String setting) {
  private static final Map<Class<?>, String> SQL_TYPES =
      Map.of(UUID.class, "uuid", Long.class, "bigint", String.class, "text");
  private static final Pattern COLUMN = Pattern.compile("[a-z_][a-z0-9_$]*");
  // PostgreSQL accepts custom settings only as "prefix.name"; each part is an identifier.
  private static final Pattern SETTING = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*(\\.[A-Za-z_][A-Za-z0-9_$]*)+");
  private static final int MAX_IDENTIFIER_BYTES = 63;

  public TenantKeyLevel {
    if (column == null || !COLUMN.matcher(column).matches()
        || column.getBytes(StandardCharsets.UTF_8).length > MAX_IDENTIFIER_BYTES) {
      throw new IllegalArgumentException(
          "tenant key column must be a lower-case SQL identifier of at most 63 bytes, got: " + column);
    }
    if (!SQL_TYPES.containsKey(type)) {
      throw new IllegalArgumentException("tenant key " + column + " has type " + (type == null ? null : type.getName())
          + "; use java.util.UUID, java.lang.Long or java.lang.String");
    }
    if (setting == null || !SETTING.matcher(setting).matches()) {
      throw new IllegalArgumentException("tenant key " + column + " has setting '" + setting
          + "'; a PostgreSQL custom setting needs a prefix, e.g. rowguard." + column);
    }
  }

  /** A key of {@code type} carried by the default setting {@code rowguard.<column>}. */
  public static TenantKeyLevel of(String column, Class<?> type) {
    return new TenantKeyLevel(column, type, "rowguard." + column);
  }

  /**
   * The key as a model ({@code schema.json}) states it: the PostgreSQL type its policies cast the setting to,
   * {@code uuid}, {@code bigint} or {@code text}, gives the Java type it is bound as.
   */
  public static TenantKeyLevel ofSqlType(String column, String sqlType, String setting) {
    String normalized = sqlType == null ? null : SqlTypeNames.normalized(sqlType);
    Class<?> type = SQL_TYPES.entrySet().stream()
        .filter(e -> e.getValue().equals(normalized))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("tenant key " + column + " has type " + sqlType
            + ", which Rowguard does not bind (uuid, bigint or text); use the same Rowguard version to build and"
            + " to run"));
    return new TenantKeyLevel(column, type, setting);
  }

  /** A {@code uuid} key carried by the default setting {@code rowguard.<column>}. */
  public static TenantKeyLevel uuid(String column) {
    return of(column, UUID.class);
  }

  /** The same key carried by another setting. */
  public TenantKeyLevel withSetting(String otherSetting) {
    return new TenantKeyLevel(column, type, otherSetting);
  }

  /** The PostgreSQL type the policies cast the setting to: {@code uuid}, {@code bigint} or {@code text}. */
  public String sqlType() {
    return SQL_TYPES.get(type);
  }

  /** The text stored in the setting; the value is already checked to be of {@link #type()}. */
  String settingValue(Object value) {
    return value.toString();
  }
}
