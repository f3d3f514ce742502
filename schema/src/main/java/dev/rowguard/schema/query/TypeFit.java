package dev.rowguard.schema.query;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Whether a Java type can be bound to, or read from, a PostgreSQL type through JDBC. Conservative: a type it does
 * not know (a custom class, a collection, an array type, {@code interval}, …) is {@link Verdict#UNKNOWN}, which
 * callers do not report.
 */
final class TypeFit {
  /** The verdicts. */
  enum Verdict { FITS, DOES_NOT_FIT, UNKNOWN }

  /** Which way the value goes: a bound parameter, or a result column read into a record component. */
  enum Direction { BIND, READ }

  private static final String STRING = "java.lang.String";
  private static final Set<String> WHOLE_NUMBERS = Set.of(
      "java.lang.Byte", "java.lang.Short", "java.lang.Integer", "java.lang.Long", "java.math.BigInteger");
  private static final Set<String> NUMBERS = union(WHOLE_NUMBERS,
      Set.of("java.math.BigDecimal", "java.lang.Double", "java.lang.Float"));

  /** The Java types each family of PostgreSQL types accepts. */
  private static final Map<String, Set<String>> JAVA_BY_FAMILY = Map.ofEntries(
      Map.entry("text", Set.of(STRING)),
      Map.entry("json", Set.of(STRING)),
      Map.entry("uuid", Set.of("java.util.UUID")),
      Map.entry("integer", WHOLE_NUMBERS),
      Map.entry("numeric", NUMBERS),
      Map.entry("float", NUMBERS),
      Map.entry("boolean", Set.of("java.lang.Boolean")),
      Map.entry("timestamptz", Set.of("java.time.Instant", "java.time.OffsetDateTime", "java.sql.Timestamp")),
      Map.entry("timestamp", Set.of("java.time.LocalDateTime", "java.sql.Timestamp")),
      Map.entry("date", Set.of("java.time.LocalDate", "java.sql.Date")),
      Map.entry("time", Set.of("java.time.LocalTime", "java.sql.Time")),
      Map.entry("timetz", Set.of("java.time.OffsetTime")),
      Map.entry("bytea", Set.of("byte[]")));

  /** PostgreSQL type names (lower case, without modifiers) by family. */
  private static final Map<String, String> FAMILY_BY_SQL = Map.ofEntries(
      Map.entry("text", "text"), Map.entry("varchar", "text"), Map.entry("character varying", "text"),
      Map.entry("char", "text"), Map.entry("character", "text"), Map.entry("bpchar", "text"),
      Map.entry("citext", "text"), Map.entry("name", "text"),
      Map.entry("json", "json"), Map.entry("jsonb", "json"),
      Map.entry("uuid", "uuid"),
      Map.entry("smallint", "integer"), Map.entry("int2", "integer"), Map.entry("integer", "integer"),
      Map.entry("int", "integer"), Map.entry("int4", "integer"), Map.entry("bigint", "integer"),
      Map.entry("int8", "integer"), Map.entry("smallserial", "integer"), Map.entry("serial", "integer"),
      Map.entry("bigserial", "integer"),
      Map.entry("numeric", "numeric"), Map.entry("decimal", "numeric"),
      Map.entry("real", "float"), Map.entry("float4", "float"), Map.entry("double precision", "float"),
      Map.entry("float8", "float"), Map.entry("float", "float"),
      Map.entry("boolean", "boolean"), Map.entry("bool", "boolean"),
      Map.entry("timestamptz", "timestamptz"), Map.entry("timestamp with time zone", "timestamptz"),
      Map.entry("timestamp", "timestamp"), Map.entry("timestamp without time zone", "timestamp"),
      Map.entry("date", "date"),
      Map.entry("time", "time"), Map.entry("time without time zone", "time"),
      Map.entry("timetz", "timetz"), Map.entry("time with time zone", "timetz"),
      Map.entry("bytea", "bytea"));

  private static final Set<String> KNOWN_JAVA =
      JAVA_BY_FAMILY.values().stream().flatMap(Set::stream).collect(Collectors.toUnmodifiableSet());

  private static final Map<String, String> BOXED = Map.of(
      "boolean", "java.lang.Boolean", "byte", "java.lang.Byte", "short", "java.lang.Short",
      "int", "java.lang.Integer", "long", "java.lang.Long", "float", "java.lang.Float",
      "double", "java.lang.Double", "char", "java.lang.Character");

  private final Set<String> enumTypes;

  /** @param enumTypes the Java enum types the model maps, whose values only their own columns accept */
  TypeFit(Set<String> enumTypes) {
    this.enumTypes = Set.copyOf(enumTypes);
  }

  /**
   * Whether a value of {@code javaType} fits a value of {@code sqlType}.
   *
   * @param columnJavaType the Java type of the model column behind {@code sqlType}, or {@code null}; a value of
   *     that very type always fits
   */
  Verdict fit(String javaType, String sqlType, String columnJavaType, Direction direction) {
    String java = boxed(javaType);
    if (columnJavaType != null && java.equals(boxed(columnJavaType))) {
      return Verdict.FITS;
    }
    String family = sqlType == null ? null : family(sqlType);
    if (enumTypes.contains(java)) {
      // An enum is written through its own column's mapping; read, it is parsed from text by name.
      if (direction == Direction.BIND) {
        return Verdict.DOES_NOT_FIT;
      }
      return family == null ? Verdict.UNKNOWN : family.equals("text") ? Verdict.FITS : Verdict.DOES_NOT_FIT;
    }
    if (family == null || !KNOWN_JAVA.contains(java)) {
      return Verdict.UNKNOWN;
    }
    return JAVA_BY_FAMILY.get(family).contains(java) ? Verdict.FITS : Verdict.DOES_NOT_FIT;
  }

  /** Whether {@code javaType} is an enum the model maps. */
  boolean isEnum(String javaType) {
    return enumTypes.contains(javaType);
  }

  /** {@code int} → {@code java.lang.Integer}; other types as they are. */
  static String boxed(String javaType) {
    return BOXED.getOrDefault(javaType, javaType);
  }

  /** The family of {@code varchar(255)}, {@code timestamp(3) with time zone}, …; {@code null} if unknown. */
  private static String family(String sqlType) {
    String plain = sqlType.toLowerCase(Locale.ROOT).replaceAll("\\([^)]*\\)", " ").replaceAll("\\s+", " ").strip();
    return FAMILY_BY_SQL.get(plain);
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    return Stream.concat(a.stream(), b.stream()).collect(Collectors.toUnmodifiableSet());
  }
}
