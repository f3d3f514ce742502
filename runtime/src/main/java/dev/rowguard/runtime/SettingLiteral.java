package dev.rowguard.runtime;

import java.util.UUID;

/**
 * A tenant value as the literal of a {@code SET LOCAL} statement, which takes no parameters. The value is parsed
 * again as its key's type and rendered from the parsed value, never copied: a UUID in its canonical form, a
 * {@code bigint} as its digits, a string as {@code E'…'} with {@code \} and {@code '} escaped, which reads the same
 * whatever {@code standard_conforming_strings} says; an unbound inner level is {@code ''}. A string PostgreSQL
 * cannot hold (a NUL character) is refused.
 */
final class SettingLiteral {
  private SettingLiteral() {}

  static String of(TenantKeyLevel level, String value) {
    if (value.isEmpty()) {
      return "''"; // a level the tenant leaves unbound: the policies read it as NULL, which matches no row
    }
    try {
      if (level.type() == UUID.class) {
        return "'" + UUID.fromString(value) + "'";
      }
      if (level.type() == Long.class) {
        return "'" + Long.parseLong(value) + "'";
      }
    } catch (IllegalArgumentException e) {
      throw new InvalidTenantException("the value for tenant key " + level.column() + " is not a "
          + level.type().getName() + ": " + value);
    }
    if (value.indexOf('\0') >= 0) {
      throw new InvalidTenantException("the value for tenant key " + level.column()
          + " contains a NUL character, which PostgreSQL text cannot hold");
    }
    return "E'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
