package dev.rowguard.processor.validate;

import dev.rowguard.processor.diagnostics.Message;
import dev.rowguard.processor.diagnostics.Reporter;
import dev.rowguard.processor.diagnostics.Origins;
import dev.rowguard.processor.shared.TenantKeyTypes;
import dev.rowguard.schema.Column;
import dev.rowguard.schema.ForeignKey;
import dev.rowguard.schema.Schema;
import dev.rowguard.schema.Table;
import dev.rowguard.schema.TenantKeyColumn;
import java.util.List;
import java.util.Optional;
import javax.lang.model.SourceVersion;

/**
 * Tenanted tables must carry every tenant key as a NOT NULL field of the key's type, and references must stay
 * inside one tenant: shared rows may not point at tenanted rows, and a table may only reference tables scoped
 * by outer levels of its own keys.
 */
final class TenancyValidator {
  private TenancyValidator() {}

  static void validate(Schema schema, Origins origins, Reporter reporter) {
    for (Table table : schema.tables()) {
      if (table.tenanted()) {
        for (TenantKeyColumn key : table.tenancy().keys()) {
          checkKeyField(table, key, origins, reporter);
        }
      }
      for (ForeignKey foreignKey : table.foreignKeys()) {
        schema.table(foreignKey.target()).ifPresent(target -> checkReference(table, foreignKey, target, origins,
            reporter));
      }
    }
  }

  private static void checkKeyField(Table table, TenantKeyColumn key, Origins origins, Reporter reporter) {
    Optional<Column> column = table.column(key.column());
    String javaType = TenantKeyTypes.javaType(key.sqlType());
    if (column.isEmpty()) {
      String field = camelCase(key.column());
      reporter.report(origins.table(table.entity()), Message.MISSING_TENANT_KEY, simpleName(table.entity()),
          key.column(), javaType, field);
      return;
    }
    var location = origins.field(table.entity(), column.get().field());
    if (!column.get().sqlType().equals(key.sqlType())) {
      reporter.report(location, Message.TENANT_KEY_TYPE, column.get().field(), key.column(), key.sqlType(),
          column.get().sqlType(), javaType);
    } else if (column.get().nullable()) {
      reporter.report(location, Message.NULLABLE_TENANT_KEY, column.get().field());
    }
  }

  private static void checkReference(
      Table table, ForeignKey foreignKey, Table target, Origins origins, Reporter reporter) {
    if (!target.tenanted()) {
      return;
    }
    var location = origins.constraint(table.entity(), foreignKey);
    if (!table.tenanted()) {
      reporter.report(location, Message.SHARED_TO_TENANTED, foreignKey.field(), simpleName(table.entity()),
          target.name(), simpleName(table.entity()));
      return;
    }
    List<String> sourceKeys = table.tenancy().columns();
    List<String> targetKeys = target.tenancy().columns();
    boolean outer = targetKeys.size() <= sourceKeys.size()
        && sourceKeys.subList(0, targetKeys.size()).equals(targetKeys);
    if (!outer) {
      reporter.report(location, Message.REFERENCE_OUT_OF_SCOPE, foreignKey.field(), simpleName(table.entity()),
          sourceKeys, target.name(), targetKeys);
    }
  }

  private static String camelCase(String column) {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char c : column.toCharArray()) {
      if (c == '_') {
        upper = out.length() > 0;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return SourceVersion.isName(out) ? out.toString() : column;
  }

  private static String simpleName(String entity) {
    return entity.substring(entity.lastIndexOf('.') + 1);
  }
}
