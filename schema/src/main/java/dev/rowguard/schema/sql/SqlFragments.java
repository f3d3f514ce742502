package dev.rowguard.schema.sql;

import dev.rowguard.schema.sql.FragmentProblem.Kind;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.expression.BooleanValue;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.TimeKeyExpression;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserConstants;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.Token;

/**
 * Decides whether an SQL fragment a user wrote in an annotation ({@code @Check}, {@code @ColumnDefault}) is
 * exactly one expression that PostgreSQL accepts in that place, so that pasting it into {@code schema.sql} can
 * never end the constraint, add a statement or hide text. A lexical pass first proves that the text stays
 * inside the parentheses it is put in (no {@code ;}, comments, dollar quotes or psql backslash commands outside
 * literals, balanced parentheses, terminated literals); JSqlParser then proves that all of it is one expression
 * and the expression is walked for what PostgreSQL refuses there.
 */
public final class SqlFragments {
  /** Deeper nesting is no real constraint and makes JSqlParser's backtracking slow. */
  static final int MAX_DEPTH = 16;

  private SqlFragments() {}

  /** The problem of a CHECK expression of a table with these (exact, case-folded) column names, if any. */
  public static Optional<FragmentProblem> checkProblem(String fragment, Set<String> columns) {
    return analyze(fragment, FragmentRules.check(columns));
  }

  /** The problem of a column DEFAULT expression, if any. */
  public static Optional<FragmentProblem> defaultProblem(String fragment) {
    return analyze(fragment, FragmentRules.columnDefault());
  }

  /**
   * A DEFAULT expression as it goes into DDL: as written when it is one self-delimiting term (a literal, a
   * function call, a cast of a literal), so that common defaults read naturally, otherwise in parentheses, so
   * that nothing after it can be read as a column constraint. Only for fragments without a problem.
   */
  public static String defaultClause(String fragment) {
    Expression expression = parse(fragment.strip());
    return isTerm(expression) ? fragment.strip() : "(" + fragment.strip() + ")";
  }

  private static Optional<FragmentProblem> analyze(String fragment, FragmentRules rules) {
    Optional<FragmentProblem> lexical = FragmentLexer.problem(fragment);
    if (lexical.isPresent()) {
      return lexical;
    }
    Expression expression;
    try {
      expression = parse(fragment.strip());
    } catch (IllegalArgumentException e) {
      return Optional.of(new FragmentProblem(Kind.NOT_ONE_EXPRESSION, e.getMessage()));
    }
    if (expression instanceof ExpressionList<?> list && list.size() != 1) {
      return Optional.of(new FragmentProblem(Kind.NOT_ONE_EXPRESSION,
          "it is a list of " + list.size() + " expressions, not one"));
    }
    return FragmentWalker.problem(expression, rules);
  }

  /**
   * The whole fragment as one expression. JSqlParser stops at the first token that does not continue an
   * expression, so the next token must be the end of the input.
   */
  private static Expression parse(String fragment) {
    Expression expression;
    Token next;
    CCJSqlParser parser = CCJSqlParserUtil.newParser(fragment).withAllowComplexParsing(true);
    try {
      expression = parser.Expression();
      next = parser.getNextToken();
    } catch (Exception | StackOverflowError e) {
      throw new IllegalArgumentException("it does not parse as an expression (" + firstLine(e) + ")");
    }
    if (expression == null) {
      throw new IllegalArgumentException("it does not parse as an expression");
    }
    if (next.kind != CCJSqlParserConstants.EOF) {
      throw new IllegalArgumentException("the expression ends before '" + next.image + "' (column "
          + next.beginColumn + "); the rest is not part of it");
    }
    return expression;
  }

  private static boolean isTerm(Expression expression) {
    if (expression instanceof CastExpression cast) {
      return isLiteral(cast.getLeftExpression());
    }
    return isLiteral(expression) || expression instanceof TimeKeyExpression
        || expression instanceof Function function && function.getKeep() == null;
  }

  private static boolean isLiteral(Expression expression) {
    return expression instanceof StringValue || expression instanceof LongValue
        || expression instanceof DoubleValue || expression instanceof NullValue
        || expression instanceof BooleanValue
        || expression instanceof SignedExpression signed && isLiteral(signed.getExpression());
  }

  private static String firstLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).strip().toLowerCase(Locale.ROOT);
  }
}
