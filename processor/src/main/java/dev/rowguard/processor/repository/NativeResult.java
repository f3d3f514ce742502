package dev.rowguard.processor.repository;

import java.util.List;

/** How the rows of a native query are read. */
public sealed interface NativeResult {
  /**
   * Entity rows: the column of each property, in property order (1-based result positions).
   *
   * @param positions the result column of each of the entity's properties
   */
  record Rows(EntityMapping entity, List<Integer> positions) implements NativeResult {
    public Rows {
      positions = List.copyOf(positions);
    }
  }

  /**
   * A record built from labelled columns.
   *
   * @param components how each component is read, in component order
   * @param positions the result column of each component
   */
  record Record(JavaType.Declared type, List<Property> components, List<Integer> positions) implements NativeResult {
    public Record {
      components = List.copyOf(components);
      positions = List.copyOf(positions);
    }
  }

  /** One value per row, from the only column. */
  record Scalar(Property value) implements NativeResult {}
}
