package dev.rowguard.schema.query;

/** The kind of a {@code @SqlQuery} statement. */
public enum StatementKind {
  SELECT,
  INSERT,
  UPDATE,
  DELETE,
  /** The SQL did not parse, or is not one statement of the kinds above: the analysis has a problem saying so. */
  OTHER
}
