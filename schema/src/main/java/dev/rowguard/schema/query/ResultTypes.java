package dev.rowguard.schema.query;

import java.util.Locale;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;

/** The PostgreSQL type of a select-list expression that is not a plain column, where it is evident. */
final class ResultTypes {
  private ResultTypes() {}

  /** The type of a cast, {@code bigint} for {@code count(…)}; {@code null} when not evident. */
  static String sqlType(Expression expression) {
    if (expression instanceof ParenthesedExpressionList<?> list && list.size() == 1) {
      return sqlType(list.get(0));
    }
    if (expression instanceof CastExpression cast && cast.getColDataType() != null) {
      return cast.getColDataType().toString().toLowerCase(Locale.ROOT);
    }
    if (expression instanceof Function function && function.getName() != null
        && function.getName().equalsIgnoreCase("count")) {
      return "bigint";
    }
    return null;
  }
}
