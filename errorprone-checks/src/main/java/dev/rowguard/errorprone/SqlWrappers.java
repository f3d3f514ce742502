package dev.rowguard.errorprone;

import com.google.common.collect.ImmutableMap;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.util.Context;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The application's own SQL helpers, found in the compilation: a method whose {@code String} parameter reaches a
 * sink unchanged (the parameter itself is the argument, directly or through other such methods) makes that
 * parameter a SQL parameter, and its callers are checked as if they called the sink. A {@code String...} parameter
 * is one when the array itself reaches a sink's {@code String...} parameter, or when an enhanced {@code for} over it
 * hands each element to a sink; its callers' arguments are then checked one by one. One summary per method,
 * computed on first use from the method's body ({@link MethodDeclarations}: javac's Trees have the body of any
 * method declared in the compilation) and kept in the compilation's javac {@link Context}; methods from class files
 * have a summary only when {@link ConfiguredSinks} names them.
 */
final class SqlWrappers {
  private static final Context.Key<SqlWrappers> KEY = new Context.Key<>();

  /** What a SQL parameter reaches: the kind of text and the sink, for messages. */
  record Reached(SqlSinks.Kind kind, String sink) {}

  private final ConfiguredSinks configured;
  private final Map<MethodSymbol, ImmutableMap<Integer, Reached>> summaries = new HashMap<>();
  /** Per method, the loop variables that stand for an element of its {@code String...} parameter. */
  private final Map<MethodSymbol, Map<Symbol, Integer>> elementVariables = new HashMap<>();
  private final Set<MethodSymbol> settled = new HashSet<>();
  private final Set<MethodSymbol> inProgress = new HashSet<>();
  private final Deque<Frame> stack = new ArrayDeque<>();
  private final Map<String, Optional<Symbol>> owners = new HashMap<>();
  private Tree lastTree;
  private Optional<SinkCall> lastCall = Optional.empty();
  private boolean flagReported;

  private SqlWrappers(ConfiguredSinks configured) {
    this.configured = configured;
  }

  static SqlWrappers of(VisitorState state, ConfiguredSinks configured) {
    SqlWrappers cached = state.context.get(KEY);
    if (cached == null) {
      cached = new SqlWrappers(configured);
      state.context.put(KEY, cached);
    }
    return cached;
  }

  /**
   * The SQL parameters of {@code method} by index: empty when it hands no parameter of its own to a sink.
   *
   * <p>Recursion: a method still being summarised answers with what is known so far, and whoever used that
   * provisional answer is not settled; the method where the cycle started summarises again until its summary stops
   * growing (summaries only grow as more is known, so this ends), and the others are summarised again when next
   * asked, from settled summaries.
   */
  ImmutableMap<Integer, Reached> sqlParameters(MethodSymbol method, VisitorState state) {
    if (settled.contains(method)) {
      return summaries.get(method);
    }
    if (inProgress.contains(method)) {
      stack.peek().provisional.add(method);
      return summaries.getOrDefault(method, ImmutableMap.of());
    }
    Optional<SqlSinks.Kind> kind = configured.kind(method, state, this);
    if (kind.isPresent()) {
      ImmutableMap<Integer, Reached> sink = SqlSinks.firstStringParameter(method, state)
          .map(index -> ImmutableMap.of(index, new Reached(kind.get(), SqlSinks.describe(method))))
          .orElse(ImmutableMap.of());
      return settle(method, sink);
    }
    Frame frame = new Frame();
    stack.push(frame);
    inProgress.add(method);
    ImmutableMap<Integer, Reached> summary = summaries.getOrDefault(method, ImmutableMap.of());
    while (true) {
      summaries.put(method, summary);
      frame.provisional.clear();
      ImmutableMap<Integer, Reached> next = summarize(method, state);
      boolean grew = !next.keySet().equals(summary.keySet());
      summary = next;
      if (!grew || !frame.provisional.contains(method)) {
        break;
      }
    }
    summaries.put(method, summary);
    stack.pop();
    inProgress.remove(method);
    frame.provisional.remove(method);
    if (frame.provisional.isEmpty()) {
      settled.add(method);
    } else {
      // Still depends on a method further up the stack: the caller's frame inherits that dependency.
      stack.peek().provisional.addAll(frame.provisional);
    }
    return summary;
  }

  private ImmutableMap<Integer, Reached> settle(MethodSymbol method, ImmutableMap<Integer, Reached> summary) {
    summaries.put(method, summary);
    settled.add(method);
    return summary;
  }

  /** One method being summarised: the methods in progress whose provisional summaries it used. */
  private static final class Frame {
    final Set<MethodSymbol> provisional = new HashSet<>();
  }

  /**
   * What the method's own body hands to sinks, and, for a method that can be overridden, what any overriding
   * method of the compilation hands on: a call through an interface may run any of them.
   */
  private ImmutableMap<Integer, Reached> summarize(MethodSymbol method, VisitorState state) {
    ImmutableMap<Integer, Reached> body = summarizeBody(method, state);
    if (!Overriders.overridable(method) || !SqlSinks.firstStringParameter(method, state).isPresent()) {
      return body;
    }
    Map<Integer, Reached> found = new LinkedHashMap<>(body);
    for (MethodSymbol overrider : Overriders.of(state).of(method)) {
      sqlParameters(overrider, state).forEach(found::putIfAbsent);
    }
    return ImmutableMap.copyOf(found);
  }

  private ImmutableMap<Integer, Reached> summarizeBody(MethodSymbol method, VisitorState state) {
    Map<Symbol, Integer> candidates = new HashMap<>();
    List<VarSymbol> parameters = method.getParameters();
    for (int i = 0; i < parameters.size(); i++) {
      VarSymbol parameter = parameters.get(i);
      if (ASTHelpers.isSameType(parameter.asType(), state.getSymtab().stringType, state)
          || stringVarargs(method, i, state)) {
        candidates.put(parameter, i);
      }
    }
    Map<Symbol, Integer> elements = new HashMap<>();
    elementVariables.put(method, elements);
    if (candidates.isEmpty()) {
      return ImmutableMap.of();
    }
    MethodTree tree = MethodDeclarations.of(state).declaration(method);
    if (tree == null || tree.getBody() == null) {
      return ImmutableMap.of();
    }
    Map<Integer, Reached> found = new LinkedHashMap<>();
    // Javac marks parameters effectively final during flow analysis, which may not have reached this method's
    // class yet: an assignment is looked for here instead.
    Set<Integer> reassigned = new HashSet<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitAssignment(AssignmentTree assignment, Void unused) {
        assigned(assignment.getVariable());
        return super.visitAssignment(assignment, null);
      }

      @Override
      public Void visitCompoundAssignment(CompoundAssignmentTree assignment, Void unused) {
        assigned(assignment.getVariable());
        return super.visitCompoundAssignment(assignment, null);
      }

      private void assigned(ExpressionTree variable) {
        if (variable instanceof IdentifierTree identifier) {
          Integer index = indexOf(ASTHelpers.getSymbol(identifier));
          if (index != null) {
            reassigned.add(index);
          }
        }
      }

      /** A parameter's index, or for a loop variable over the {@code String...} parameter, that one's. */
      private Integer indexOf(Symbol symbol) {
        Integer index = candidates.get(symbol);
        return index != null ? index : elements.get(symbol);
      }

      @Override
      public Void visitEnhancedForLoop(EnhancedForLoopTree loop, Void unused) {
        if (ASTHelpers.stripParentheses(loop.getExpression()) instanceof IdentifierTree identifier) {
          Integer index = candidates.get(ASTHelpers.getSymbol(identifier));
          if (index != null && stringVarargs(method, index, state)) {
            elements.put(ASTHelpers.getSymbol(loop.getVariable()), index);
          }
        }
        return super.visitEnhancedForLoop(loop, null);
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        record(call);
        return super.visitMethodInvocation(call, null);
      }

      @Override
      public Void visitNewClass(NewClassTree creation, Void unused) {
        record(creation);
        return super.visitNewClass(creation, null);
      }

      private void record(ExpressionTree call) {
        targets(call, state).forEach((argument, reached) -> {
          if (ASTHelpers.stripParentheses(argument) instanceof IdentifierTree identifier) {
            Integer index = indexOf(ASTHelpers.getSymbol(identifier));
            if (index != null) {
              found.putIfAbsent(index, reached);
            }
          }
        });
        arrayPassedOn(call, state).ifPresent(passed -> {
          Integer index = candidates.get(passed.getKey());
          if (index != null && stringVarargs(method, index, state)) {
            found.putIfAbsent(index, passed.getValue());
          }
        });
      }
    }.scan(tree.getBody(), null);
    found.keySet().removeAll(reassigned);
    return ImmutableMap.copyOf(found);
  }

  /**
   * The variable whose array {@code call} hands, as it is, to a sink's or wrapper's SQL {@code String...}
   * parameter, with what that reaches.
   */
  private Optional<Map.Entry<Symbol, Reached>> arrayPassedOn(ExpressionTree call, VisitorState state) {
    MethodSymbol target = SqlSinks.symbol(call);
    List<? extends ExpressionTree> arguments = SqlSinks.arguments(call);
    if (target == null || !target.isVarArgs() || arguments.size() != target.getParameters().size()) {
      return Optional.empty();
    }
    int last = arguments.size() - 1;
    if (!(ASTHelpers.stripParentheses(arguments.get(last)) instanceof IdentifierTree identifier)
        || !state.getTypes().isArray(ASTHelpers.getType(identifier))) {
      return Optional.empty();
    }
    Reached reached;
    if (call instanceof MethodInvocationTree invocation && SqlSinks.SINK.matches(invocation, state)) {
      reached = SqlSinks.sqlParameter(call, state).orElse(-1) == last
          ? new Reached(SqlSinks.Kind.SQL, SqlSinks.describe(invocation))
          : null;
    } else {
      reached = sqlParameters(target, state).get(last);
    }
    return Optional.ofNullable(reached).map(r -> Map.entry(ASTHelpers.getSymbol(identifier), r));
  }

  private static boolean stringVarargs(MethodSymbol method, int index, VisitorState state) {
    Type type = method.getParameters().get(index).asType();
    return method.isVarArgs() && index == method.getParameters().size() - 1 && state.getTypes().isArray(type)
        && ASTHelpers.isSameType(state.getTypes().elemtype(type), state.getSymtab().stringType, state);
  }

  /**
   * The variables of {@code method} whose values are its callers' SQL: its SQL parameters and the loop variables
   * over a {@code String...} one. A call that hands them on is checked at the callers, not here.
   */
  Set<Symbol> passedOn(MethodSymbol method, VisitorState state) {
    ImmutableMap<Integer, Reached> summary = sqlParameters(method, state);
    Set<Symbol> variables = new HashSet<>();
    summary.keySet().forEach(index -> variables.add(method.getParameters().get(index)));
    elementVariables.getOrDefault(method, Map.of()).forEach((variable, index) -> {
      if (summary.containsKey(index)) {
        variables.add(variable);
      }
    });
    return variables;
  }

  /** {@code find}'s answer for {@code tree}, computed once when the checks ask about the same node in turn. */
  Optional<SinkCall> lastCall(Tree tree, Supplier<Optional<SinkCall>> find) {
    if (tree != lastTree) {
      lastCall = find.get();
      lastTree = tree;
    }
    return lastCall;
  }

  /** True the first time it is asked in the compilation: whoever asks first reports a malformed sink flag. */
  boolean claimFlagReport() {
    boolean first = !flagReported;
    flagReported = true;
    return first;
  }

  /** The symbol of a class named in a sink list; looked up once per compilation, absent classes included. */
  Optional<Symbol> owner(String name, VisitorState state) {
    return owners.computeIfAbsent(name, n -> Optional.ofNullable(state.getSymbolFromString(n)));
  }

  /**
   * The SQL arguments of {@code call} with what each reaches: a database API's SQL arguments, or those at the
   * SQL parameters of a configured sink or a wrapper. Empty when the call hands no SQL on.
   */
  Map<ExpressionTree, Reached> targets(ExpressionTree call, VisitorState state) {
    Map<ExpressionTree, Reached> targets = new LinkedHashMap<>();
    if (call instanceof MethodInvocationTree invocation && SqlSinks.SINK.matches(invocation, state)) {
      Reached reached = new Reached(SqlSinks.Kind.SQL, SqlSinks.describe(invocation));
      SqlSinks.sqlArguments(invocation, state).forEach(argument -> targets.put(argument, reached));
      return targets;
    }
    MethodSymbol method = SqlSinks.symbol(call);
    if (method == null) {
      return targets;
    }
    List<? extends ExpressionTree> arguments = SqlSinks.arguments(call);
    sqlParameters(method, state).forEach((index, reached) -> {
      // A String... parameter takes every argument from its position on; an array passed as it is cannot be judged.
      int end = stringVarargs(method, index, state) ? arguments.size() : Math.min(index + 1, arguments.size());
      for (ExpressionTree argument : arguments.subList(Math.min(index, end), end)) {
        if (ASTHelpers.isSameType(ASTHelpers.getType(argument), state.getSymtab().stringType, state)) {
          targets.put(argument, reached);
        }
      }
    });
    return targets;
  }
}
