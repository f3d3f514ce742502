package dev.rowguard.schema.migrate;

import static dev.rowguard.schema.migrate.Statements.BRIEF;
import static dev.rowguard.schema.migrate.Statements.REWRITE;
import static dev.rowguard.schema.migrate.Statements.alter;
import static dev.rowguard.schema.migrate.Statements.lock;
import static dev.rowguard.schema.sql.Identifiers.quote;

import dev.rowguard.schema.Column;
import dev.rowguard.schema.QualifiedName;
import dev.rowguard.schema.Table;
import dev.rowguard.schema.ddl.SchemaSqlWriter;
import dev.rowguard.schema.sql.SqlLiterals;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Column renames, additions, changes of type, nullability, default and comment, and acknowledged drops; from a
 * live database also native ENUM columns to text (the type dropped once unused), checked text to timestamps, and
 * NOT NULL where no row holds NULL.
 */
final class ColumnChanges {
  private final Correspondence match;
  private final MigrationRules rules;
  private final LiveDatabase database;
  private final List<Change> changes;
  private final List<Refusal> refusals;
  /** The ENUM columns converted so far, by {@code schema.table.column}. */
  private final Set<String> convertedEnums = new HashSet<>();

  ColumnChanges(Correspondence match, MigrationRules rules, LiveDatabase database, List<Change> changes,
      List<Refusal> refusals) {
    this.match = match;
    this.rules = rules;
    this.database = database;
    this.changes = changes;
    this.refusals = refusals;
  }

  /** Each ENUM type whose every column was converted, dropped after them, and those nothing used before. */
  void unusedEnumTypes() {
    for (String type : new TreeSet<>(database.enumColumns().values())) {
      boolean unused = database.enumColumns().entrySet().stream()
          .filter(e -> e.getValue().equals(type)).allMatch(e -> convertedEnums.contains(e.getKey()));
      if (unused) {
        changes.add(dropType(type, "no column uses it any more"));
      }
    }
    new TreeSet<>(database.unusedEnumTypes()).forEach(type -> changes.add(dropType(type, "nothing used it")));
  }

  private static Change dropType(String type, String why) {
    return new Change(Phase.DROP_TYPE, type, "ENUM type " + type + " dropped: " + why, null,
        List.of(Step.of(null, "DROP TYPE " + type + ";")));
  }

  void plan(Table before, Table after) {
    QualifiedName name = after.name();
    for (Column column : after.columns()) {
      String subject = name + "." + column.name();
      String previousName = before.columns().stream()
          .filter(c -> column.name().equals(match.newColumn(before.name(), c.name())))
          .map(Column::name).findFirst().orElse(null);
      if (previousName == null) {
        added(before, after, column, subject);
        continue;
      }
      Column previous = before.column(previousName).orElseThrow();
      if (!previousName.equals(column.name())) {
        changes.add(new Change(Phase.RENAME_COLUMN, subject,
            "column " + before.name() + "." + previousName + " renamed to " + column.name(), null,
            List.of(Step.of(lock(BRIEF, name), alter(name) + " RENAME COLUMN " + quote(previousName) + " TO "
                + quote(column.name()) + ";"))));
      }
      altered(before, after, previous, column, subject);
    }
    for (Column column : match.droppedColumns.getOrDefault(name, List.of())) {
      String subject = name + "." + column.name();
      changes.add(new Change(Phase.DROP_COLUMN, subject, "column " + subject + " dropped",
          "every value of column " + subject,
          List.of(Step.of(lock(BRIEF, name) + "; the space is reclaimed as rows are rewritten later",
              alter(name) + " DROP COLUMN " + quote(column.name()) + ";"))));
    }
  }

  private void added(Table before, Table after, Column column, String subject) {
    QualifiedName name = after.name();
    String filled = column.defaultSql() != null ? "default " + column.defaultSql()
        : column.identity() ? "identity" : null;
    if (column.nullable() || filled != null) {
      boolean rewrites = column.identity() || volatileDefault(column.defaultSql());
      changes.add(new Change(Phase.ADD_COLUMN, subject, "column " + subject + " added (" + column.sqlType()
          + (column.nullable() ? ", nullable" : ", NOT NULL, " + filled) + ")", null,
          withComment(name, column, List.of(Step.of(lock(rewrites ? REWRITE : BRIEF, name), alter(name)
              + " ADD COLUMN " + quote(column.name()) + " " + SchemaSqlWriter.columnDefinition(column) + ";")))));
      return;
    }
    String backfill = rules.backfills().get(subject);
    String summary = "column " + subject + " added (" + column.sqlType() + ", NOT NULL, backfilled"
        + (backfill == null ? ")" : " with " + backfill + ")");
    if (backfill == null) {
      refusals.add(new Refusal(subject, "a NOT NULL column without a default cannot be added to a table that has rows",
          "give it a default with @ColumnDefault, or state how to fill the existing rows with "
              + "-Arowguard.migrations.backfill=" + subject + "=<SQL expression>"));
      changes.add(new Change(Phase.ADD_COLUMN, subject, summary, null, List.of()));
      return;
    }
    List<Step> steps = new ArrayList<>();
    steps.add(Step.of(lock(BRIEF, name), alter(name) + " ADD COLUMN " + quote(column.name()) + " "
        + SchemaSqlWriter.columnDefinition(column.withNullable(true)) + ";"));
    steps.addAll(Statements.updatesOnAllRows(name, before.tenanted(),
        List.of("UPDATE " + name.sql() + " SET " + quote(column.name()) + " = " + backfill + ";")));
    steps.addAll(Statements.setNotNull(name, column.name()));
    changes.add(new Change(Phase.ADD_COLUMN, subject, summary, null, withComment(name, column, steps)));
  }

  private void altered(Table before, Table after, Column previous, Column column, String subject) {
    QualifiedName name = after.name();
    String alterColumn = alter(name) + " ALTER COLUMN " + quote(column.name());
    boolean defaultSet = false;
    if (!previous.sqlType().equals(column.sqlType())) {
      String enumType = database.enumColumns().get(subject);
      TypeChange parsed = database.checkedColumns().contains(subject)
          ? TypeChange.parsedText(previous.sqlType(), column.sqlType(), column.name()) : null;
      TypeChange type = enumType != null ? TypeChange.fromEnum(column.name())
          : parsed != null ? parsed : TypeChange.of(previous.sqlType(), column.sqlType(), column.name());
      if (enumType != null) {
        convertedEnums.add(subject);
      }
      String loss = type.keepsValues() ? null
          : "values of " + subject + " that " + column.sqlType() + " cannot hold exactly";
      if (enumType == null && parsed == null && !TypeChange.convertible(previous.sqlType(), column.sqlType())) {
        refusals.add(new Refusal(subject, "PostgreSQL cannot convert " + previous.sqlType() + " to "
            + column.sqlType() + ", whatever the values", "keep its type, or add a column of the new type under "
            + "another name, fill it in a migration written by hand, and remove this one"));
      } else if (loss != null && !rules.allows(subject)) {
        refusals.add(new Refusal(subject, "changing its type from " + previous.sqlType() + " to " + column.sqlType()
            + " may change or reject stored values", "acknowledge it with -Arowguard.migrations.allowDataLoss=" + subject));
      }
      // A live default of the old type may not cast to the new one: dropped first, the model's set after.
      boolean resetDefault = database.live() && type.using() != null && previous.defaultSql() != null;
      List<Step> steps = new ArrayList<>();
      if (resetDefault) {
        steps.add(Step.of(lock(BRIEF, name), alterColumn + " DROP DEFAULT;"));
      }
      steps.add(Step.of(lock(type.rewrites() ? REWRITE : BRIEF, name), alterColumn + " TYPE " + column.sqlType()
          + (type.using() == null ? "" : " USING " + type.using()) + ";"));
      if (resetDefault && column.defaultSql() != null) {
        steps.add(Step.of(lock(BRIEF, name), alterColumn + " SET DEFAULT " + column.defaultSql() + ";"));
      }
      defaultSet = resetDefault;
      changes.add(new Change(Phase.ALTER_COLUMN, subject, "column " + subject + " type " + previous.sqlType()
          + " -> " + column.sqlType() + (type.using() != null && type.using().contains("TIME ZONE")
          ? " (stored values read as " + TypeChange.TIME_ZONE + ")" : enumType != null
          ? " (native ENUM " + enumType + " to text)" : parsed != null ? " (every stored text checked to read as "
          + column.sqlType() + ")" : "") + (resetDefault ? ", default " + Objects.requireNonNullElse(
          column.defaultSql(), "none") : ""), loss, steps));
    }
    if (!defaultSet && !Objects.equals(previous.defaultSql(), column.defaultSql())) {
      changes.add(new Change(Phase.ALTER_COLUMN, subject, "column " + subject + " default "
          + (previous.defaultSql() == null ? "none" : previous.defaultSql()) + " -> "
          + (column.defaultSql() == null ? "none" : column.defaultSql()), null,
          List.of(Step.of(lock(BRIEF, name), alterColumn + (column.defaultSql() == null ? " DROP DEFAULT;"
              : " SET DEFAULT " + column.defaultSql() + ";")))));
    }
    if (previous.identity() != column.identity()) {
      List<Step> steps = new ArrayList<>();
      if (column.identity()) {
        steps.add(Step.of(lock(BRIEF, name), alterColumn + " ADD GENERATED BY DEFAULT AS IDENTITY;"));
        // New values start after the largest one already stored.
        steps.add(Step.of(null, "SELECT setval(pg_get_serial_sequence(" + SqlLiterals.string(name.sql()) + ", "
            + SqlLiterals.string(column.name()) + "), COALESCE(MAX(" + quote(column.name()) + "), 0) + 1, false) FROM "
            + name.sql() + ";"));
      } else {
        steps.add(Step.of(lock(BRIEF, name), alterColumn + " DROP IDENTITY;"));
      }
      changes.add(new Change(Phase.ALTER_COLUMN, subject, "column " + subject
          + (column.identity() ? " becomes an identity" : " is no longer an identity"), null, steps));
    }
    if (previous.nullable() && !column.nullable()) {
      String backfill = rules.backfills().get(subject);
      boolean checked = database.checkedColumns().contains(subject);
      if (backfill == null && column.defaultSql() == null && !checked) {
        // Without a value for them, rows holding NULL would fail the migration at VALIDATE.
        refusals.add(new Refusal(subject, "a nullable column cannot become NOT NULL without a value for the rows "
            + "that hold NULL", "give it a default with @ColumnDefault, state how to fill those rows with "
            + "-Arowguard.migrations.backfill=" + subject + "=<SQL expression>, or keep it nullable"));
      }
      List<Step> steps = new ArrayList<>();
      if (backfill != null || column.defaultSql() != null) {
        steps.addAll(Statements.updatesOnAllRows(name, before.tenanted(), List.of("UPDATE " + name.sql() + " SET "
            + quote(column.name()) + " = " + (backfill != null ? backfill : "DEFAULT") + " WHERE "
            + quote(column.name()) + " IS NULL;")));
      }
      steps.addAll(Statements.setNotNull(name, column.name()));
      changes.add(new Change(Phase.ALTER_COLUMN, subject, "column " + subject + " becomes NOT NULL"
          + (backfill != null ? " (NULLs backfilled with " + backfill + ")"
          : column.defaultSql() != null ? " (NULLs set to its default)"
          : checked ? " (no row holds NULL)" : ""), null, steps));
    } else if (!previous.nullable() && column.nullable()) {
      changes.add(new Change(Phase.ALTER_COLUMN, subject, "column " + subject + (match.pending(subject)
          ? " is a pending drop: made nullable, so that code that no longer writes it can insert rows"
          : " becomes nullable"), null,
          List.of(Step.of(lock(BRIEF, name), alterColumn + " DROP NOT NULL;"))));
    }
    if (!Objects.equals(previous.comment(), column.comment())) {
      changes.add(new Change(Phase.COMMENT, subject, "comment of column " + subject
          + (column.comment() == null ? " removed" : " changed"), null, List.of(comment(name, column))));
    }
  }

  /** The steps of an added column, then its comment if it has one (as {@code schema.sql} writes it). */
  private static List<Step> withComment(QualifiedName table, Column column, List<Step> steps) {
    if (column.comment() == null) {
      return steps;
    }
    List<Step> all = new ArrayList<>(steps);
    all.add(comment(table, column));
    return all;
  }

  private static Step comment(QualifiedName table, Column column) {
    return Step.of(null, "COMMENT ON COLUMN " + table.sql() + "." + quote(column.name()) + " IS "
        + (column.comment() == null ? "NULL" : SqlLiterals.string(column.comment())) + ";");
  }

  /** A default PostgreSQL must compute per row, which rewrites the table when the column is added. */
  private static boolean volatileDefault(String defaultSql) {
    return defaultSql != null && (defaultSql.contains("random") || defaultSql.contains("nextval")
        || defaultSql.contains("clock_timestamp") || defaultSql.contains("uuid"));
  }
}
