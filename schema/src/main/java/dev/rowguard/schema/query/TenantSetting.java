package dev.rowguard.schema.query;

import dev.rowguard.schema.TenantKeyColumn;
import java.util.Locale;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;

/**
 * The one form of the bound tenant that restricts a tenant key: {@code current_setting('<the key's setting>')},
 * optionally with a literal {@code true} or {@code false} as second argument and a cast to the key's own type.
 * It fails closed: with no tenant bound the setting is missing (an error) or empty or NULL (no row matches).
 * Anything around it ({@code COALESCE}, {@code NULLIF}, {@code CASE}, a sub-select) could substitute another
 * value when no tenant is bound, or a value the SQL itself chose, so it does not count.
 */
final class TenantSetting {
  private TenantSetting() {}

  /** Whether {@code expression} is the strict form for {@code key}. */
  static boolean isStrict(Expression expression, TenantKeyColumn key) {
    Expression current = withoutParentheses(expression);
    if (current instanceof CastExpression cast) {
      if (!sameType(cast.getColDataType().toString(), key.sqlType())) {
        return false;
      }
      current = withoutParentheses(cast.getLeftExpression());
    }
    if (!(current instanceof Function function) || !isCurrentSetting(function.getName())
        || function.getParameters() == null) {
      return false;
    }
    ExpressionList<?> arguments = function.getParameters();
    if (arguments.isEmpty() || arguments.size() > 2
        || !(arguments.get(0) instanceof StringValue name)
        || !name.getValue().equalsIgnoreCase(key.setting())) {
      return false;
    }
    if (arguments.size() == 2) {
      String missingOk = arguments.get(1).toString().toLowerCase(Locale.ROOT);
      return missingOk.equals("true") || missingOk.equals("false");
    }
    return true;
  }

  private static boolean isCurrentSetting(String name) {
    if (name == null) {
      return false;
    }
    String folded = name.toLowerCase(Locale.ROOT);
    return folded.equals("current_setting") || folded.equals("pg_catalog.current_setting");
  }

  private static boolean sameType(String written, String keyType) {
    return normalize(written).equals(normalize(keyType));
  }

  private static String normalize(String type) {
    String t = type.toLowerCase(Locale.ROOT).replace(" ", "").replace("pg_catalog.", "");
    return switch (t) {
      case "int8" -> "bigint";
      case "int", "int4" -> "integer";
      case "int2" -> "smallint";
      case "charactervarying" -> "varchar";
      default -> t;
    };
  }

  private static Expression withoutParentheses(Expression expression) {
    Expression current = expression;
    while (current instanceof ParenthesedExpressionList<?> list && list.size() == 1) {
      current = list.get(0);
    }
    return current;
  }
}
