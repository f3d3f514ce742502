package dev.rowguard.processor.validate;

import dev.rowguard.processor.diagnostics.Message;
import dev.rowguard.processor.diagnostics.Reporter;
import dev.rowguard.processor.diagnostics.Origins;
import dev.rowguard.schema.Column;
import dev.rowguard.schema.QualifiedName;
import dev.rowguard.schema.Schema;
import dev.rowguard.schema.Table;
import java.util.HashMap;
import java.util.Map;

/** One table per entity, one column per field: the duplicate-model mistakes. */
final class DuplicateValidator {
  private DuplicateValidator() {}

  static void validate(Schema schema, Origins origins, Reporter reporter) {
    Map<QualifiedName, Table> owners = new HashMap<>();
    for (Table table : schema.tables()) {
      Table first = owners.putIfAbsent(table.name(), table);
      if (first != null) {
        reporter.report(origins.table(table.entity()), Message.DUPLICATE_TABLE, first.entity(), table.entity(),
            table.name());
      }
      Map<String, Column> columns = new HashMap<>();
      for (Column column : table.columns()) {
        Column previous = columns.putIfAbsent(column.name(), column);
        if (previous != null) {
          reporter.report(origins.field(table.entity(), column.field()), Message.DUPLICATE_COLUMN, previous.field(),
              column.field(), table.entity(), column.name());
        }
      }
    }
  }
}
