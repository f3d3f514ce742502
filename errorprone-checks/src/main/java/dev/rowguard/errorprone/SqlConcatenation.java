package dev.rowguard.errorprone;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;
import static com.google.errorprone.matchers.Matchers.anyOf;
import static com.google.errorprone.matchers.method.MethodMatchers.instanceMethod;
import static com.google.errorprone.matchers.method.MethodMatchers.staticMethod;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.util.ASTHelpers;
import com.google.errorprone.util.SourceCodeEscapers;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.TypeTag;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Reports SQL text that is not a constant at a database API, sanctioned code included: values concatenated
 * into SQL are the classic injection.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary = "Pass values to SQL as bind parameters instead of building the SQL text from them",
    severity = ERROR,
    linkType = CUSTOM,
    link = Docs.CHECKS + "SqlConcatenation.md")
public final class SqlConcatenation extends BugChecker implements MethodInvocationTreeMatcher {
  private static final long serialVersionUID = 1L;

  private static final Matcher<ExpressionTree> FORMAT =
      anyOf(
          staticMethod().onClass("java.lang.String").named("format"),
          instanceMethod().onExactClass("java.lang.String").named("formatted"));
  private static final Matcher<ExpressionTree> CONCAT =
      instanceMethod().onExactClass("java.lang.String").named("concat");
  private static final Matcher<ExpressionTree> BUILDER_TO_STRING =
      instanceMethod()
          .onDescendantOfAny("java.lang.StringBuilder", "java.lang.StringBuffer")
          .named("toString");

  /** SQL text that may precede a bound value: a comparison, an opening parenthesis or a list comma. */
  private static final Pattern BEFORE_VALUE = Pattern.compile("(=|<>|!=|<|>|<=|>=|\\(|,)\\s*$");

  @Override
  public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    if (!SqlSinks.SINK.matches(tree, state)) {
      return Description.NO_MATCH;
    }
    for (ExpressionTree argument : SqlSinks.sqlArguments(tree, state)) {
      if (!SqlConstants.isConstant(argument, state)) {
        Description.Builder description =
            buildDescription(argument)
                .setMessage("SQL handed to " + SqlSinks.describe(tree) + " is " + how(argument, state)
                    + "; write the SQL as a constant and pass values as bind parameters (`?`, `:name`)");
        bindParameterFix(tree, argument, state).ifPresent(description::addFix);
        return description.build();
      }
    }
    return Description.NO_MATCH;
  }

  private static String how(ExpressionTree argument, VisitorState state) {
    ExpressionTree expression = ASTHelpers.stripParentheses(argument);
    if (expression.getKind() == Tree.Kind.PLUS) {
      return "built with +";
    }
    if (FORMAT.matches(expression, state)) {
      return "built with String.format/formatted";
    }
    if (CONCAT.matches(expression, state)) {
      return "built with String.concat";
    }
    if (BUILDER_TO_STRING.matches(expression, state)) {
      return "built with a StringBuilder";
    }
    return "not a constant";
  }

  /**
   * Moves concatenated integral values into bind parameters, where that keeps behaviour: only for APIs that
   * take the bind values in the same call (trailing {@code Object...}, none passed yet: Spring's
   * {@code JdbcOperations}, jOOQ's plain SQL) and only for integral values placed after a comparison, an
   * opening parenthesis or a comma outside a quoted literal. JDBC's {@code prepareStatement} binds values in
   * later calls, so no fix is offered there.
   */
  private static Optional<SuggestedFix> bindParameterFix(
      MethodInvocationTree tree, ExpressionTree argument, VisitorState state) {
    MethodSymbol method = ASTHelpers.getSymbol(tree);
    OptionalInt sqlIndex = SqlSinks.sqlParameter(tree, state);
    int parameters = method.getParameters().size();
    if (!method.isVarArgs()
        || sqlIndex.isEmpty()
        || sqlIndex.getAsInt() >= parameters - 1
        || tree.getArguments().size() != parameters - 1
        || tree.getArguments().get(sqlIndex.getAsInt()) != argument) {
      return Optional.empty();
    }
    Type varargs = state.getTypes().elemtype(method.getParameters().get(parameters - 1).asType());
    if (varargs == null || !ASTHelpers.isSameType(varargs, state.getSymtab().objectType, state)) {
      return Optional.empty();
    }
    List<ExpressionTree> operands = new ArrayList<>();
    flattenPlus(ASTHelpers.stripParentheses(argument), operands, state);
    StringBuilder sql = new StringBuilder();
    List<String> values = new ArrayList<>();
    for (ExpressionTree operand : operands) {
      Optional<String> constant = SqlConstants.value(operand, state);
      if (constant.isPresent()) {
        sql.append(constant.get());
        continue;
      }
      if (!isIntegral(ASTHelpers.getType(operand), state)
          || !BEFORE_VALUE.matcher(sql).find()
          || insideQuotes(sql)) {
        return Optional.empty();
      }
      sql.append('?');
      values.add(state.getSourceForNode(operand));
    }
    if (values.isEmpty()) {
      return Optional.empty();
    }
    String literal = "\"" + SourceCodeEscapers.javaCharEscaper().escape(sql.toString()) + "\"";
    return Optional.of(
        SuggestedFix.builder()
            .replace(argument, literal)
            .postfixWith(tree.getArguments().get(tree.getArguments().size() - 1), ", " + String.join(", ", values))
            .setShortDescription("Bind the concatenated values as parameters")
            .build());
  }

  private static void flattenPlus(ExpressionTree expression, List<ExpressionTree> into, VisitorState state) {
    if (expression.getKind() == Tree.Kind.PLUS
        && ASTHelpers.constValue(expression) == null
        && ASTHelpers.isSameType(ASTHelpers.getType(expression), state.getSymtab().stringType, state)) {
      BinaryTree binary = (BinaryTree) expression;
      flattenPlus(ASTHelpers.stripParentheses(binary.getLeftOperand()), into, state);
      flattenPlus(ASTHelpers.stripParentheses(binary.getRightOperand()), into, state);
    } else {
      into.add(expression);
    }
  }

  private static boolean isIntegral(Type type, VisitorState state) {
    if (type == null) {
      return false;
    }
    Type unboxed = state.getTypes().unboxedTypeOrType(type);
    return unboxed.getTag() == TypeTag.INT || unboxed.getTag() == TypeTag.LONG
        || unboxed.getTag() == TypeTag.SHORT || unboxed.getTag() == TypeTag.BYTE;
  }

  private static boolean insideQuotes(CharSequence sql) {
    return sql.chars().filter(c -> c == '\'').count() % 2 == 1;
  }
}
