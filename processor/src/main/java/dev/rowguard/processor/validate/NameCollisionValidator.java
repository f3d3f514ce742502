package dev.rowguard.processor.validate;

import dev.rowguard.processor.diagnostics.Message;
import dev.rowguard.processor.diagnostics.Reporter;
import dev.rowguard.processor.diagnostics.Origins;
import dev.rowguard.schema.Index;
import dev.rowguard.schema.Key;
import dev.rowguard.schema.Schema;
import dev.rowguard.schema.Table;
import java.util.HashMap;
import java.util.Map;

/**
 * Names the user gave to keys and indexes must be unique in their schema, and must not be a table's name.
 * Derived names never clash (naming hashes them apart), so any clash left involves a user-given name.
 */
final class NameCollisionValidator {
  private NameCollisionValidator() {}

  static void validate(Schema schema, Origins origins, Reporter reporter) {
    Map<String, String> owners = new HashMap<>();
    for (Table table : schema.tables()) {
      owners.putIfAbsent(table.name().schema() + "." + table.name().name(), "table " + table.name());
    }
    for (Table table : schema.tables()) {
      if (table.primaryKey() != null) {
        claim(owners, table, table.primaryKey().name(), "primary key of " + table.name(), null, origins, reporter);
      }
      for (Key key : table.uniqueKeys()) {
        claim(owners, table, key.name(), "unique constraint of " + table.name(), key, origins, reporter);
      }
      table.foreignKeys().forEach(fk ->
          claim(owners, table, fk.name(), "foreign key of " + table.name(), null, origins, reporter));
      table.checks().forEach(ck ->
          claim(owners, table, ck.name(), "check of " + table.name(), null, origins, reporter));
      for (Index index : table.indexes()) {
        claim(owners, table, index.name(), "index of " + table.name(), index, origins, reporter);
      }
    }
  }

  private static void claim(Map<String, String> owners, Table table, String name, String owner, Record constraint,
      Origins origins, Reporter reporter) {
    String previous = owners.putIfAbsent(table.name().schema() + "." + name, owner);
    if (previous != null) {
      var location = constraint == null ? origins.table(table.entity()) : origins.constraint(table.entity(), constraint);
      String kind = constraint instanceof Index ? "Index" : "Constraint";
      reporter.report(location, Message.NAME_COLLISION, kind, name, previous, table.name().schema());
    }
  }
}
