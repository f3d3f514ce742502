package dev.rowguard.processor.repository;

import dev.rowguard.schema.Table;
import java.util.List;
import java.util.Optional;

/**
 * An entity as repositories see it: its table and how to build instances and reach each property.
 *
 * @param type the entity class or record
 * @param table its table in the derived schema model
 * @param record whether instances are built through the canonical constructor (records) rather than a no-argument
 *     constructor and setters
 * @param properties every mapped property, in column order
 */
public record EntityMapping(JavaType.Declared type, Table table, boolean record, List<Property> properties) {
  public EntityMapping {
    properties = List.copyOf(properties);
  }

  public String simpleName() {
    return type.simpleName();
  }

  public Optional<Property> property(String name) {
    return properties.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /** The {@code @Id} property: the primary key's last column (on Citus the root tenant key leads the key). */
  public Property id() {
    List<String> key = table.primaryKey().columns();
    String idColumn = key.get(key.size() - 1);
    return properties.stream().filter(p -> p.column().name().equals(idColumn)).findFirst().orElseThrow();
  }

  public Optional<Property> version() {
    return properties.stream().filter(p -> p.column().version()).findFirst();
  }

  /** The tenant key properties, outermost first; empty for a shared table. */
  public List<Property> tenantKeys() {
    if (!table.tenanted()) {
      return List.of();
    }
    return table.tenancy().columns().stream()
        .map(column -> properties.stream().filter(p -> p.column().name().equals(column)).findFirst().orElseThrow())
        .toList();
  }

  public boolean isTenantKey(Property property) {
    return table.tenanted() && table.tenancy().columns().contains(property.column().name());
  }
}
