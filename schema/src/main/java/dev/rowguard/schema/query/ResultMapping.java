package dev.rowguard.schema.query;

import dev.rowguard.schema.sql.Suggestions;
import dev.rowguard.schema.Column;
import dev.rowguard.schema.query.NativeQueryProblem.Kind;
import dev.rowguard.schema.sql.Identifiers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** Checks that the statement's result can fill what the method returns. */
final class ResultMapping {
  private ResultMapping() {}

  static List<NativeQueryProblem> check(ResultShape shape, StatementKind kind, References references, TypeFit fit) {
    List<NativeQueryProblem> problems = new ArrayList<>();
    String statement = kind.name();
    if (shape instanceof ResultShape.UpdateCount) {
      if (kind == StatementKind.SELECT) {
        problems.add(problem("the method returns an update count (int, long, boolean or void), but the statement"
            + " is a SELECT; return its rows (a List of an entity, record or value), or write an UPDATE or DELETE"));
      } else if (references.returning()) {
        problems.add(problem("the " + statement + " has a RETURNING clause, which yields rows, but the method"
            + " returns an update count; remove RETURNING, or return the rows"));
      }
      return problems;
    }
    if (kind != StatementKind.SELECT && !references.returning()) {
      problems.add(problem("the method returns rows, but the " + statement + " returns none; add RETURNING with"
          + " the columns to return, or declare the method to return int (the number of rows written)"));
      return problems;
    }
    List<ResultColumn> columns = references.resultColumns();
    boolean known = references.resultKnown();
    if (shape instanceof ResultShape.Rows rows) {
      Set<String> labels = labels(columns);
      List<String> missing = rows.entity().columns().stream()
          .map(Column::name)
          .filter(name -> !labels.contains(name))
          .toList();
      if (known && !missing.isEmpty()) {
        String entity = ParameterTypes.simpleName(rows.entity().entity());
        String table = rows.entity().name().name();
        String qualifier = references.resultQualifiers().getOrDefault(rows.entity().name(), table);
        problems.add(problem("the result has no column " + String.join(", ", missing) + " of " + table
            + ", which " + entity + " needs to be read; select " + qualifier + ".*, or add the missing columns"
            + " to the select list"));
      }
    } else if (shape instanceof ResultShape.Projection projection) {
      String record = ParameterTypes.simpleName(projection.javaType());
      for (ResultShape.Projection.Component component : projection.components()) {
        String label = Identifiers.snakeCase(component.javaName());
        ResultColumn column = columns.stream().filter(c -> label.equals(c.label())).findFirst().orElse(null);
        if (column == null) {
          if (known) {
            problems.add(problem(record + "." + component.javaName() + " has no result column labelled " + label
                + " (the result's labels: " + describe(columns) + "); add AS " + label
                + " to the select item that computes it"));
          }
        } else {
          typeFit(record + "." + component.javaName(), component.javaType(), column, fit, problems);
        }
      }
    } else if (shape instanceof ResultShape.Scalar scalar) {
      if (known && columns.size() != 1) {
        problems.add(problem("the method returns one " + scalar.javaType() + " per row, but the result has "
            + columns.size() + " columns (" + describe(columns) + "); select exactly one column"));
      } else if (columns.size() == 1) {
        typeFit("the method's " + scalar.javaType(), scalar.javaType(), columns.get(0), fit, problems);
      }
    }
    return problems;
  }

  private static void typeFit(
      String reader, String javaType, ResultColumn column, TypeFit fit, List<NativeQueryProblem> problems) {
    String columnJavaType = column.column() == null ? null : column.column().javaType();
    TypeFit.Verdict verdict = fit.fit(javaType, column.sqlType(), columnJavaType, TypeFit.Direction.READ);
    if (verdict == TypeFit.Verdict.DOES_NOT_FIT) {
      String name = column.label() == null ? "the result column" : "the result column " + column.label();
      problems.add(problem(reader + " (" + javaType + ") cannot be read from " + name + ", a "
          + column.sqlType().toLowerCase(Locale.ROOT) + "; declare it as "
          + (columnJavaType != null ? columnJavaType : "a type that fits " + column.sqlType())
          + ", or cast the column in the SQL"));
    }
  }

  private static Set<String> labels(List<ResultColumn> columns) {
    return columns.stream().map(ResultColumn::label).filter(Objects::nonNull).collect(Collectors.toSet());
  }

  /** {@code id, hostname, and 1 unnamed}. */
  private static String describe(List<ResultColumn> columns) {
    List<String> labels = columns.stream().map(ResultColumn::label).filter(Objects::nonNull).toList();
    long unnamed = columns.size() - labels.size();
    String named = Suggestions.list(labels);
    if (unnamed == 0) {
      return named.isEmpty() ? "none" : named;
    }
    String others = unnamed + " without a known name";
    return named.isEmpty() ? others : named + ", and " + others;
  }

  private static NativeQueryProblem problem(String detail) {
    return new NativeQueryProblem(Kind.RESULT_MAPPING, detail);
  }
}
