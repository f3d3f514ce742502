package dev.rowguard.cli;

import dev.rowguard.runtime.verify.Catalog;
import dev.rowguard.runtime.verify.Difference;
import dev.rowguard.runtime.verify.DriftKind;
import dev.rowguard.runtime.verify.Model;
import dev.rowguard.runtime.verify.SqlTypeNames;
import dev.rowguard.runtime.verify.VerificationResult;
import dev.rowguard.schema.CheckConstraint;
import dev.rowguard.schema.Column;
import dev.rowguard.schema.ForeignKey;
import dev.rowguard.schema.Index;
import dev.rowguard.schema.Key;
import dev.rowguard.schema.QualifiedName;
import dev.rowguard.schema.Schema;
import dev.rowguard.schema.Table;
import dev.rowguard.schema.migrate.LiveDatabase;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The live database as the differ's old model, and what that model cannot say ({@link LiveDatabase}).
 *
 * <p>The verifier decides what is equal: it compares CHECKs, defaults and policies as the server plans them. So
 * an attribute it found equal to the model's is written as the model writes it (the differ compares text), and
 * everything else as the catalog has it; a table keeps the model's tenancy only when its row-level security and
 * policies are exactly the model's. The differ then plans exactly the differences the verifier reported.
 */
record LiveSchema(Schema schema, LiveDatabase database) {
  static LiveSchema of(Catalog catalog, Schema model, VerificationResult verified, Set<String> checkedColumns) {
    Set<String> differs = new HashSet<>();
    verified.differences().forEach(d -> differs.add(d.kind() + " " + d.object()));
    Map<String, String> enumColumns = new LinkedHashMap<>();
    Map<QualifiedName, List<String>> policiesToReplace = new LinkedHashMap<>();
    Set<QualifiedName> privilegesToReset = new HashSet<>();
    List<Table> tables = new ArrayList<>();
    for (Catalog.LiveTable live : catalog.tables()) {
      Model.Table table = live.table();
      QualifiedName name = new QualifiedName(table.schema(), table.name());
      Optional<Table> wanted = model.table(name);
      List<Column> columns = new ArrayList<>();
      for (Model.Column column : table.columns()) {
        String subject = name + "." + column.name();
        Optional<Column> same = wanted.flatMap(t -> t.column(column.name()));
        boolean enumType = live.enumColumns().contains(column.name());
        if (enumType) {
          enumColumns.put(subject, column.sqlType());
        }
        String sqlType = !enumType && same.isPresent()
            && SqlTypeNames.normalized(same.get().sqlType()).equals(column.sqlType())
            ? same.get().sqlType() : column.sqlType();
        String defaultSql = same.isPresent() && !differs.contains(DriftKind.COLUMN_DEFAULT + " " + subject)
            ? same.get().defaultSql() : column.defaultSql();
        columns.add(new Column(column.name(), column.name(), null, sqlType, column.nullable(), defaultSql,
            column.identity(), false, List.of(), null));
      }
      List<CheckConstraint> checks = new ArrayList<>();
      for (Model.Check check : table.checks()) {
        Optional<CheckConstraint> same = wanted.flatMap(t -> t.checks().stream()
            .filter(c -> check.name().equals(c.name())).findFirst())
            .filter(c -> !differs.contains(DriftKind.CHECK_CHANGED + " " + name + "." + check.name()));
        checks.add(same.orElse(new CheckConstraint(check.name(), null, check.expression())));
      }
      boolean rowSecurityAsModelled = wanted.isPresent() && wanted.get().tenanted() && verified.differences().stream()
          .noneMatch(d -> rowSecurity(d) && (d.object().equals(name.toString())
              || d.object().startsWith(name + ".")));
      if (wanted.isPresent() && wanted.get().tenanted() && !rowSecurityAsModelled) {
        policiesToReplace.put(name, live.policies());
      }
      if (differs.contains(DriftKind.GRANT_MISSING + " " + name) || differs.contains(DriftKind.GRANT_EXTRA + " " + name)) {
        privilegesToReset.add(name);
      }
      tables.add(new Table(name, wanted.map(Table::entity).orElse(null), null,
          rowSecurityAsModelled ? wanted.get().tenancy() : null, columns,
          table.primaryKey() == null ? null : key(table.primaryKey()), table.uniqueKeys().stream().map(LiveSchema::key)
              .toList(), table.foreignKeys().stream().map(k -> new ForeignKey(k.name(), k.columns(),
              new QualifiedName(k.targetSchema(), k.targetTable()), k.targetColumns(), null)).toList(), checks,
          table.indexes().stream().map(i -> new Index(i.name(), i.columns(), i.unique())).toList()));
    }
    Set<String> withoutUsage = new TreeSet<>();
    model.tables().forEach(t -> withoutUsage.add(t.name().schema()));
    withoutUsage.removeAll(catalog.schemasWithUsage());
    return new LiveSchema(Schema.of(tables), new LiveDatabase(enumColumns, checkedColumns, policiesToReplace,
        privilegesToReset, catalog.roleExists(), withoutUsage, catalog.unusedEnumTypes().keySet()));
  }

  private static boolean rowSecurity(Difference difference) {
    return switch (difference.kind()) {
      case RLS_DISABLED, RLS_NOT_FORCED, POLICY_MISSING, POLICY_CHANGED, POLICY_EXTRA -> true;
      default -> false;
    };
  }

  private static Key key(Model.Key key) {
    return new Key(key.name(), key.columns());
  }
}
