package dev.rowguard.processor.repository;

/** A comparison in a query condition, with how many method parameters it takes. */
public enum Operator {
  EQUAL(1),
  LESS_THAN(1),
  LESS_THAN_EQUAL(1),
  GREATER_THAN(1),
  GREATER_THAN_EQUAL(1),
  BETWEEN(2),
  LIKE(1),
  STARTS_WITH(1),
  ENDS_WITH(1),
  CONTAINS(1),
  IN(1),
  NULL(0),
  TRUE(0),
  FALSE(0);

  private final int arity;

  Operator(int arity) {
    this.arity = arity;
  }

  public int arity() {
    return arity;
  }

  /** Whether the operator compares text (and so accepts {@code IgnoreCase} and needs a String property). */
  public boolean textual() {
    return this == LIKE || this == STARTS_WITH || this == ENDS_WITH || this == CONTAINS;
  }
}
