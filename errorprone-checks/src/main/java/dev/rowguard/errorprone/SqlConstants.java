package dev.rowguard.errorprone;

import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.CompileTimeConstantExpressionMatcher;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import java.util.Optional;
import javax.lang.model.element.ElementKind;

/**
 * What counts as constant SQL: what javac folds ({@code static final} strings, numbers, literals; {@link
 * CompileTimeConstantExpressionMatcher}), plus effectively final local variables initialized with constant
 * SQL, enum constants and their {@code name()}, {@code +} of those, and {@link ConstantTemplates constant
 * templates} applied to them. None of them can carry input.
 */
final class SqlConstants {
  private static final Matcher<ExpressionTree> COMPILE_TIME_CONSTANT = CompileTimeConstantExpressionMatcher.instance();
  private static final int MAX_DEPTH = 8;

  private SqlConstants() {}

  /** Whether {@code tree} is constant SQL text. */
  static boolean isConstant(ExpressionTree tree, VisitorState state) {
    return COMPILE_TIME_CONSTANT.matches(tree, state) || value(tree, state).isPresent();
  }

  /** The SQL text of {@code tree} when it is constant; empty otherwise. */
  static Optional<String> value(ExpressionTree tree, VisitorState state) {
    return value(tree, state, 0);
  }

  private static Optional<String> value(ExpressionTree tree, VisitorState state, int depth) {
    if (depth > MAX_DEPTH) {
      return Optional.empty();
    }
    ExpressionTree expression = ASTHelpers.stripParentheses(tree);
    Object constant = ASTHelpers.constValue(expression);
    if (constant != null) {
      return Optional.of(constant instanceof Character || constant instanceof String
          ? constant.toString()
          : String.valueOf(constant));
    }
    if (expression instanceof BinaryTree binary
        && expression.getKind() == Tree.Kind.PLUS
        && ASTHelpers.isSameType(ASTHelpers.getType(expression), state.getSymtab().stringType, state)) {
      Optional<String> left = value(binary.getLeftOperand(), state, depth + 1);
      Optional<String> right = value(binary.getRightOperand(), state, depth + 1);
      return left.isPresent() && right.isPresent() ? Optional.of(left.get() + right.get()) : Optional.empty();
    }
    Symbol symbol = ASTHelpers.getSymbol(expression);
    if (symbol != null && symbol.getKind() == ElementKind.ENUM_CONSTANT
        && (expression instanceof IdentifierTree || expression instanceof MemberSelectTree)) {
      return Optional.of(symbol.getSimpleName().toString());
    }
    if (expression instanceof MethodInvocationTree invocation
        && invocation.getArguments().isEmpty()
        && symbol != null
        && symbol.getSimpleName().contentEquals("name")
        && symbol.owner.getQualifiedName().contentEquals("java.lang.Enum")) {
      ExpressionTree receiver = ASTHelpers.getReceiver(invocation);
      Symbol receiverSymbol = receiver == null ? null : ASTHelpers.getSymbol(receiver);
      if (receiverSymbol != null && receiverSymbol.getKind() == ElementKind.ENUM_CONSTANT) {
        return Optional.of(receiverSymbol.getSimpleName().toString());
      }
    }
    if (expression instanceof IdentifierTree
        && symbol instanceof VarSymbol variable
        && symbol.getKind() == ElementKind.LOCAL_VARIABLE
        && ASTHelpers.isConsideredFinal(variable)) {
      return initializer(variable, state).flatMap(init -> value(init, state, depth + 1));
    }
    if (expression instanceof MethodInvocationTree invocation) {
      return ConstantTemplates.value(invocation, state, argument -> value(argument, state, depth + 1));
    }
    return Optional.empty();
  }

  /** The initializer of an effectively final local variable, found in the enclosing method or lambda. */
  private static Optional<ExpressionTree> initializer(VarSymbol variable, VisitorState state) {
    Tree scope = null;
    for (TreePath path = state.getPath(); path != null; path = path.getParentPath()) {
      Tree leaf = path.getLeaf();
      if (leaf instanceof MethodTree || leaf instanceof LambdaExpressionTree
          || (leaf instanceof BlockTree && path.getParentPath().getLeaf() instanceof ClassTree)) {
        scope = leaf;
      }
      if (leaf instanceof ClassTree) {
        break;
      }
    }
    if (scope == null) {
      return Optional.empty();
    }
    ExpressionTree[] found = new ExpressionTree[1];
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree tree, Void unused) {
        if (ASTHelpers.getSymbol(tree) == variable) {
          found[0] = tree.getInitializer();
        }
        return super.visitVariable(tree, null);
      }
    }.scan(scope, null);
    return Optional.ofNullable(found[0]);
  }
}
