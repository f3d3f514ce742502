package dev.rowguard.errorprone;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.api.JavacTrees;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.util.Context;
import java.util.HashMap;
import java.util.Map;

/**
 * The declarations of the methods of the compilation, whichever compilation unit declares them, kept in the
 * compilation's javac {@link Context}. Javac's {@link JavacTrees#getTree} searches the compilation unit for each
 * member it is asked for, so the methods of a top-level class are indexed in one scan, once.
 */
final class MethodDeclarations {
  private static final Context.Key<MethodDeclarations> KEY = new Context.Key<>();

  private final JavacTrees trees;
  private final Map<Symbol.ClassSymbol, Map<Symbol, MethodTree>> declarations = new HashMap<>();

  private MethodDeclarations(JavacTrees trees) {
    this.trees = trees;
  }

  static MethodDeclarations of(VisitorState state) {
    MethodDeclarations cached = state.context.get(KEY);
    if (cached == null) {
      cached = new MethodDeclarations(JavacTrees.instance(state.context));
      state.context.put(KEY, cached);
    }
    return cached;
  }

  /** The declaration of {@code method}; null for a method from a class file or without a tree. */
  MethodTree declaration(MethodSymbol method) {
    Symbol.ClassSymbol outermost = method.outermostClass();
    return outermost == null ? null : declarations.computeIfAbsent(outermost, this::index).get(method);
  }

  private Map<Symbol, MethodTree> index(Symbol.ClassSymbol outermost) {
    Tree tree;
    try {
      tree = trees.getTree(outermost);
    } catch (RuntimeException e) {
      // A class javac has no tree for (from a class file, or synthetic): it declares no wrapper.
      return Map.of();
    }
    if (tree == null) {
      return Map.of();
    }
    Map<Symbol, MethodTree> methods = new HashMap<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethod(MethodTree method, Void unused) {
        Symbol symbol = ASTHelpers.getSymbol(method);
        if (symbol != null) {
          methods.put(symbol, method);
        }
        return super.visitMethod(method, null);
      }
    }.scan(tree, null);
    return methods;
  }
}
