package dev.rowguard.schema.sql;

/**
 * Why an SQL fragment from an annotation cannot go into DDL as written.
 *
 * @param kind what is wrong, for tests and tools
 * @param detail the offending part, in words a user can act on
 */
public record FragmentProblem(Kind kind, String detail) {
  public enum Kind {
    EMPTY,
    STATEMENT_SEPARATOR,
    COMMENT,
    DOLLAR_QUOTE,
    BACKSLASH,
    UNTERMINATED,
    UNBALANCED,
    TOO_DEEP,
    NOT_ONE_EXPRESSION,
    SUBQUERY,
    PARAMETER,
    AGGREGATE_OR_WINDOW,
    SET_RETURNING,
    SIDE_EFFECT,
    COLUMN_REFERENCE
  }
}
