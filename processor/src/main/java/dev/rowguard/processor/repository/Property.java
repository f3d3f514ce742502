package dev.rowguard.processor.repository;

import dev.rowguard.schema.Column;

/**
 * One mapped property of an entity, with everything generated code needs to bind and read it.
 *
 * @param name the Java field or record component name
 * @param column its column in the schema model
 * @param type the property's Java type
 * @param kind how its value travels through JDBC
 * @param access how generated code reads and writes it
 * @param enumMapping for {@link ValueKind#ENUM}, the stored values; otherwise {@code null}
 * @param reference for {@link ValueKind#REFERENCE}, the target; otherwise {@code null}
 */
public record Property(
    String name, Column column, JavaType type, ValueKind kind, Access access, EnumMapping enumMapping,
    Reference reference) {

  /** The property name with its first letter upper case, as it appears in method names. */
  public String capitalized() {
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }
}
