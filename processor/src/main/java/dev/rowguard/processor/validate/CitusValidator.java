package dev.rowguard.processor.validate;

import dev.rowguard.processor.diagnostics.Message;
import dev.rowguard.processor.diagnostics.Origins;
import dev.rowguard.processor.diagnostics.Reporter;
import dev.rowguard.schema.Column;
import dev.rowguard.schema.Schema;
import dev.rowguard.schema.Table;

/**
 * What Citus cannot run in a model that PostgreSQL accepts. Most of Citus's rules are met by derivation (keys
 * that include the distribution column, foreign keys added after distribution; a shared row never refers to a
 * tenanted one, which the tenancy rules already refuse). What derivation cannot change is the type of an identity
 * column: Citus creates a distributed or reference table with an {@code integer} identity, but its workers can
 * draw values only from a {@code bigint} sequence, so inserts through them fail.
 */
final class CitusValidator {
  private CitusValidator() {}

  static void validate(Schema schema, Origins origins, Reporter reporter) {
    for (Table table : schema.tables()) {
      for (Column column : table.columns()) {
        if (column.identity() && !column.sqlType().equals("bigint")) {
          reporter.report(origins.field(table.entity(), column.field()), Message.CITUS_IDENTITY_TYPE, column.field(),
              table.entity().substring(table.entity().lastIndexOf('.') + 1), column.sqlType());
        }
      }
    }
  }
}
