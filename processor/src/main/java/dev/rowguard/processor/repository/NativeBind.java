package dev.rowguard.processor.repository;

/** What one {@code ?} of a native statement is bound to. */
public sealed interface NativeBind {
  /**
   * A method parameter, read as a property of that type would be.
   *
   * @param parameter the method parameter's name in the interface
   * @param value how it travels through JDBC
   */
  record Parameter(String parameter, Property value) implements NativeBind {}

  /** The bound tenant's value of a key column, of Java type {@code type}. */
  record TenantKey(String column, com.palantir.javapoet.TypeName type) implements NativeBind {}
}
