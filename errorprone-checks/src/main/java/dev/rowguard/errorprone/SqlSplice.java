package dev.rowguard.errorprone;

import static com.google.errorprone.matchers.Matchers.anyOf;
import static com.google.errorprone.matchers.method.MethodMatchers.instanceMethod;
import static com.google.errorprone.matchers.method.MethodMatchers.staticMethod;

import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The first part of non-constant SQL text that is not a constant, and what it stands for in the SQL: a name
 * (table, schema, column), which cannot be bound, or a value, which can.
 *
 * @param operand the part that is not a constant; the whole text when it is not built from parts
 * @param kind what the part stands for, judged from the constant SQL around it
 * @param how how the text is built, for messages ({@code built with +})
 */
record SqlSplice(ExpressionTree operand, Kind kind, String how) {
  enum Kind {
    /** A table, schema or column name: after FROM, JOIN, INTO, UPDATE, TABLE, ORDER BY, or before a dot. */
    IDENTIFIER,
    /** A value: anywhere else in the text. */
    VALUE,
    /** The whole text is one non-constant value (a parameter, a field, a method result). */
    WHOLE
  }

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
  private static final Matcher<ExpressionTree> BUILDER_APPEND =
      instanceMethod()
          .onDescendantOfAny("java.lang.StringBuilder", "java.lang.StringBuffer")
          .named("append");

  /** SQL after which a name follows; a dot before the part makes it a column or table of a schema. */
  private static final Pattern NAME_BEFORE = Pattern.compile(
      "(?is)(?:\\b(?:from|join|into|update|table|truncate|only|order\\s+by|group\\s+by)\\s+|\\.)\"?$");
  /** A dot after the part makes it a schema (or table) qualifier. */
  private static final Pattern NAME_AFTER = Pattern.compile("^\"?\\.");
  private static final Pattern FORMAT_SPECIFIER = Pattern.compile("%(?:\\d+\\$)?[-#+ 0,(<]*\\d*(?:\\.\\d+)?([a-zA-Z%])");

  /** The splice of {@code argument}, which is not a constant. */
  static SqlSplice of(ExpressionTree argument, VisitorState state) {
    ExpressionTree expression = ASTHelpers.stripParentheses(argument);
    List<ExpressionTree> parts = new ArrayList<>();
    String how;
    if (expression.getKind() == Tree.Kind.PLUS) {
      flattenPlus(expression, parts, state);
      how = "built with +";
    } else if (FORMAT.matches(expression, state)) {
      return format((MethodInvocationTree) expression, state);
    } else if (CONCAT.matches(expression, state)) {
      parts.add(ASTHelpers.getReceiver(expression));
      parts.addAll(((MethodInvocationTree) expression).getArguments());
      how = "built with String.concat";
    } else if (BUILDER_TO_STRING.matches(expression, state)
        && builderParts(ASTHelpers.getReceiver(expression), parts, state)) {
      how = "built with a StringBuilder";
    } else {
      return new SqlSplice(
          expression, Kind.WHOLE, BUILDER_TO_STRING.matches(expression, state) ? "built with a StringBuilder" : "not a constant");
    }
    StringBuilder before = new StringBuilder();
    for (int i = 0; i < parts.size(); i++) {
      ExpressionTree part = parts.get(i);
      if (SqlConstants.isConstant(part, state)) {
        before.append(SqlConstants.value(part, state).orElse("?"));
        continue;
      }
      String after = i + 1 < parts.size() ? SqlConstants.value(parts.get(i + 1), state).orElse("") : "";
      // Nothing constant before it: the part is the statement itself (`sql + " LIMIT 10"`).
      return new SqlSplice(part, before.isEmpty() ? Kind.WHOLE : classify(before, after), how);
    }
    return new SqlSplice(expression, Kind.WHOLE, how);
  }

  /** {@code String.format(sql, args…)}, {@code sql.formatted(args…)}: the argument of each specifier. */
  private static SqlSplice format(MethodInvocationTree call, VisitorState state) {
    String how = "built with String.format/formatted";
    List<ExpressionTree> arguments = new ArrayList<>(call.getArguments());
    ExpressionTree template;
    if (ASTHelpers.getSymbol(call).isStatic()) {
      if (!arguments.isEmpty()
          && !ASTHelpers.isSameType(ASTHelpers.getType(arguments.get(0)), state.getSymtab().stringType, state)) {
        arguments.remove(0); // the Locale
      }
      if (arguments.isEmpty()) {
        return new SqlSplice(call, Kind.WHOLE, how);
      }
      template = arguments.remove(0);
    } else {
      template = ASTHelpers.getReceiver(call);
    }
    Optional<String> text = SqlConstants.value(template, state);
    if (text.isEmpty()) {
      return new SqlSplice(template, Kind.WHOLE, how);
    }
    java.util.regex.Matcher specifier = FORMAT_SPECIFIER.matcher(text.get());
    StringBuilder before = new StringBuilder();
    int index = 0;
    int end = 0;
    while (specifier.find()) {
      before.append(text.get(), end, specifier.start());
      end = specifier.end();
      if (specifier.group(1).equals("%") || specifier.group(1).equals("n")) {
        continue;
      }
      if (index < arguments.size() && !SqlConstants.isConstant(arguments.get(index), state)) {
        String after = text.get().substring(end);
        return new SqlSplice(arguments.get(index), classify(before, after), how);
      }
      before.append('?');
      index++;
    }
    return new SqlSplice(call, Kind.WHOLE, how);
  }

  /** The parts of {@code new StringBuilder(a).append(b)…}; false when the chain starts elsewhere. */
  private static boolean builderParts(ExpressionTree receiver, List<ExpressionTree> parts, VisitorState state) {
    ExpressionTree expression = ASTHelpers.stripParentheses(receiver);
    if (BUILDER_APPEND.matches(expression, state)
        && ((MethodInvocationTree) expression).getArguments().size() == 1
        && builderParts(ASTHelpers.getReceiver(expression), parts, state)) {
      parts.add(((MethodInvocationTree) expression).getArguments().get(0));
      return true;
    }
    if (expression instanceof NewClassTree creation) {
      for (ExpressionTree argument : creation.getArguments()) {
        if (ASTHelpers.isSameType(ASTHelpers.getType(argument), state.getSymtab().stringType, state)) {
          parts.add(argument);
        }
      }
      return true;
    }
    return false;
  }

  private static Kind classify(CharSequence before, String after) {
    String text = before.toString().stripTrailing();
    boolean inLiteral = text.chars().filter(c -> c == '\'').count() % 2 == 1;
    if (!inLiteral && (NAME_BEFORE.matcher(before).find() || NAME_BEFORE.matcher(text + " ").find()
        || NAME_AFTER.matcher(after).find())) {
      return Kind.IDENTIFIER;
    }
    return Kind.VALUE;
  }

  /** The operands of a non-constant {@code +} chain of strings, left to right. */
  static void flattenPlus(ExpressionTree expression, List<ExpressionTree> into, VisitorState state) {
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

  /** The part's source for messages, shortened when long. */
  String source(VisitorState state) {
    String source = state.getSourceForNode(operand);
    if (source == null) {
      return operand.toString();
    }
    source = source.replaceAll("\\s+", " ");
    return source.length() > 60 ? source.substring(0, 57) + "…" : source;
  }
}
