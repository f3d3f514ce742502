package dev.rowguard.processor.repository;

/**
 * What one {@code ?} of a repository statement is bound to: of the SQL generated for a method, and of a
 * {@code @SqlQuery} statement, so that one renderer binds both. The SQL analysis, which the Error Prone checks share
 * and which knows nothing of repositories, names a native statement's placeholders in its own terms ({@code
 * schema.query.BoundValue}: a parameter name or a tenant key); {@code SqlQueryReader} turns those into binds, once,
 * where the method's parameters are known.
 */
public sealed interface Bind {
  /**
   * The bound tenant's value of a key: {@code tenant[index]}, where the method's tenant keys are the entity's, or
   * those a native statement names ({@link Operation.Native#tenantKeys()}).
   */
  record TenantKey(int index, String column) implements Bind {}

  /**
   * A method parameter compared to a property by an operator; a native statement's parameters are bound as that
   * property would be, by {@link Operator#EQUAL}.
   */
  record Parameter(String name, Property property, Operator operator) implements Bind {}

  /** The row count of a {@code Limit}, {@code First<n>} or page: {@code LIMIT ?}, as a Java expression. */
  record MaxRows(String expression) implements Bind {}

  /** The rows to skip for a {@code Limit} or page: {@code OFFSET ?}, as a Java expression. */
  record SkipRows(String expression) implements Bind {}
}
