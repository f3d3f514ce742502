package dev.rowguard.processor.shared;

import java.util.Map;
import java.util.Optional;

/** The Java types a tenant key may have, and the PostgreSQL type each is stored as. */
public final class TenantKeyTypes {
  private static final Map<String, String> SQL_BY_JAVA =
      Map.of("java.util.UUID", "uuid", "java.lang.Long", "bigint", "java.lang.String", "text");
  private static final Map<String, String> JAVA_BY_SQL = Map.of("uuid", "UUID", "bigint", "Long", "text", "String");

  private TenantKeyTypes() {}

  /** The column type for a key of this qualified Java type, or empty when keys cannot have it. */
  public static Optional<String> sqlType(String javaType) {
    return Optional.ofNullable(SQL_BY_JAVA.get(javaType));
  }

  /** The simple Java type to declare a key field of this column type with, for messages. */
  public static String javaType(String sqlType) {
    return JAVA_BY_SQL.get(sqlType);
  }
}
