package dev.rowguard.processor.validate;

import dev.rowguard.processor.diagnostics.Message;
import dev.rowguard.processor.diagnostics.Reporter;
import dev.rowguard.processor.diagnostics.Origins;
import dev.rowguard.schema.CheckConstraint;
import dev.rowguard.schema.Column;
import dev.rowguard.schema.Index;
import dev.rowguard.schema.Key;
import dev.rowguard.schema.Schema;
import dev.rowguard.schema.Table;
import dev.rowguard.schema.sql.Identifiers;
import dev.rowguard.schema.sql.NameProblem;
import java.util.Optional;

/**
 * Table and column names must be usable unquoted and must fit: no PostgreSQL reserved or type/function-name
 * keyword, no name that ORMs reserve, nothing past 63 bytes. Names the user gave to keys and indexes must fit.
 */
final class NameValidator {
  private NameValidator() {}

  static void validate(Schema schema, Origins origins, Reporter reporter) {
    for (Table table : schema.tables()) {
      String entity = table.entity();
      NameProblem.of(table.name().schema()).ifPresent(problem -> report(reporter, origins, entity, null, "Schema",
          table.name().schema(), problem, "@Table(schema = \"" + NameProblem.suggestTableName(table.name().schema())
              + "\")"));
      NameProblem.of(table.name().name()).ifPresent(problem -> report(reporter, origins, entity, null, "Table",
          table.name().name(), problem, "@Table(name = \"" + NameProblem.suggestTableName(table.name().name()) + "\")"));
      for (Column column : table.columns()) {
        boolean joinColumn = table.foreignKeys().stream().anyMatch(fk -> fk.columns().contains(column.name()));
        String annotation = joinColumn ? "@JoinColumn" : "@Column";
        NameProblem.of(column.name()).ifPresent(problem -> report(reporter, origins, entity, column.field(),
            "Column", column.name(), problem, annotation + "(name = \""
                + NameProblem.suggestColumnName(table.name().name(), column.name()) + "\")"));
      }
      for (Key key : table.uniqueKeys()) {
        checkLength(reporter, origins, entity, key, "Unique constraint", key.name());
      }
      for (Index index : table.indexes()) {
        checkLength(reporter, origins, entity, index, "Index", index.name());
      }
      for (CheckConstraint check : table.checks()) {
        // The user's part of a check name may be long even though the derived name is shortened.
        checkLength(reporter, origins, entity, check, "Check", check.nameHint());
      }
    }
  }

  private static void report(Reporter reporter, Origins origins, String entity, String field, String kind,
      String name, NameProblem problem, String rename) {
    var location = field == null ? origins.table(entity) : origins.field(entity, field);
    if (problem.kind() == NameProblem.Kind.TOO_LONG) {
      reporter.report(location, Message.NAME_TOO_LONG, kind, name, Identifiers.byteLength(name),
          ", e.g. with " + rename.replaceAll("\"[^\"]*\"", "\"…\""));
    } else {
      reporter.report(location, Message.RESERVED_NAME, kind, name, problem.reason(), rename);
    }
  }

  private static void checkLength(
      Reporter reporter, Origins origins, String entity, Record constraint, String kind, String name) {
    Optional.ofNullable(name).filter(Identifiers::isTooLong).ifPresent(tooLong -> reporter.report(
        origins.constraint(entity, constraint), Message.NAME_TOO_LONG, kind, tooLong,
        Identifiers.byteLength(tooLong), ""));
  }
}
