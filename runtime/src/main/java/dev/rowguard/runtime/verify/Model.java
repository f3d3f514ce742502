package dev.rowguard.runtime.verify;

import java.util.List;
import java.util.Optional;

/**
 * The part of Rowguard's schema model ({@code META-INF/rowguard/schema.json}) that a database can be checked
 * against, and, read back from the catalog by {@link CatalogReader}, what a live database holds in the same
 * terms. Types are written as DDL writes them ({@code varchar(45)}, {@code timestamptz}); a live column of a
 * native ENUM type has the type's name and its labels as {@link Column#allowedValues()}.
 */
public record Model(List<Table> tables) {
  public Model {
    tables = List.copyOf(tables);
  }

  public Optional<Table> table(String schema, String name) {
    return tables.stream().filter(t -> t.schema().equals(schema) && t.name().equals(name)).findFirst();
  }

  /**
   * @param tenantKeys the tenant keys, outermost first; empty for a table shared by all tenants
   * @param primaryKey the primary key, or {@code null}
   */
  public record Table(String schema, String name, List<TenantKey> tenantKeys, List<Column> columns, Key primaryKey,
      List<Key> uniqueKeys, List<ForeignKey> foreignKeys, List<Check> checks, List<Index> indexes) {
    public Table {
      tenantKeys = List.copyOf(tenantKeys);
      columns = List.copyOf(columns);
      uniqueKeys = List.copyOf(uniqueKeys);
      foreignKeys = List.copyOf(foreignKeys);
      checks = List.copyOf(checks);
      indexes = List.copyOf(indexes);
    }

    /** {@code schema.table}, as the report names it. */
    public String qualifiedName() {
      return schema + "." + name;
    }

    public boolean tenanted() {
      return !tenantKeys.isEmpty();
    }

    public Optional<Column> column(String column) {
      return columns.stream().filter(c -> c.name().equals(column)).findFirst();
    }
  }

  /** One tenant key: its column, the setting that carries the bound value, and the column's type. */
  public record TenantKey(String column, String setting, String sqlType) {}

  /**
   * @param defaultSql the DEFAULT expression, or {@code null}
   * @param allowedValues the values the model's enum CHECK allows, or a native ENUM type's labels
   */
  public record Column(String name, String sqlType, boolean nullable, String defaultSql, boolean identity,
      List<String> allowedValues) {
    public Column {
      allowedValues = List.copyOf(allowedValues);
    }
  }

  /** A primary key or a unique constraint. */
  public record Key(String name, List<String> columns) {
    public Key {
      columns = List.copyOf(columns);
    }
  }

  public record ForeignKey(String name, List<String> columns, String targetSchema, String targetTable,
      List<String> targetColumns) {
    public ForeignKey {
      columns = List.copyOf(columns);
      targetColumns = List.copyOf(targetColumns);
    }
  }

  /** A CHECK constraint; a live one's expression is as {@code pg_get_expr} writes it. */
  public record Check(String name, String expression) {}

  /** An index that backs no constraint; a live expression index lists its expressions as columns. */
  public record Index(String name, List<String> columns, boolean unique) {
    public Index {
      columns = List.copyOf(columns);
    }
  }
}
