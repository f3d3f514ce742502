package dev.rowguard.processor.repository;

import java.util.List;

/**
 * A record that a finder returns instead of the entity: each component is an entity property of the same name
 * and type, and only those columns are selected.
 *
 * @param type the record
 * @param properties the entity property of each component, in component order
 */
public record Projection(JavaType.Declared type, List<Property> properties) {
  public Projection {
    properties = List.copyOf(properties);
  }
}
