package dev.rowguard.schema;

/**
 * How a table is spread over a Citus cluster; absent for a plain PostgreSQL target.
 *
 * @param kind a table sharded by its {@code column} (tenanted tables), or a reference table copied to every node
 *     (shared tables)
 * @param column the distribution column (the root tenant key), or {@code null} for a reference table
 * @param colocateWith the distributed table whose shards this one's follow, or {@code null} for the first
 *     distributed table (which opens the colocation group) and for reference tables
 */
public record Distribution(Kind kind, String column, QualifiedName colocateWith) {
  public enum Kind { DISTRIBUTED, REFERENCE }

  public static Distribution distributed(String column, QualifiedName colocateWith) {
    return new Distribution(Kind.DISTRIBUTED, column, colocateWith);
  }

  public static Distribution reference() {
    return new Distribution(Kind.REFERENCE, null, null);
  }
}
