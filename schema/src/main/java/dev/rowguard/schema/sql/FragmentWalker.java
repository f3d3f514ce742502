package dev.rowguard.schema.sql;

import dev.rowguard.schema.sql.FragmentProblem.Kind;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.JdbcNamedParameter;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.JsonAggregateFunction;
import net.sf.jsqlparser.expression.UserVariable;
import net.sf.jsqlparser.expression.operators.relational.ExistsExpression;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.Select;

/** Walks a parsed fragment for the first thing its {@link FragmentRules} refuse. */
final class FragmentWalker extends ExpressionVisitorAdapter<Void> {
  private static final Set<String> QUANTIFIERS = Set.of("any", "some", "all");
  private final FragmentRules rules;
  private FragmentProblem problem;

  private FragmentWalker(FragmentRules rules) {
    this.rules = rules;
  }

  static Optional<FragmentProblem> problem(Expression expression, FragmentRules rules) {
    FragmentWalker walker = new FragmentWalker(rules);
    expression.accept(walker, null);
    return Optional.ofNullable(walker.problem);
  }

  @Override
  public <S> Void visit(Column column, S context) {
    String name = column.getColumnName();
    boolean quoted = name.startsWith("\"");
    String folded = quoted ? name.substring(1, name.length() - 1).replace("\"\"", "\"") : name.toLowerCase(Locale.ROOT);
    if (column.getTable() != null && column.getTable().getFullyQualifiedName() != null
        && !column.getTable().getFullyQualifiedName().isEmpty()) {
      report(Kind.COLUMN_REFERENCE, "'" + column + "' names another table's column; a " + rules.place()
          + " may name " + (rules.columns().isEmpty() ? "no column" : "only columns of its own table, unqualified"));
    } else if (!quoted && FragmentFunctions.VALUE_KEYWORDS.contains(folded)) {
      return null;
    } else if (rules.columns().isEmpty()) {
      report(Kind.COLUMN_REFERENCE, "it refers to column '" + name + "'; a " + rules.place()
          + " expression cannot refer to columns");
    } else if (!rules.columns().contains(folded)) {
      report(Kind.COLUMN_REFERENCE, "'" + name + "' is not a column of this table (columns: "
          + rules.columns().stream().sorted().toList() + ")");
    }
    return null;
  }

  @Override
  public <S> Void visit(Function function, S context) {
    String name = unqualified(function.getName());
    // JSqlParser reads "= ANY (array)" as a call of ANY; other reserved words are never functions.
    if (!QUANTIFIERS.contains(name)
        && PostgresKeywords.instance().category(name).filter(c -> c == PostgresKeywords.Category.RESERVED).isPresent()) {
      report(Kind.NOT_ONE_EXPRESSION, "'" + function.getName() + "' is a reserved word of PostgreSQL, not a function");
    } else if (function.getChainedParameters() != null) {
      report(Kind.NOT_ONE_EXPRESSION, "'" + function + "' calls the result of a call");
    } else if (FragmentFunctions.AGGREGATE_OR_WINDOW.contains(name)) {
      report(Kind.AGGREGATE_OR_WINDOW, "it calls the aggregate or window function " + name + "()");
    } else if (FragmentFunctions.SET_RETURNING.contains(name)) {
      report(Kind.SET_RETURNING, "it calls the set-returning function " + name + "()");
    } else if (ForbiddenFunctions.contains(name) || FragmentFunctions.SIDE_EFFECT.contains(name)) {
      report(Kind.SIDE_EFFECT, "it calls " + name + "(), which changes the session or the server instead of "
          + "computing a value (set_config could switch the bound tenant)");
    }
    return super.visit(function, context);
  }

  /** A list stands where one value belongs: PostgreSQL would read it as a row, which no CHECK or DEFAULT wants. */
  @Override
  public <S> Void visit(ExpressionList<? extends Expression> list, S context) {
    if (list.size() != 1) {
      report(Kind.NOT_ONE_EXPRESSION, "it holds the list '" + list + "' where one value belongs");
    }
    return super.visit(list, context);
  }

  /** The right side of IN is the one place a list belongs. */
  @Override
  public <S> Void visit(InExpression in, S context) {
    in.getLeftExpression().accept(this, context);
    if (in.getRightExpression() instanceof ExpressionList<?> values) {
      values.forEach(value -> value.accept(this, context));
    } else {
      in.getRightExpression().accept(this, context);
    }
    return null;
  }

  @Override
  public <S> Void visit(AnalyticExpression expression, S context) {
    report(Kind.AGGREGATE_OR_WINDOW, "it calls the aggregate or window function " + expression.getName() + "()");
    return null;
  }

  @Override
  public <S> Void visit(JsonAggregateFunction expression, S context) {
    report(Kind.AGGREGATE_OR_WINDOW, "it calls a JSON aggregate function");
    return null;
  }

  @Override
  public <S> Void visit(ParenthesedSelect select, S context) {
    report(Kind.SUBQUERY, "it contains a subquery");
    return null;
  }

  @Override
  public <S> Void visit(Select select, S context) {
    report(Kind.SUBQUERY, "it contains a subquery");
    return null;
  }

  @Override
  public <S> Void visit(ExistsExpression exists, S context) {
    report(Kind.SUBQUERY, "it contains a subquery (EXISTS)");
    return null;
  }

  @Override
  public <S> Void visit(JdbcParameter parameter, S context) {
    report(Kind.PARAMETER, "it contains the parameter '" + parameter + "'; DDL has no parameters");
    return null;
  }

  @Override
  public <S> Void visit(JdbcNamedParameter parameter, S context) {
    report(Kind.PARAMETER, "it contains the parameter '" + parameter + "'; DDL has no parameters");
    return null;
  }

  @Override
  public <S> Void visit(UserVariable variable, S context) {
    report(Kind.PARAMETER, "it contains the variable '" + variable + "'; DDL has no variables");
    return null;
  }

  private void report(Kind kind, String detail) {
    if (problem == null) {
      problem = new FragmentProblem(kind, detail);
    }
  }

  private static String unqualified(String name) {
    String last = name == null ? "" : name.substring(name.lastIndexOf('.') + 1);
    return last.startsWith("\"") ? last.substring(1, last.length() - 1) : last.toLowerCase(Locale.ROOT);
  }
}
