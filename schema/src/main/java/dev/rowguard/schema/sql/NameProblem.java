package dev.rowguard.schema.sql;

import java.util.Optional;

/**
 * What is wrong with a table or column name, if anything: the one rule shared by the annotation processor and
 * the Error Prone checks.
 *
 * @param kind which rule the name breaks
 * @param reason a sentence saying why, for messages
 */
public record NameProblem(Kind kind, String reason) {
  /** The rules a name can break. */
  public enum Kind {
    RESERVED_KEYWORD,
    ORM_RESERVED,
    TOO_LONG
  }

  /** Checks a table or column name. */
  public static Optional<NameProblem> of(String name) {
    if (Identifiers.isTooLong(name)) {
      return Optional.of(new NameProblem(Kind.TOO_LONG,
          "it is " + Identifiers.byteLength(name) + " bytes long and PostgreSQL silently truncates names to "
              + Identifiers.MAX_BYTES + " bytes"));
    }
    Optional<PostgresKeywords.Category> category = PostgresKeywords.instance().category(name);
    if (category.isPresent() && category.get().reservedForNames()) {
      String kind = category.get() == PostgresKeywords.Category.RESERVED ? "reserved" : "type or function-name";
      return Optional.of(new NameProblem(Kind.RESERVED_KEYWORD,
          "'" + name + "' is a " + kind + " keyword in PostgreSQL " + PostgresKeywords.instance().release()
              + " and would have to be quoted in every statement"));
    }
    return OrmReservedNames.reason(name)
        .map(why -> new NameProblem(Kind.ORM_RESERVED, "'" + name + "' is reserved by ORMs: " + why));
  }

  /** A legal column name to suggest instead of {@code column} in {@code table}: {@code asset_order}. */
  public static String suggestColumnName(String table, String column) {
    return firstLegal(table + "_" + column, column + "_value");
  }

  /** A legal table name to suggest instead of {@code table}: {@code orders}, else {@code order_table}. */
  public static String suggestTableName(String table) {
    return firstLegal(table + "s", table + "_table");
  }

  private static String firstLegal(String preferred, String fallback) {
    return of(preferred).isEmpty() ? preferred : fallback;
  }
}
