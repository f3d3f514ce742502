package dev.rowguard.processor.derive;

import dev.rowguard.schema.ForeignKey;
import dev.rowguard.schema.Index;
import dev.rowguard.schema.Key;
import dev.rowguard.schema.Schema;
import dev.rowguard.schema.Table;
import dev.rowguard.schema.TenantKeyColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What tenancy adds to each tenanted table: a unique key on (tenant keys…, id) for references to land on;
 * every unique key and index led by the tenant keys (so each lookup stays within one tenant and uses the
 * index); composite foreign keys (tenant keys…, fk) → (tenant keys…, id) between tenanted tables, so a row can
 * never reference another tenant's row; and a foreign key from each key column to the entity it identifies,
 * unless an inner level's reference already proves it.
 */
final class TenancyRules {
  private TenancyRules() {}

  static Schema apply(Schema schema) {
    return new Schema(schema.formatVersion(), schema.tables().stream().map(t -> apply(schema, t)).toList());
  }

  private static Table apply(Schema schema, Table table) {
    if (!table.tenanted()) {
      return table;
    }
    List<String> keys = table.tenancy().columns();
    List<Key> uniqueKeys = new ArrayList<>();
    for (Key key : table.uniqueKeys()) {
      Key led = new Key(key.name(), leadWith(keys, key.columns()));
      // (hostname) and (tenant_id, hostname) both become (tenant_id, hostname): keep one.
      if (uniqueKeys.stream().noneMatch(k -> k.columns().equals(led.columns()))) {
        uniqueKeys.add(led);
      }
    }
    if (table.primaryKey() != null) {
      List<String> tenantId = concat(keys, table.primaryKey().columns());
      if (uniqueKeys.stream().noneMatch(k -> k.columns().equals(tenantId))) {
        uniqueKeys.add(new Key(null, tenantId));
      }
    }
    List<Index> indexes = table.indexes().stream()
        .map(i -> new Index(i.name(), leadWith(keys, i.columns()), i.unique()))
        .distinct()
        .toList();
    List<ForeignKey> foreignKeys = new ArrayList<>();
    for (ForeignKey foreignKey : table.foreignKeys()) {
      foreignKeys.add(schema.table(foreignKey.target())
          .filter(Table::tenanted)
          .map(target -> throughTenant(foreignKey, target.tenancy().columns()))
          .orElse(foreignKey));
    }
    for (TenantKeyColumn key : table.tenancy().keys()) {
      if (!impliedByInnerLevel(schema, table, key)) {
        keyReference(schema, table, key).ifPresent(foreignKeys::add);
      }
    }
    return table.withConstraints(table.primaryKey(), uniqueKeys, foreignKeys, table.checks(), indexes);
  }

  /** The foreign key from a tenant key column to the entity whose id it holds, unless that is this table. */
  private static Optional<ForeignKey> keyReference(Schema schema, Table table, TenantKeyColumn key) {
    if (key.table() == null || key.table().equals(table.name())) {
      return Optional.empty();
    }
    return schema.table(key.table()).filter(target -> target.primaryKey() != null).map(target -> {
      ForeignKey plain = new ForeignKey(null, List.of(key.column()), target.name(), target.primaryKey().columns(),
          null);
      return target.tenanted() ? throughTenant(plain, target.tenancy().columns()) : plain;
    });
  }

  /**
   * Whether an inner level's reference already covers this key: (client, engagement) → engagement (client, id)
   * proves the client too, since engagement's own key references the client.
   */
  private static boolean impliedByInnerLevel(Schema schema, Table table, TenantKeyColumn key) {
    List<TenantKeyColumn> keys = table.tenancy().keys();
    return keys.subList(keys.indexOf(key) + 1, keys.size()).stream()
        .map(TenantKeyColumn::table)
        .filter(Objects::nonNull)
        .flatMap(inner -> schema.table(inner).stream())
        .anyMatch(inner -> inner.tenanted() && inner.tenancy().columns().contains(key.column()));
  }

  private static ForeignKey throughTenant(ForeignKey foreignKey, List<String> targetKeys) {
    return new ForeignKey(foreignKey.name(), concat(targetKeys, foreignKey.columns()), foreignKey.target(),
        concat(targetKeys, foreignKey.targetColumns()), foreignKey.field());
  }

  /** {@code columns} led by the tenant keys, each column once. */
  private static List<String> leadWith(List<String> keys, List<String> columns) {
    return concat(keys, columns.stream().filter(c -> !keys.contains(c)).toList());
  }

  private static List<String> concat(List<String> first, List<String> second) {
    return Stream.concat(first.stream(), second.stream()).toList();
  }
}
