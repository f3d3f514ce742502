package dev.rowguard.schema.query;

import dev.rowguard.schema.Table;
import java.util.List;

/** What a {@code @SqlQuery} method makes of each result row, which the SQL's result must be able to fill. */
public sealed interface ResultShape {
  /** Entity rows: the result must have a column for every column of the entity's table. */
  record Rows(Table entity) implements ResultShape {}

  /**
   * Record rows: each component is filled from the result column labelled with its snake_case name ({@code
   * dependencyCount} from {@code dependency_count}), whose type must fit the component's when it is known.
   *
   * @param javaType the record's qualified name, for messages
   * @param components the record components, in declaration order
   */
  record Projection(String javaType, List<Component> components) implements ResultShape {
    public Projection {
      components = List.copyOf(components);
    }

    /** One record component: its name and qualified Java type. */
    public record Component(String javaName, String javaType) {}
  }

  /** One value per row: the result must have exactly one column, whose type must fit when it is known. */
  record Scalar(String javaType) implements ResultShape {}

  /** The method returns {@code int}, {@code long}, {@code boolean} or {@code void}: the statement must write. */
  record UpdateCount() implements ResultShape {}
}
