package dev.rowguard.schema.sql;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Deterministic names for constraints and indexes: {@code pk_<table>}, {@code fk_<table>_<columns>},
 * {@code uq_<table>_<columns>}, {@code ck_<table>_<part>}, {@code ix_<table>_<columns>}. A name that would pass
 * 63 bytes keeps its first bytes and ends in {@code _} plus 8 hex digits of the SHA-256 of the full name.
 */
public final class ConstraintNames {
  private static final int HASH_HEX_DIGITS = 8;

  private ConstraintNames() {}

  public static String primaryKey(String table) {
    return shorten("pk_" + table);
  }

  public static String foreignKey(String table, List<String> columns) {
    return shorten("fk_" + table + "_" + String.join("_", columns));
  }

  public static String unique(String table, List<String> columns) {
    return shorten("uq_" + table + "_" + String.join("_", columns));
  }

  public static String check(String table, String part) {
    return shorten("ck_" + table + "_" + part);
  }

  public static String index(String table, List<String> columns) {
    return shorten("ix_" + table + "_" + String.join("_", columns));
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

  private static String hash(String value) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, HASH_HEX_DIGITS);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every JVM has SHA-256", e);
    }
  }
}
