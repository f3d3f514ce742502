package dev.rowguard.processor.diagnostics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each part of the schema model was declared, so that validators can report on the right element
 * while the model itself stays free of javac types.
 */
public final class Origins {
  private final Map<List<Object>, Location> locations = new HashMap<>();

  public void putTable(String entity, Location location) {
    locations.put(List.of("table", entity), location);
  }

  public void putField(String entity, String field, Location location) {
    locations.put(List.of("field", entity, field), location);
  }

  public void putConstraint(String entity, Record constraint, Location location) {
    locations.putIfAbsent(List.of("constraint", entity, constraint), location);
  }

  /** The entity class and its {@code @Table} (or {@code @Entity}) annotation. */
  public Location table(String entity) {
    return locations.get(List.of("table", entity));
  }

  /** The field and its {@code @Column} or {@code @JoinColumn} annotation. */
  public Location field(String entity, String field) {
    return locations.get(List.of("field", entity, field));
  }

  /** The annotation that declares a key, index or check; the entity when it was derived. */
  public Location constraint(String entity, Record constraint) {
    Location location = locations.get(List.of("constraint", entity, constraint));
    return location != null ? location : table(entity);
  }
}
