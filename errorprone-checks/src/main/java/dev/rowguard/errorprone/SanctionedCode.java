package dev.rowguard.errorprone;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Attribute;
import com.sun.tools.javac.code.Symbol;
import java.util.Map;
import java.util.Optional;

/**
 * Where raw SQL is allowed: Rowguard-generated code, code annotated {@code @AllowRawSql("reason")} with a
 * non-blank reason, and the packages named by {@code -XepOpt:RawSql:AllowedPackages}.
 */
final class SanctionedCode {
  static final String ALLOW_RAW_SQL = "dev.rowguard.annotations.AllowRawSql";
  static final String SQL_QUERY = "dev.rowguard.annotations.SqlQuery";
  static final String GENERATED = "javax.annotation.processing.Generated";
  static final String ROWGUARD_GENERATOR_PREFIX = "dev.rowguard";

  private SanctionedCode() {}

  /** Whether the code at {@code state}'s path may hand SQL to the database directly. */
  static boolean isSanctioned(VisitorState state, ImmutableSet<String> allowedPackages) {
    for (TreePath path = state.getPath(); path != null; path = path.getParentPath()) {
      Tree tree = path.getLeaf();
      if (tree instanceof MethodTree || tree instanceof ClassTree) {
        Symbol symbol = ASTHelpers.getSymbol(tree);
        if (symbol != null && (hasReason(symbol) || (tree instanceof ClassTree && isRowguardGenerated(symbol)))) {
          return true;
        }
      }
    }
    ExpressionTree packageName = state.getPath().getCompilationUnit().getPackageName();
    String name = packageName == null ? "" : state.getSourceForNode(packageName);
    return allowedPackages.stream().anyMatch(p -> name.equals(p) || name.startsWith(p + "."));
  }

  /**
   * Whether the code at {@code state}'s path is in a class Rowguard's processor generated (its repositories,
   * whose only non-constant SQL appends ORDER BY terms taken from a fixed list of columns).
   */
  static boolean isInRowguardGeneratedClass(VisitorState state) {
    for (TreePath path = state.getPath(); path != null; path = path.getParentPath()) {
      if (path.getLeaf() instanceof ClassTree) {
        Symbol symbol = ASTHelpers.getSymbol(path.getLeaf());
        if (symbol != null && isRowguardGenerated(symbol)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean hasReason(Symbol symbol) {
    return annotationStrings(symbol, ALLOW_RAW_SQL, "value")
        .map(values -> values.stream().anyMatch(v -> !v.isBlank()))
        .orElse(false);
  }

  private static boolean isRowguardGenerated(Symbol symbol) {
    return annotationStrings(symbol, GENERATED, "value")
        .map(values -> values.stream().anyMatch(v -> v.startsWith(ROWGUARD_GENERATOR_PREFIX)))
        .orElse(false);
  }

  /**
   * The string values of {@code element} of annotation {@code annotation} on {@code symbol}; empty when the
   * symbol is not so annotated, an empty list when the element is absent.
   */
  static Optional<ImmutableList<String>> annotationStrings(Symbol symbol, String annotation, String element) {
    for (Attribute.Compound compound : symbol.getAnnotationMirrors()) {
      if (!compound.type.tsym.getQualifiedName().contentEquals(annotation)) {
        continue;
      }
      ImmutableList.Builder<String> values = ImmutableList.builder();
      for (Map.Entry<Symbol.MethodSymbol, Attribute> entry : compound.getElementValues().entrySet()) {
        if (entry.getKey().getSimpleName().contentEquals(element)) {
          addStrings(entry.getValue(), values);
        }
      }
      return Optional.of(values.build());
    }
    return Optional.empty();
  }

  private static void addStrings(Attribute attribute, ImmutableList.Builder<String> values) {
    if (attribute instanceof Attribute.Array array) {
      for (Attribute value : array.values) {
        addStrings(value, values);
      }
    } else if (attribute.getValue() instanceof String value) {
      values.add(value);
    }
  }
}
