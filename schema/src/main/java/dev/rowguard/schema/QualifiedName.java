package dev.rowguard.schema;

import dev.rowguard.schema.sql.Identifiers;

/** A table's schema and name, both unquoted. */
public record QualifiedName(String schema, String name) implements Comparable<QualifiedName> {
  /** {@code schema.name}, each part quoted only where PostgreSQL needs it. */
  public String sql() {
    return Identifiers.quote(schema) + "." + Identifiers.quote(name);
  }

  @Override
  public int compareTo(QualifiedName other) {
    int bySchema = schema.compareTo(other.schema);
    return bySchema != 0 ? bySchema : name.compareTo(other.name);
  }

  @Override
  public String toString() {
    return schema + "." + name;
  }
}
