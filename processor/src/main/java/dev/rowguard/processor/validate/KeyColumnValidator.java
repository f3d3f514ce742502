package dev.rowguard.processor.validate;

import dev.rowguard.processor.diagnostics.Message;
import dev.rowguard.processor.diagnostics.Reporter;
import dev.rowguard.processor.diagnostics.Origins;
import dev.rowguard.schema.Column;
import dev.rowguard.schema.Index;
import dev.rowguard.schema.Key;
import dev.rowguard.schema.Schema;
import dev.rowguard.schema.Table;
import dev.rowguard.schema.sql.Suggestions;
import java.util.List;

/** Every column an index or unique constraint names must exist in its table. */
final class KeyColumnValidator {
  private KeyColumnValidator() {}

  static void validate(Schema schema, Origins origins, Reporter reporter) {
    for (Table table : schema.tables()) {
      List<String> columnNames = table.columns().stream().map(Column::name).toList();
      for (Key key : table.uniqueKeys()) {
        check(table, key, "@UniqueConstraint", key.columns(), columnNames, origins, reporter);
      }
      for (Index index : table.indexes()) {
        check(table, index, "@Index", index.columns(), columnNames, origins, reporter);
      }
    }
  }

  private static void check(Table table, Record constraint, String kind, List<String> columns,
      List<String> columnNames, Origins origins, Reporter reporter) {
    for (String column : columns) {
      if (!columnNames.contains(column)) {
        String entity = table.entity();
        reporter.report(origins.constraint(entity, constraint), Message.UNKNOWN_KEY_COLUMN, kind,
            entity.substring(entity.lastIndexOf('.') + 1), column, table.name(),
            Suggestions.didYouMeanSentence(column, columnNames));
      }
    }
  }
}
