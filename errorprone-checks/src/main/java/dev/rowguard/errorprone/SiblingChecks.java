package dev.rowguard.errorprone;

import com.google.errorprone.ErrorProneOptions;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import java.util.Optional;

/**
 * Whether another Rowguard check reports at the code being checked, so that one problem is one finding: a
 * non-constant SQL text outside sanctioned code is reported by {@link SqlConcatenation} alone (its message says
 * that the call is raw SQL too), unless that check is off or suppressed there, when {@link RawSql} reports it.
 */
final class SiblingChecks {
  private SiblingChecks() {}

  /** Whether {@code check} runs in this compilation and is not suppressed at {@code state}'s path. */
  static boolean reportsHere(String check, VisitorState state) {
    ErrorProneOptions options = state.errorProneOptions();
    ErrorProneOptions.Severity severity = options == null ? null : options.getSeverityMap().get(check);
    if (severity == ErrorProneOptions.Severity.OFF
        || (severity == null && options != null && options.isDisableAllChecks())) {
      return false;
    }
    for (TreePath path = state.getPath(); path != null; path = path.getParentPath()) {
      if (path.getLeaf() instanceof MethodTree || path.getLeaf() instanceof ClassTree
          || path.getLeaf() instanceof VariableTree) {
        Symbol symbol = ASTHelpers.getSymbol(path.getLeaf());
        if (symbol != null && suppresses(symbol, check)) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean suppresses(Symbol symbol, String check) {
    Optional<com.google.common.collect.ImmutableList<String>> values =
        SanctionedCode.annotationStrings(symbol, "java.lang.SuppressWarnings", "value");
    return values.map(v -> v.contains(check) || v.contains("all")).orElse(false);
  }
}
