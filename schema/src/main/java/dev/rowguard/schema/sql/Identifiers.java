package dev.rowguard.schema.sql;

import java.nio.charset.StandardCharsets;

/** PostgreSQL identifier rules: length, quoting, and the snake_case names derived from Java names. */
public final class Identifiers {
  /** {@code NAMEDATALEN - 1}: the server silently truncates longer identifiers. */
  public static final int MAX_BYTES = 63;

  private Identifiers() {}

  public static int byteLength(String identifier) {
    return identifier.getBytes(StandardCharsets.UTF_8).length;
  }

  public static boolean isTooLong(String identifier) {
    return byteLength(identifier) > MAX_BYTES;
  }

  /**
   * Whether the identifier must be double-quoted to mean itself: it has upper case or other characters that
   * folding would change, or it is a keyword that cannot be a table or column name.
   */
  public static boolean needsQuotes(String identifier) {
    return !isPlain(identifier) || PostgresKeywords.instance().isReservedForNames(identifier);
  }

  /** {@code [a-z_][a-z0-9_$]*}, the names PostgreSQL's lexer leaves as they are; a loop, as it runs per name. */
  private static boolean isPlain(String identifier) {
    if (identifier.isEmpty()) {
      return false;
    }
    for (int i = 0; i < identifier.length(); i++) {
      char c = identifier.charAt(i);
      boolean letter = (c >= 'a' && c <= 'z') || c == '_';
      boolean rest = (c >= '0' && c <= '9') || c == '$';
      if (!(letter || (i > 0 && rest))) {
        return false;
      }
    }
    return true;
  }

  /** The identifier as it must be written in SQL: quoted only where needed. */
  public static String quote(String identifier) {
    return needsQuotes(identifier) ? '"' + identifier.replace("\"", "\"\"") + '"' : identifier;
  }

  /**
   * JPA's default name turned into snake_case: {@code ipAddress} → {@code ip_address}, {@code
   * AssetDependency} → {@code asset_dependency}, {@code cpuCores2} → {@code cpu_cores2}, {@code HTTPServer} →
   * {@code http_server}.
   */
  public static String snakeCase(String javaName) {
    StringBuilder out = new StringBuilder(javaName.length() + 8);
    for (int i = 0; i < javaName.length(); i++) {
      char c = javaName.charAt(i);
      if (Character.isUpperCase(c)) {
        boolean previousIsLowerOrDigit = i > 0 && (Character.isLowerCase(javaName.charAt(i - 1))
            || Character.isDigit(javaName.charAt(i - 1)));
        boolean acronymEnds = i > 0 && Character.isUpperCase(javaName.charAt(i - 1))
            && i + 1 < javaName.length() && Character.isLowerCase(javaName.charAt(i + 1));
        if ((previousIsLowerOrDigit || acronymEnds) && out.length() > 0 && out.charAt(out.length() - 1) != '_') {
          out.append('_');
        }
        out.append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
