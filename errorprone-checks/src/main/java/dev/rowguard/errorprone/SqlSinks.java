package dev.rowguard.errorprone;

import static com.google.errorprone.matchers.Matchers.allOf;
import static com.google.errorprone.matchers.Matchers.anyOf;
import static com.google.errorprone.matchers.method.MethodMatchers.instanceMethod;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The database APIs that take SQL text, matched by receiver type (never by method name alone) and named by
 * strings, so that a library missing from the classpath simply matches nothing.
 */
final class SqlSinks {
  private static final Matcher<ExpressionTree> JDBC =
      anyOf(
          instanceMethod()
              .onDescendantOf("java.sql.Statement")
              .namedAnyOf("execute", "executeQuery", "executeUpdate", "executeLargeUpdate", "addBatch"),
          instanceMethod()
              .onDescendantOf("java.sql.Connection")
              .namedAnyOf("prepareStatement", "prepareCall", "nativeSQL"));

  private static final Matcher<ExpressionTree> SPRING =
      anyOf(
          instanceMethod()
              .onDescendantOfAny(
                  "org.springframework.jdbc.core.JdbcOperations",
                  "org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations")
              .withAnyName(),
          instanceMethod().onDescendantOf("org.springframework.jdbc.core.simple.JdbcClient").named("sql"));

  private static final Matcher<ExpressionTree> JPA_AND_HIBERNATE =
      anyOf(
          instanceMethod()
              .onDescendantOfAny("jakarta.persistence.EntityManager", "javax.persistence.EntityManager")
              .named("createNativeQuery"),
          instanceMethod()
              .onDescendantOfAny("org.hibernate.SharedSessionContract", "org.hibernate.Session")
              .namedAnyOf("createNativeQuery", "createNativeMutationQuery", "createSQLQuery"));

  private static final Matcher<ExpressionTree> JOOQ =
      instanceMethod()
          .onDescendantOf("org.jooq.DSLContext")
          .namedAnyOf(
              "fetch", "fetchOne", "fetchSingle", "fetchOptional", "fetchValue", "fetchOptionalValue",
              "fetchValues", "fetchLazy", "fetchStream", "fetchMany", "fetchAsync", "fetchExists",
              "fetchCount", "execute", "query", "resultQuery", "batch");

  /**
   * A call, or a method reference ({@code sql.forEach(statement::addBatch)}), that hands SQL text to the
   * database: one of the APIs above, through a String parameter.
   */
  static final Matcher<ExpressionTree> SINK =
      // The String parameter first: it is cheap, and most calls have none, so the receiver-type matchers (which
      // test subtyping against a dozen API types) run on few calls.
      allOf((tree, state) -> sqlParameter(tree, state).isPresent(), anyOf(JDBC, SPRING, JPA_AND_HIBERNATE, JOOQ));

  /** What a sink's SQL parameter carries. */
  enum Kind {
    /** SQL text. */
    SQL,
    /** A table, schema or routine name that the library builds SQL from (Spring's SimpleJdbcInsert). */
    NAME
  }

  private SqlSinks() {}

  /** The method a call, {@code new} or method reference invokes; null for anything else. */
  static MethodSymbol symbol(ExpressionTree tree) {
    if (tree instanceof MethodInvocationTree invocation) {
      return ASTHelpers.getSymbol(invocation);
    }
    if (tree instanceof NewClassTree creation) {
      return ASTHelpers.getSymbol(creation);
    }
    if (tree instanceof MemberReferenceTree reference) {
      return ASTHelpers.getSymbol(reference);
    }
    return null;
  }

  /** The arguments of a call or {@code new}; none for a method reference. */
  static List<? extends ExpressionTree> arguments(ExpressionTree tree) {
    if (tree instanceof MethodInvocationTree invocation) {
      return invocation.getArguments();
    }
    if (tree instanceof NewClassTree creation) {
      return creation.getArguments();
    }
    return List.of();
  }

  /** The index of {@code method}'s first {@code String} parameter, not counting String varargs. */
  static Optional<Integer> firstStringParameter(MethodSymbol method, VisitorState state) {
    List<com.sun.tools.javac.code.Symbol.VarSymbol> parameters = method.getParameters();
    for (int i = 0; i < parameters.size(); i++) {
      if (isString(parameters.get(i).asType(), state)) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  /** The index of the SQL parameter: the method's first parameter of type String (or String varargs). */
  static OptionalInt sqlParameter(ExpressionTree tree, VisitorState state) {
    if (!(tree instanceof MethodInvocationTree || tree instanceof MemberReferenceTree)
        || !(ASTHelpers.getSymbol((com.sun.source.tree.Tree) tree) instanceof MethodSymbol method)) {
      return OptionalInt.empty();
    }
    List<com.sun.tools.javac.code.Symbol.VarSymbol> parameters = method.getParameters();
    for (int i = 0; i < parameters.size(); i++) {
      Type type = parameters.get(i).asType();
      boolean varargs = method.isVarArgs() && i == parameters.size() - 1;
      if (isString(type, state) || (varargs && isString(state.getTypes().elemtype(type), state))) {
        return OptionalInt.of(i);
      }
    }
    return OptionalInt.empty();
  }

  /** The arguments that carry SQL text: the SQL parameter's argument, or all of them for String varargs. */
  static ImmutableList<ExpressionTree> sqlArguments(MethodInvocationTree tree, VisitorState state) {
    OptionalInt index = sqlParameter(tree, state);
    if (index.isEmpty() || index.getAsInt() >= tree.getArguments().size()) {
      return ImmutableList.of();
    }
    MethodSymbol method = ASTHelpers.getSymbol(tree);
    int last = method.isVarArgs() && index.getAsInt() == method.getParameters().size() - 1
        ? tree.getArguments().size()
        : index.getAsInt() + 1;
    ImmutableList.Builder<ExpressionTree> arguments = ImmutableList.builder();
    for (ExpressionTree argument : tree.getArguments().subList(index.getAsInt(), last)) {
      // An array passed to String varargs cannot be judged element by element.
      if (isString(ASTHelpers.getType(argument), state)) {
        arguments.add(argument);
      }
    }
    return arguments.build();
  }

  /** {@code Statement.execute}: the receiver's declared API and the method, for messages. */
  static String describe(ExpressionTree tree) {
    return describe(symbol(tree));
  }

  /** {@code Db.query}, or {@code new RawSqlStatement} for a constructor. */
  static String describe(MethodSymbol method) {
    return method.isConstructor()
        ? "new " + method.owner.getSimpleName()
        : method.owner.getSimpleName() + "." + method.getSimpleName();
  }

  private static boolean isString(Type type, VisitorState state) {
    return type != null && ASTHelpers.isSameType(type, state.getSymtab().stringType, state);
  }
}
