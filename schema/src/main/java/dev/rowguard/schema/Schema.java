package dev.rowguard.schema;

import java.util.List;
import java.util.Optional;

/**
 * Everything Rowguard knows about a database schema: the model written to {@code META-INF/rowguard/schema.json}.
 *
 * @param formatVersion version of the JSON form; readers refuse versions they do not know
 * @param tables tables in creation order (a table comes after the tables it references, except across a
 *     foreign-key cycle)
 */
public record Schema(int formatVersion, List<Table> tables) {
  /** The version this build reads and writes. */
  public static final int FORMAT_VERSION = 1;

  public Schema {
    tables = tables == null ? List.of() : List.copyOf(tables);
  }

  public static Schema of(List<Table> tables) {
    return new Schema(FORMAT_VERSION, tables);
  }

  /** Whether the model is for Citus: its tables carry a {@link Distribution}. */
  public boolean distributed() {
    return tables.stream().anyMatch(t -> t.distribution() != null);
  }

  public Optional<Table> table(QualifiedName name) {
    return tables.stream().filter(t -> t.name().equals(name)).findFirst();
  }
}
