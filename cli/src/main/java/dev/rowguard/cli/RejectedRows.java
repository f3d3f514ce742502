package dev.rowguard.cli;

import dev.rowguard.runtime.verify.Catalog;
import dev.rowguard.runtime.verify.Difference;
import dev.rowguard.runtime.verify.DriftKind;
import dev.rowguard.runtime.verify.VerificationResult;
import dev.rowguard.schema.CheckConstraint;
import dev.rowguard.schema.Column;
import dev.rowguard.schema.QualifiedName;
import dev.rowguard.schema.Schema;
import dev.rowguard.schema.Table;
import dev.rowguard.schema.sql.Identifiers;
import dev.rowguard.schema.sql.SqlLiterals;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rows the conversions would reject, counted before anything is written: a NULL where a column becomes NOT
 * NULL (a tenant key: a row that belongs to no tenant), a stored value a CHECK the model adds would not allow,
 * a text that does not read as the timestamp it becomes. Each count comes with the query that finds the rows.
 *
 * @param rejected the conversions that would reject rows
 * @param checkedColumns the columns ({@code schema.table.column}) whose every row converts
 */
record RejectedRows(List<Rejection> rejected, Set<String> checkedColumns) {
  /** One conversion that would reject {@code rows} rows of {@code column}; {@code query} finds them. */
  record Rejection(String column, long rows, String problem, String query) {
    String describe() {
      return column + ": " + rows + (rows == 1 ? " row " : " rows ") + problem + "\n    " + query;
    }
  }

  private static final Set<String> PARSED = Set.of("timestamptz", "timestamp", "date");

  static RejectedRows count(Connection connection, Schema model, Catalog catalog, VerificationResult verified)
      throws SQLException, CliException {
    List<Rejection> rejected = new ArrayList<>();
    Set<String> checked = new LinkedHashSet<>();
    Set<String> enumColumns = new LinkedHashSet<>();
    for (Difference difference : verified.differences()) {
      Optional<Column> column = column(model, difference.object());
      if (column.isEmpty()) {
        continue;
      }
      String subject = difference.object();
      QualifiedName table = tableOf(subject);
      String quoted = Identifiers.quote(column.get().name());
      Table modelTable = model.table(table).orElseThrow();
      switch (difference.kind()) {
        case COLUMN_NULLABILITY -> {
          if (!column.get().nullable()) {
            boolean tenantKey = modelTable.tenanted() && modelTable.tenancy().columns().contains(column.get().name());
            count(connection, table, subject, quoted + " IS NULL", tenantKey
                ? "with a NULL tenant key: they belong to no tenant, and the key becomes NOT NULL"
                : "holding NULL, and the column becomes NOT NULL", rejected, checked);
          }
        }
        case NATIVE_ENUM -> {
          enumColumns.add(subject);
          List<String> values = column.get().allowedValues();
          if (!values.isEmpty()) {
            count(connection, table, subject, quoted + " IS NOT NULL AND " + quoted + "::text NOT IN ("
                + values.stream().map(SqlLiterals::string).collect(Collectors.joining(", ")) + ")",
                "with a value the model's CHECK does not allow (it allows " + String.join(", ", values) + ")",
                rejected, checked);
          }
        }
        case COLUMN_TYPE -> {
          String type = column.get().sqlType();
          if (PARSED.contains(type) && (difference.actual().equals("text") || difference.actual().startsWith("varchar"))) {
            count(connection, table, subject, quoted + " IS NOT NULL AND NOT pg_input_is_valid(" + quoted + ", "
                + SqlLiterals.string(type) + ")", "with a text that is not a " + type, rejected, checked);
          }
        }
        default -> { }
      }
    }
    for (Difference difference : verified.differences()) {
      if (difference.kind() == DriftKind.CHECK_MISSING || difference.kind() == DriftKind.CHECK_CHANGED) {
        QualifiedName table = tableOf(difference.object());
        String name = difference.object().substring(table.toString().length() + 1);
        Table modelTable = model.table(table).orElseThrow();
        CheckConstraint check = modelTable.checks().stream().filter(c -> c.name().equals(name)).findFirst()
            .orElseThrow();
        // A CHECK of one column is named after it; one on a column the table lacks yet holds for every row.
        String column = table + "." + (check.nameHint() == null ? name : check.nameHint());
        boolean liveColumn = check.nameHint() == null || catalog.table(table.schema(), table.name())
            .flatMap(t -> t.table().column(check.nameHint())).isPresent();
        if (!enumColumns.contains(column) && liveColumn) {
          count(connection, table, column, "NOT (" + check.expression() + ")", "with a value the CHECK " + name
              + " does not allow", rejected, new LinkedHashSet<>());
        }
      }
    }
    return new RejectedRows(rejected, checked);
  }

  private static void count(Connection connection, QualifiedName table, String subject, String condition,
      String problem, List<Rejection> rejected, Set<String> checked) throws SQLException {
    String where = " FROM " + table.sql() + " WHERE " + condition;
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT count(*)" + where)) {
      row.next();
      long rows = row.getLong(1);
      if (rows == 0) {
        checked.add(subject);
      } else {
        rejected.add(new Rejection(subject, rows, problem, "SELECT *" + where + ";"));
      }
    }
  }

  /**
   * Refuses a role that would not see every row: counts under row-level security would be too low.
   */
  static void requireEveryRow(Connection connection, Catalog catalog) throws SQLException, CliException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT rolsuper OR rolbypassrls FROM pg_roles"
            + " WHERE rolname = current_user")) {
      if (row.next() && row.getBoolean(1)) {
        return;
      }
    }
    List<String> hidden = catalog.tables().stream().filter(Catalog.LiveTable::rowSecurity)
        .map(t -> t.table().qualifiedName()).toList();
    if (!hidden.isEmpty()) {
      throw new CliException("align counts the rows that a conversion would reject, but row-level security hides"
          + " rows of " + String.join(", ", hidden) + " from this role; connect as the schema owner with BYPASSRLS,"
          + " or as a superuser");
    }
  }

  private static Optional<Column> column(Schema model, String subject) {
    int dot = subject.lastIndexOf('.');
    if (dot < 0 || subject.indexOf('.') == dot) {
      return Optional.empty();
    }
    return model.table(tableOf(subject)).flatMap(t -> t.column(subject.substring(dot + 1)));
  }

  private static QualifiedName tableOf(String subject) {
    String[] parts = subject.split("\\.", 3);
    return new QualifiedName(parts[0], parts[1]);
  }
}
