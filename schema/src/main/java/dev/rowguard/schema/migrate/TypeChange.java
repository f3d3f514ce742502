package dev.rowguard.schema.migrate;

import static dev.rowguard.schema.sql.Identifiers.quote;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What changing a column's type does to its values and to the table.
 *
 * @param keepsValues whether every value of the old type converts to the new one unchanged (a widening);
 *     otherwise the change is destructive
 * @param rewrites whether PostgreSQL rewrites the table (holding its ACCESS EXCLUSIVE lock throughout)
 * @param using the {@code USING} expression, or {@code null} when PostgreSQL converts by itself
 */
record TypeChange(boolean keepsValues, boolean rewrites, String using) {
  /** The time zone in which {@code timestamp} values are read when they become {@code timestamptz}. */
  static final String TIME_ZONE = "UTC";

  private static final Pattern VARCHAR = Pattern.compile("varchar\\((\\d+)\\)");
  private static final Pattern NUMERIC = Pattern.compile("numeric\\((\\d+),(\\d+)\\)");
  private static final List<String> PARSED = List.of("timestamptz", "timestamp", "date");
  private static final List<String> INTEGERS = List.of("smallint", "integer", "bigint");
  /** Types whose every value has a text form that reads back as the same value. */
  private static final List<String> TO_TEXT = List.of("smallint", "integer", "bigint", "uuid", "date", "boolean",
      "numeric", "timestamptz", "timestamp", "jsonb");

  static TypeChange of(String from, String to, String column) {
    Matcher fromVarchar = VARCHAR.matcher(from);
    Matcher toVarchar = VARCHAR.matcher(to);
    if (fromVarchar.matches() && toVarchar.matches()) {
      return Integer.parseInt(toVarchar.group(1)) >= Integer.parseInt(fromVarchar.group(1))
          ? new TypeChange(true, false, null)
          : narrowing(to, column);
    }
    if (fromVarchar.matches() && to.equals("text")) {
      return new TypeChange(true, false, null);
    }
    if (INTEGERS.contains(from) && INTEGERS.contains(to)) {
      return INTEGERS.indexOf(to) > INTEGERS.indexOf(from) ? new TypeChange(true, true, null) : narrowing(to, column);
    }
    if (from.equals("real") && to.equals("double precision")) {
      return new TypeChange(true, true, null);
    }
    if ((INTEGERS.contains(from) || NUMERIC.matcher(from).matches()) && to.equals("numeric")) {
      return new TypeChange(true, !from.startsWith("numeric"), null);
    }
    Matcher fromNumeric = NUMERIC.matcher(from);
    Matcher toNumeric = NUMERIC.matcher(to);
    if (fromNumeric.matches() && toNumeric.matches()) {
      int fromScale = Integer.parseInt(fromNumeric.group(2));
      int toScale = Integer.parseInt(toNumeric.group(2));
      int fromDigits = Integer.parseInt(fromNumeric.group(1)) - fromScale;
      int toDigits = Integer.parseInt(toNumeric.group(1)) - toScale;
      return toScale >= fromScale && toDigits >= fromDigits
          ? new TypeChange(true, toScale != fromScale, null)
          : narrowing(to, column);
    }
    if (from.equals("timestamp") && to.equals("timestamptz")) {
      return new TypeChange(true, true, quote(column) + " AT TIME ZONE '" + TIME_ZONE + "'");
    }
    if (from.equals("timestamptz") && to.equals("timestamp")) {
      // Keeps the instant as a UTC wall-clock time, but loses the offset it was written with.
      return new TypeChange(false, true, quote(column) + " AT TIME ZONE '" + TIME_ZONE + "'");
    }
    if ((TO_TEXT.contains(from) || from.startsWith("numeric(")) && to.equals("text")) {
      return new TypeChange(true, true, quote(column) + "::text");
    }
    return narrowing(to, column);
  }

  /**
   * Whether PostgreSQL converts values of {@code from} to {@code to} at all (a cast exists, even one that may fail
   * on some values): within numbers, within dates and times, from or to text, and {@code boolean} to or from
   * {@code integer}. {@code uuid} to {@code bigint}, say, has no conversion, whatever the values.
   */
  static boolean convertible(String from, String to) {
    String a = family(from);
    String b = family(to);
    return a.equals(b) || a.equals("text") || b.equals("text")
        || from.equals("boolean") && to.equals("integer") || from.equals("integer") && to.equals("boolean");
  }

  private static String family(String type) {
    if (type.equals("text") || VARCHAR.matcher(type).matches()) {
      return "text";
    }
    if (INTEGERS.contains(type) || type.startsWith("numeric") || type.equals("real")
        || type.equals("double precision")) {
      return "number";
    }
    return PARSED.contains(type) ? "time" : type;
  }

  /** A native ENUM column to the model's text type: every label is a text. */
  static TypeChange fromEnum(String column) {
    return new TypeChange(true, true, quote(column) + "::text");
  }

  /**
   * Text that holds timestamps or dates to that type, once every stored text was checked to read as one; null
   * when {@code from} is no text or {@code to} no such type.
   */
  static TypeChange parsedText(String from, String to, String column) {
    boolean text = from.equals("text") || VARCHAR.matcher(from).matches();
    return text && PARSED.contains(to) ? new TypeChange(true, true, quote(column) + "::" + to) : null;
  }

  private static TypeChange narrowing(String to, String column) {
    return new TypeChange(false, true, quote(column) + "::" + to);
  }
}
