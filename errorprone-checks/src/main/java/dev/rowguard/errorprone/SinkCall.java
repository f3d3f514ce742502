package dev.rowguard.errorprone;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A call (or method reference) that hands SQL text to the database, as every check sees it: a database API
 * ({@link SqlSinks}), a configured sink ({@link ConfiguredSinks}) or one of the application's wrappers
 * ({@link SqlWrappers}), with the SQL arguments that are the call's own. An argument that is a SQL parameter of
 * the enclosing wrapper is its callers' SQL, checked at their calls, so a wrapper's body is not reported for
 * passing it on.
 *
 * @param description the sink for messages: {@code Statement.execute}, or {@code Db.query, which hands it to
 *     Statement.executeQuery}
 * @param kind whether the arguments are SQL text or a name Spring builds SQL from
 * @param sqlArguments the SQL arguments to check; empty for a method reference
 * @param direct whether the call is to a database API itself, where values may be bound in the same call
 */
record SinkCall(String description, SqlSinks.Kind kind, ImmutableList<ExpressionTree> sqlArguments, boolean direct) {
  static Optional<SinkCall> of(ExpressionTree tree, VisitorState state, ConfiguredSinks configured) {
    // Error Prone runs every check on a node before it moves on: the three SQL checks share one answer.
    return SqlWrappers.of(state, configured).lastCall(tree, () -> find(tree, state, configured));
  }

  private static Optional<SinkCall> find(ExpressionTree tree, VisitorState state, ConfiguredSinks configured) {
    if (tree instanceof MemberReferenceTree reference) {
      if (SqlSinks.SINK.matches(reference, state)) {
        return Optional.of(new SinkCall(SqlSinks.describe(reference), SqlSinks.Kind.SQL, ImmutableList.of(), true));
      }
      MethodSymbol method = ASTHelpers.getSymbol(reference);
      var parameters = method == null
          ? Map.<Integer, SqlWrappers.Reached>of()
          : SqlWrappers.of(state, configured).sqlParameters(method, state);
      return parameters.values().stream().findFirst()
          .map(reached -> new SinkCall(describe(method, reached), reached.kind(), ImmutableList.of(), false));
    }
    Map<ExpressionTree, SqlWrappers.Reached> targets = SqlWrappers.of(state, configured).targets(tree, state);
    if (targets.isEmpty()) {
      return Optional.empty();
    }
    Set<Symbol> passedOn = enclosingSqlParameters(state, configured);
    ImmutableList<ExpressionTree> own = targets.keySet().stream()
        .filter(argument -> !(ASTHelpers.stripParentheses(argument) instanceof IdentifierTree identifier
            && passedOn.contains(ASTHelpers.getSymbol(identifier))))
        .collect(ImmutableList.toImmutableList());
    if (own.isEmpty()) {
      return Optional.empty();
    }
    boolean direct = tree instanceof MethodInvocationTree invocation && SqlSinks.SINK.matches(invocation, state);
    SqlWrappers.Reached reached = targets.get(own.get(0));
    String description = direct ? SqlSinks.describe(tree) : describe(SqlSinks.symbol(tree), reached);
    return Optional.of(new SinkCall(description, reached.kind(), own, direct));
  }

  private static String describe(MethodSymbol method, SqlWrappers.Reached reached) {
    String name = SqlSinks.describe(method);
    return name.equals(reached.sink()) ? name : name + ", which hands it to " + reached.sink();
  }

  /** The SQL parameters (and their elements) of every method around the call: their callers' SQL. */
  private static Set<Symbol> enclosingSqlParameters(VisitorState state, ConfiguredSinks configured) {
    Set<Symbol> parameters = new HashSet<>();
    for (TreePath path = state.getPath(); path != null; path = path.getParentPath()) {
      if (path.getLeaf() instanceof MethodTree method) {
        MethodSymbol symbol = ASTHelpers.getSymbol(method);
        if (symbol != null) {
          parameters.addAll(SqlWrappers.of(state, configured).passedOn(symbol, state));
        }
      }
    }
    return parameters;
  }
}
