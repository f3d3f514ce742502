package dev.rowguard.processor.derive;

import dev.rowguard.schema.Distribution;
import dev.rowguard.schema.Key;
import dev.rowguard.schema.QualifiedName;
import dev.rowguard.schema.Schema;
import dev.rowguard.schema.Table;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the Citus target changes in the derived model. Every tenanted table is distributed by the root tenant key,
 * all in one colocation group (opened by the first in creation order), so a tenant's rows of every table live on
 * one shard and joins and foreign keys within a tenant stay on it; shared tables become reference tables, copied
 * to every node. Citus needs the distribution column in every primary key and unique constraint: the primary key
 * is led by the root key (the unique keys already are, by the tenancy rules), and a unique key that now equals the
 * primary key is dropped. Foreign keys between tenanted tables already lead with the tenant keys on both sides.
 */
final class CitusRules {
  private CitusRules() {}

  /** Keys that include the root tenant key; runs before naming, so a derived key gets its usual name. */
  static Schema keys(Schema schema) {
    return new Schema(schema.formatVersion(), schema.tables().stream().map(CitusRules::keys).toList());
  }

  /** The distribution of each table; runs on tables in creation order. */
  static List<Table> distribute(List<Table> tables) {
    QualifiedName group = tables.stream().filter(Table::tenanted).map(Table::name).findFirst().orElse(null);
    return tables.stream()
        .map(t -> t.withDistribution(!t.tenanted()
            ? Distribution.reference()
            : Distribution.distributed(root(t), t.name().equals(group) ? null : group)))
        .toList();
  }

  private static Table keys(Table table) {
    if (!table.tenanted() || table.primaryKey() == null || table.primaryKey().columns().contains(root(table))) {
      return table;
    }
    Key primaryKey = new Key(table.primaryKey().name(),
        Stream.concat(Stream.of(root(table)), table.primaryKey().columns().stream()).toList());
    List<Key> uniqueKeys = table.uniqueKeys().stream()
        .filter(k -> !k.columns().equals(primaryKey.columns()))
        .toList();
    return table.withConstraints(primaryKey, uniqueKeys, table.foreignKeys(), table.checks(), table.indexes());
  }

  private static String root(Table table) {
    return table.tenancy().keys().get(0).column();
  }
}
