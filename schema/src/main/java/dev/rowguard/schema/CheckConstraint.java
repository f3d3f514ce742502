package dev.rowguard.schema;

/**
 * A CHECK constraint.
 *
 * @param name constraint name; {@code null} until derived
 * @param nameHint what the derived name is built from: a column name, or the part the user gave
 * @param expression the boolean expression, as PostgreSQL will read it
 */
public record CheckConstraint(String name, String nameHint, String expression) {
  public CheckConstraint withName(String value) {
    return new CheckConstraint(value, nameHint, expression);
  }
}
