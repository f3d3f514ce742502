package dev.rowguard.errorprone;

import com.sun.source.tree.Tree;
import com.sun.tools.javac.tree.EndPosTable;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.TreeInfo;
import com.sun.tools.javac.util.JCDiagnostic.DiagnosticPosition;

/**
 * Where a finding on SQL text is reported: the start of the argument, which is on the call's line, rather than
 * javac's preferred position of an expression (for {@code a + b}, the outermost {@code +}, often a line later).
 */
final class ArgumentPosition {
  private ArgumentPosition() {}

  static DiagnosticPosition of(Tree tree) {
    JCTree node = (JCTree) tree;
    int start = TreeInfo.getStartPos(node);
    return new DiagnosticPosition() {
      @Override
      public JCTree getTree() {
        return node;
      }

      @Override
      public int getStartPosition() {
        return start;
      }

      @Override
      public int getPreferredPosition() {
        return start;
      }

      @Override
      public int getEndPosition(EndPosTable endPosTable) {
        return node.getEndPosition(endPosTable);
      }
    };
  }
}
