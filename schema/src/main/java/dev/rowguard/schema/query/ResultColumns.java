package dev.rowguard.schema.query;

import static dev.rowguard.schema.query.SqlNames.fold;
import static dev.rowguard.schema.query.SqlNames.foldOrNull;

import dev.rowguard.schema.Column;
import dev.rowguard.schema.QualifiedName;
import dev.rowguard.schema.query.QueryScope.Source;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * The result columns of a select list or RETURNING clause, {@code *} and {@code a.*} expanded from the model.
 *
 * @param columns the columns, in order
 * @param known whether every column is known: {@code *} over a subquery or CTE is not
 * @param qualifiers how the block qualifies each model table it reads: its alias, else its name
 */
record ResultColumns(List<ResultColumn> columns, boolean known, Map<QualifiedName, String> qualifiers) {
  static final ResultColumns NONE = new ResultColumns(List.of(), true, Map.of());

  ResultColumns {
    columns = List.copyOf(columns);
    qualifiers = Map.copyOf(qualifiers);
  }

  /** The result of a VALUES list, whose columns are not known. */
  static ResultColumns unknown() {
    return new ResultColumns(List.of(), false, Map.of());
  }

  /**
   * The columns of {@code items}, in the block whose FROM items are {@code scope}'s.
   *
   * @param resolved the model column a column reference was resolved to, or {@code null}
   */
  static ResultColumns of(
      List<SelectItem<?>> items, QueryScope scope, Function<net.sf.jsqlparser.schema.Column, Column> resolved) {
    Map<QualifiedName, String> qualifiers = new HashMap<>();
    for (Source source : scope.sources) {
      if (source.table() != null) {
        qualifiers.putIfAbsent(source.table().name(),
            source.writtenAlias() != null ? source.writtenAlias() : source.table().name().name());
      }
    }
    List<ResultColumn> columns = new ArrayList<>();
    boolean known = true;
    for (SelectItem<?> item : items) {
      Expression expression = item.getExpression();
      if (expression instanceof AllTableColumns all) {
        known &= expand(scope.find(fold(all.getTable().getName()), foldOrNull(all.getTable().getSchemaName())),
            columns);
      } else if (expression instanceof AllColumns) {
        for (Source source : scope.sources) {
          known &= expand(source, columns);
        }
      } else {
        Column column = expression instanceof net.sf.jsqlparser.schema.Column c ? resolved.apply(c) : null;
        columns.add(column != null
            ? new ResultColumn(label(item), column.sqlType(), column)
            : new ResultColumn(label(item), ResultTypes.sqlType(expression), null));
      }
    }
    return new ResultColumns(columns, known, qualifiers);
  }

  /** The alias, else a column's name; {@code null} for an expression (and the tag JSqlParser takes for a column). */
  private static String label(SelectItem<?> item) {
    if (item.getAlias() != null) {
      return fold(item.getAlias().getName());
    }
    return item.getExpression() instanceof net.sf.jsqlparser.schema.Column column
        && !column.getColumnName().startsWith("$") ? fold(column.getColumnName()) : null;
  }

  /** Adds the columns of {@code source}; whether they are known. */
  private static boolean expand(Source source, List<ResultColumn> into) {
    if (source == null || source.table() == null) {
      into.add(new ResultColumn(null, null, null));
      return false;
    }
    for (Column column : source.table().columns()) {
      into.add(new ResultColumn(column.name(), column.sqlType(), column));
    }
    return true;
  }
}
