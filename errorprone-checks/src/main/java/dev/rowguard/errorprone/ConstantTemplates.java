package dev.rowguard.errorprone;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IllegalFormatException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * SQL built by a helper that only inserts constants: a method of the compilation that cannot be overridden
 * (static, private or final) whose body is one {@code return} of its parameters and constants joined with
 * {@code +}, {@code String.format}/{@code formatted} or {@code replace} (e.g. {@code rtp(String sql, String
 * prefix) { return sql.replace("{prefix}", prefix); }}). A call whose arguments are all constant SQL is then
 * constant too: its text is the helper's result, computed here, and the SQL is checked like any other
 * constant.
 */
final class ConstantTemplates {
  private ConstantTemplates() {}

  /** The text {@code call} returns when it is a constant template applied to constants; empty otherwise. */
  static Optional<String> value(
      MethodInvocationTree call, VisitorState state, Function<ExpressionTree, Optional<String>> argument) {
    MethodSymbol method = ASTHelpers.getSymbol(call);
    if (method == null
        || !ASTHelpers.isSameType(method.getReturnType(), state.getSymtab().stringType, state)
        || ((method.flags() & (Flags.STATIC | Flags.PRIVATE | Flags.FINAL)) == 0
            && (method.owner.flags() & Flags.FINAL) == 0)) {
      return Optional.empty();
    }
    MethodTree declaration = MethodDeclarations.of(state).declaration(method);
    BlockTree body = declaration == null ? null : declaration.getBody();
    if (body == null
        || body.getStatements().size() != 1
        || !(body.getStatements().get(0) instanceof ReturnTree returned)
        || returned.getExpression() == null) {
      return Optional.empty();
    }
    Map<Symbol, String> arguments = new HashMap<>();
    List<? extends ExpressionTree> actual = call.getArguments();
    if (method.isVarArgs() || actual.size() != method.getParameters().size()) {
      return Optional.empty();
    }
    for (int i = 0; i < actual.size(); i++) {
      Optional<String> value = argument.apply(actual.get(i));
      if (value.isEmpty()) {
        return Optional.empty();
      }
      arguments.put(method.getParameters().get(i), value.get());
    }
    return evaluate(returned.getExpression(), arguments, state);
  }

  private static Optional<String> evaluate(ExpressionTree tree, Map<Symbol, String> arguments, VisitorState state) {
    ExpressionTree expression = ASTHelpers.stripParentheses(tree);
    Object constant = ASTHelpers.constValue(expression);
    if (constant != null) {
      return Optional.of(String.valueOf(constant));
    }
    if (expression instanceof IdentifierTree identifier) {
      return Optional.ofNullable(arguments.get(ASTHelpers.getSymbol(identifier)));
    }
    if (expression instanceof BinaryTree binary && expression.getKind() == Tree.Kind.PLUS) {
      Optional<String> left = evaluate(binary.getLeftOperand(), arguments, state);
      Optional<String> right = evaluate(binary.getRightOperand(), arguments, state);
      return left.isPresent() && right.isPresent() ? Optional.of(left.get() + right.get()) : Optional.empty();
    }
    if (expression instanceof MethodInvocationTree call) {
      MethodSymbol method = ASTHelpers.getSymbol(call);
      if (method == null || !method.owner.getQualifiedName().contentEquals("java.lang.String")) {
        return Optional.empty();
      }
      List<String> values = new ArrayList<>();
      for (ExpressionTree argument : call.getArguments()) {
        Optional<String> value = evaluate(argument, arguments, state);
        if (value.isEmpty()) {
          return Optional.empty();
        }
        values.add(value.get());
      }
      ExpressionTree receiver = ASTHelpers.getReceiver(call);
      Optional<String> self = method.isStatic() || receiver == null
          ? Optional.of("")
          : evaluate(receiver, arguments, state);
      if (self.isEmpty()) {
        return Optional.empty();
      }
      String name = method.getSimpleName().toString();
      try {
        switch (name) {
          case "format":
            return method.isStatic() && !values.isEmpty() && call.getArguments().size() == values.size()
                ? Optional.of(String.format(Locale.ROOT, values.get(0), values.subList(1, values.size()).toArray()))
                : Optional.empty();
          case "formatted":
            return Optional.of(String.format(Locale.ROOT, self.get(), values.toArray()));
          case "replace":
            return values.size() == 2 ? Optional.of(self.get().replace(values.get(0), values.get(1))) : Optional.empty();
          case "concat":
            return values.size() == 1 ? Optional.of(self.get().concat(values.get(0))) : Optional.empty();
          default:
            return Optional.empty();
        }
      } catch (IllegalFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}
