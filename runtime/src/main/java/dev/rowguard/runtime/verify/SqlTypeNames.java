package dev.rowguard.runtime.verify;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's type names ({@code format_type}: {@code character varying(45)}, {@code timestamp with time zone})
 * in the short form Rowguard's DDL writes ({@code varchar(45)}, {@code timestamptz}), so that the model's types
 * and the catalog's compare as text.
 */
public final class SqlTypeNames {
  private static final Map<String, String> SHORT = Map.ofEntries(
      Map.entry("character varying", "varchar"), Map.entry("character", "char"), Map.entry("int", "integer"),
      Map.entry("int4", "integer"), Map.entry("int8", "bigint"), Map.entry("int2", "smallint"),
      Map.entry("bool", "boolean"), Map.entry("float8", "double precision"), Map.entry("float4", "real"),
      Map.entry("decimal", "numeric"), Map.entry("timestamp without time zone", "timestamp"),
      Map.entry("timestamp with time zone", "timestamptz"), Map.entry("time without time zone", "time"),
      Map.entry("time with time zone", "timetz"));
  /** A name, optional modifiers, and the rest of a timestamp's name after them ({@code timestamp(3) with time zone}). */
  private static final Pattern TYPE = Pattern.compile("([a-z_][a-z0-9_ .\"]*?)\\s*(\\([0-9, ]*\\))?((?: with(?:out)? time zone)?)(\\[\\])?");

  private SqlTypeNames() {}

  /** The short form of {@code type}: lower case, modifiers without spaces. */
  public static String normalized(String type) {
    String lower = type.strip().toLowerCase(Locale.ROOT);
    Matcher parts = TYPE.matcher(lower);
    if (!parts.matches()) {
      return lower;
    }
    String name = parts.group(1) + parts.group(3);
    String modifiers = parts.group(2) == null ? "" : parts.group(2).replace(" ", "");
    String array = parts.group(4) == null ? "" : "[]";
    return SHORT.getOrDefault(name, name) + modifiers + array;
  }

  /** The type without its modifiers: {@code varchar(45)} → {@code varchar}. */
  public static String base(String type) {
    String normalized = normalized(type);
    int paren = normalized.indexOf('(');
    return paren < 0 ? normalized : normalized.substring(0, paren) + normalized.substring(normalized.indexOf(')') + 1);
  }
}
