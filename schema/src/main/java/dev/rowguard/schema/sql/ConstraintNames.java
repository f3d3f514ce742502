package dev.rowguard.schema.sql;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Deterministic names for constraints and indexes: {@code pk_<table>}, {@code fk_<table>_<columns>},
 * {@code uq_<table>_<columns>}, {@code ck_<table>_<part>}, {@code ix_<table>_<columns>}. A name that would pass
 * 63 bytes ends in {@code _} plus 8 hex digits of the SHA-256 of the full name, and keeps what tells it apart
 * from its table's other names: the table part is cut first (to no fewer than {@value #MIN_TABLE_BYTES} bytes),
 * then the first columns are left out, so the last ones stay readable.
 */
public final class ConstraintNames {
  private static final int HASH_HEX_DIGITS = 8;
  /** What a shortened name keeps of its table at least, when its columns need the room. */
  static final int MIN_TABLE_BYTES = 16;

  private ConstraintNames() {}

  public static String primaryKey(String table) {
    return shorten("pk_" + table);
  }

  public static String foreignKey(String table, List<String> columns) {
    return name("fk_", table, columns);
  }

  public static String unique(String table, List<String> columns) {
    return name("uq_", table, columns);
  }

  public static String check(String table, String part) {
    return name("ck_", table, List.of(part));
  }

  public static String index(String table, List<String> columns) {
    return name("ix_", table, columns);
  }

  /** {@code <prefix><table>_<parts…>}, shortened as the class comment says when it passes 63 bytes. */
  private static String name(String prefix, String table, List<String> parts) {
    String tail = String.join("_", parts);
    String full = prefix + table + "_" + tail;
    if (!Identifiers.isTooLong(full)) {
      return full;
    }
    String suffix = "_" + hash(full);
    int room = Identifiers.MAX_BYTES - Identifiers.byteLength(prefix) - 1 - suffix.length();
    String tailPart = lastParts(parts, room - Math.min(MIN_TABLE_BYTES, Identifiers.byteLength(table)));
    String tablePart = trimUnderscores(truncateToBytes(table, room - Identifiers.byteLength(tailPart)));
    return prefix + tablePart + "_" + tailPart + suffix;
  }

  /**
   * The last whole parts that fit in {@code maxBytes}; when not even the last one fits, its end from a word
   * boundary ({@code _}) where it has one.
   */
  private static String lastParts(List<String> parts, int maxBytes) {
    String kept = "";
    for (int i = parts.size() - 1; i >= 0; i--) {
      String candidate = kept.isEmpty() ? parts.get(i) : parts.get(i) + "_" + kept;
      if (Identifiers.byteLength(candidate) > maxBytes) {
        return kept.isEmpty() ? fromWord(parts.get(i), keepLastBytes(parts.get(i), maxBytes)) : kept;
      }
      kept = candidate;
    }
    return kept;
  }

  /** {@code end}, the end of {@code part}, from its first word boundary unless it starts on one. */
  private static String fromWord(String part, String end) {
    boolean onBoundary = end.length() == part.length() || part.charAt(part.length() - end.length() - 1) == '_';
    int underscore = end.indexOf('_');
    return onBoundary || underscore < 0 || underscore == end.length() - 1 ? end : end.substring(underscore + 1);
  }

  private static String trimUnderscores(String value) {
    int end = value.length();
    while (end > 1 && value.charAt(end - 1) == '_') {
      end--;
    }
    return value.substring(0, end);
  }

  /** {@code name} itself when it fits in 63 bytes, else its prefix and a hash of the whole. */
  public static String shorten(String name) {
    return Identifiers.isTooLong(name) ? withHash(name, name) : name;
  }

  /**
   * {@code name} made distinct by a hash of {@code identity} (what the name stands for, e.g. {@code
   * ix:migration.asset(a,b)}), still at most 63 bytes: used when two derived names would collide.
   */
  public static String withHash(String name, String identity) {
    String suffix = "_" + hash(identity);
    return truncateToBytes(name, Identifiers.MAX_BYTES - suffix.length()) + suffix;
  }

  private static String truncateToBytes(String value, int maxBytes) {
    if (Identifiers.byteLength(value) <= maxBytes) {
      return value;
    }
    int end = 0;
    int bytes = 0;
    while (end < value.length()) {
      int codePoint = value.codePointAt(end);
      int width = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
      if (bytes + width > maxBytes) {
        break;
      }
      bytes += width;
      end += Character.charCount(codePoint);
    }
    return value.substring(0, end);
  }

  /** The longest end of {@code value} that fits in {@code maxBytes}, never splitting a character. */
  private static String keepLastBytes(String value, int maxBytes) {
    int start = value.length();
    int bytes = 0;
    while (start > 0) {
      int codePoint = value.codePointBefore(start);
      int width = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
      if (bytes + width > maxBytes) {
        break;
      }
      bytes += width;
      start -= Character.charCount(codePoint);
    }
    return value.substring(start);
  }

  private static String hash(String value) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, HASH_HEX_DIGITS);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every JVM has SHA-256", e);
    }
  }
}
