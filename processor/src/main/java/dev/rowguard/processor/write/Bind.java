package dev.rowguard.processor.write;

import dev.rowguard.processor.repository.Operator;
import dev.rowguard.processor.repository.Property;

/** What one {@code ?} of a generated statement is bound to. */
sealed interface Bind {
  /** The bound tenant's value of a key: {@code tenant[index]}. */
  record TenantKey(int index, Property key) implements Bind {}

  /** A method parameter compared to a property by an operator. */
  record Parameter(String name, Property property, Operator operator) implements Bind {}

  /** The row count of a {@code Limit}, {@code First<n>} or page: {@code LIMIT ?}. */
  record MaxRows(String expression) implements Bind {}

  /** The rows to skip for a {@code Limit} or page: {@code OFFSET ?}. */
  record SkipRows(String expression) implements Bind {}
}
