package dev.rowguard.schema;

import java.util.List;
import java.util.Optional;

/**
 * One table, mapped from one entity.
 *
 * @param name schema and table name
 * @param entity the entity's qualified Java class name
 * @param comment the table comment, or {@code null}
 * @param tenancy the tenant keys that scope every row, or {@code null} for a table shared by all tenants
 * @param columns columns in declaration order
 * @param primaryKey the primary key
 * @param uniqueKeys unique constraints
 * @param foreignKeys foreign keys
 * @param checks CHECK constraints, enum checks included
 * @param indexes indexes, those on foreign-key columns included once derived
 * @param distribution how the table is spread over a Citus cluster, or {@code null} for the PostgreSQL target
 */
public record Table(
    QualifiedName name,
    String entity,
    String comment,
    Tenancy tenancy,
    List<Column> columns,
    Key primaryKey,
    List<Key> uniqueKeys,
    List<ForeignKey> foreignKeys,
    List<CheckConstraint> checks,
    List<Index> indexes,
    Distribution distribution) {

  public Table {
    columns = columns == null ? List.of() : List.copyOf(columns);
    uniqueKeys = uniqueKeys == null ? List.of() : List.copyOf(uniqueKeys);
    foreignKeys = foreignKeys == null ? List.of() : List.copyOf(foreignKeys);
    checks = checks == null ? List.of() : List.copyOf(checks);
    indexes = indexes == null ? List.of() : List.copyOf(indexes);
  }

  /** A table for the PostgreSQL target, not distributed. */
  public Table(
      QualifiedName name, String entity, String comment, Tenancy tenancy, List<Column> columns, Key primaryKey,
      List<Key> uniqueKeys, List<ForeignKey> foreignKeys, List<CheckConstraint> checks, List<Index> indexes) {
    this(name, entity, comment, tenancy, columns, primaryKey, uniqueKeys, foreignKeys, checks, indexes, null);
  }

  public boolean tenanted() {
    return tenancy != null;
  }

  public Optional<Column> column(String columnName) {
    return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
  }

  public Table withConstraints(
      Key newPrimaryKey, List<Key> newUniqueKeys, List<ForeignKey> newForeignKeys,
      List<CheckConstraint> newChecks, List<Index> newIndexes) {
    return new Table(name, entity, comment, tenancy, columns, newPrimaryKey, newUniqueKeys, newForeignKeys, newChecks,
        newIndexes, distribution);
  }

  public Table withDistribution(Distribution value) {
    return new Table(name, entity, comment, tenancy, columns, primaryKey, uniqueKeys, foreignKeys, checks, indexes,
        value);
  }
}
