package dev.rowguard.errorprone;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.auto.service.AutoService;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker.MemberReferenceTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.NewClassTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.CompilationUnitTreeMatcher;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.google.errorprone.util.SourceCodeEscapers;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.TypeTag;
import com.sun.tools.javac.code.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import javax.inject.Inject;

/**
 * Reports SQL text that is not a constant at a database API, sanctioned code included: values concatenated
 * into SQL are the classic injection. Only classes Rowguard's processor generated are exempt: their one dynamic
 * part, ORDER BY from a {@code Sort}, is picked from a fixed list of column names.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary = "Pass values to SQL as bind parameters instead of building the SQL text from them",
    severity = ERROR,
    linkType = CUSTOM,
    link = Docs.CHECKS + "SqlConcatenation.md")
public final class SqlConcatenation extends BugChecker
    implements CompilationUnitTreeMatcher, MethodInvocationTreeMatcher, NewClassTreeMatcher, MemberReferenceTreeMatcher {
  private static final long serialVersionUID = 1L;

  private final String linkUrl;

  private final ImmutableSet<String> allowedPackages;

  private final ConfiguredSinks sinks;

  /** Instantiates a {@link SqlConcatenation} check that links to the page in its jar. */
  public SqlConcatenation() {
    this(ErrorProneFlags.empty());
  }

  /**
   * Instantiates a {@link SqlConcatenation} check; {@code -XepOpt:Rowguard:DocsUrl} sets where its page is, and
   * {@code -XepOpt:RawSql:AllowedPackages} where its messages need not say that the call is raw SQL too.
   */
  @Inject
  SqlConcatenation(ErrorProneFlags flags) {
    this.linkUrl = Docs.url(flags, "SqlConcatenation");
    this.allowedPackages = flags.getSetOrEmpty(RawSql.ALLOWED_PACKAGES_FLAG);
    this.sinks = ConfiguredSinks.of(flags);
  }

  /** SQL text that may precede a bound value: a comparison, an opening parenthesis or a list comma. */
  private static final Pattern BEFORE_VALUE = Pattern.compile("(=|<>|!=|<|>|<=|>=|\\(|,)\\s*$");

  @Override
  public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    return matchCall(tree, state);
  }

  @Override
  public Description matchNewClass(NewClassTree tree, VisitorState state) {
    return matchCall(tree, state);
  }

  private Description matchCall(ExpressionTree tree, VisitorState state) {
    if (SanctionedCode.isInRowguardGeneratedClass(state)) {
      return Description.NO_MATCH;
    }
    Optional<SinkCall> call = SinkCall.of(tree, state, sinks);
    if (call.isEmpty()) {
      return Description.NO_MATCH;
    }
    for (ExpressionTree argument : call.get().sqlArguments()) {
      if (!SqlConstants.isConstant(argument, state)) {
        SqlSplice splice = SqlSplice.of(argument, state);
        if (call.get().kind() == SqlSinks.Kind.NAME) {
          // A name whole or in part: Spring builds the SQL from it.
          splice = new SqlSplice(splice.operand(), SqlSplice.Kind.IDENTIFIER, splice.how());
        }
        Description.Builder description =
            buildDescription(ArgumentPosition.of(argument))
                .setMessage((call.get().kind() == SqlSinks.Kind.NAME ? "The name handed to " : "SQL handed to ")
                    + call.get().description() + " is " + explain(splice, state) + alsoRaw(state));
        // Only a database API is known to bind values passed after the SQL; a wrapper may do anything with them.
        if (splice.kind() != SqlSplice.Kind.IDENTIFIER && call.get().direct()) {
          bindParameterFix((MethodInvocationTree) tree, argument, state).ifPresent(description::addFix);
        }
        return description.build();
      }
    }
    return Description.NO_MATCH;
  }

  @Override
  public Description matchMemberReference(MemberReferenceTree tree, VisitorState state) {
    Optional<SinkCall> call = SinkCall.of(tree, state, sinks);
    if (call.isEmpty()) {
      return Description.NO_MATCH;
    }
    return buildDescription(tree)
        .setMessage("SQL handed to " + call.get().description() + " through a method reference is not a"
            + " constant; write the SQL as a constant and pass values as bind parameters (`?`, `:name`)"
            + alsoRaw(state))
        .build();
  }

  /** How the text is built, the part that is not a constant, and what to do for a name or for a value. */
  private static String explain(SqlSplice splice, VisitorState state) {
    String part = "`" + splice.source(state) + "`";
    return switch (splice.kind()) {
      case WHOLE -> splice.how() + " (" + part + "); write the SQL as a constant and pass values as bind"
          + " parameters (`?`, `:name`)";
      case VALUE -> splice.how() + ": " + part + " is spliced in as a value; pass it as a bind parameter"
          + " instead (`?` or `:name` in constant SQL, the value as an argument)";
      case IDENTIFIER -> splice.how() + ": " + part + " is spliced in as a table, schema or column name, which"
          + " cannot be a bind parameter; use a constant name (a static final String, or a switch over an enum"
          + " that returns constant SQL); SQL with a name chosen at run time cannot be checked for its tenant"
          + " filter, so if it must be, check the name against a fixed list, quote it"
          + " (dev.rowguard.schema.sql.Identifiers.quote) and suppress with @SuppressWarnings(\"SqlConcatenation\")"
          + " and a comment saying why";
    };
  }

  /** Outside sanctioned code the call is raw SQL too: said here, so that the call is one finding. */
  private String alsoRaw(VisitorState state) {
    if (SanctionedCode.isSanctioned(state, allowedPackages) || !SiblingChecks.reportsHere("RawSql", state)) {
      return "";
    }
    return ". It is also raw SQL outside sanctioned code (RawSql): " + RawSql.FIX;
  }

  /**
   * Moves concatenated integral values into bind parameters, where that keeps behaviour: only for APIs that
   * take the bind values in the same call (see {@link #takesBindValuesAfter}: Spring's
   * {@code JdbcOperations}, jOOQ's plain SQL) and only for integral values placed after a comparison, an
   * opening parenthesis or a comma outside a quoted literal. JDBC's {@code prepareStatement} binds values in
   * later calls, so no fix is offered there.
   */
  private static Optional<SuggestedFix> bindParameterFix(
      MethodInvocationTree tree, ExpressionTree argument, VisitorState state) {
    MethodSymbol method = ASTHelpers.getSymbol(tree);
    OptionalInt sqlIndex = SqlSinks.sqlParameter(tree, state);
    if (sqlIndex.isEmpty()
        || tree.getArguments().size() <= sqlIndex.getAsInt()
        || tree.getArguments().get(sqlIndex.getAsInt()) != argument
        || !takesBindValuesAfter(method, tree.getArguments().size(), state)) {
      return Optional.empty();
    }
    List<ExpressionTree> operands = new ArrayList<>();
    SqlSplice.flattenPlus(ASTHelpers.stripParentheses(argument), operands, state);
    StringBuilder sql = new StringBuilder();
    List<String> values = new ArrayList<>();
    for (ExpressionTree operand : operands) {
      Optional<String> constant = SqlConstants.value(operand, state);
      if (constant.isPresent()) {
        sql.append(constant.get());
        continue;
      }
      if (!isIntegral(ASTHelpers.getType(operand), state)
          || !BEFORE_VALUE.matcher(sql).find()
          || insideQuotes(sql)) {
        return Optional.empty();
      }
      sql.append('?');
      values.add(state.getSourceForNode(operand));
    }
    if (values.isEmpty()) {
      return Optional.empty();
    }
    String literal = "\"" + SourceCodeEscapers.javaCharEscaper().escape(sql.toString()) + "\"";
    return Optional.of(
        SuggestedFix.builder()
            .replace(argument, literal)
            .postfixWith(tree.getArguments().get(tree.getArguments().size() - 1), ", " + String.join(", ", values))
            .setShortDescription("Bind the concatenated values as parameters")
            .build());
  }

  /**
   * Whether appending values to this call selects a method that binds them: the method itself ends in {@code
   * Object...} that received nothing, or it has an overload (Spring's {@code update(String)} next to {@code
   * update(String, Object...)}, jOOQ's {@code fetch(String)} next to {@code fetch(String, Object...)}) that
   * takes the same parameters followed by {@code Object...}.
   */
  private static boolean takesBindValuesAfter(MethodSymbol method, int arguments, VisitorState state) {
    List<VarSymbol> parameters = method.getParameters();
    if (method.isVarArgs()) {
      return arguments == parameters.size() - 1 && endsWithObjectVarargs(method, state);
    }
    if (arguments != parameters.size() || !(method.owner instanceof ClassSymbol owner)) {
      return false;
    }
    Types types = state.getTypes();
    for (Type type : types.closure(owner.type)) {
      for (Symbol member : type.tsym.members().getSymbolsByName(method.name)) {
        if (member instanceof MethodSymbol candidate
            && candidate.isVarArgs()
            && candidate.getParameters().size() == parameters.size() + 1
            && endsWithObjectVarargs(candidate, state)
            && sameParameters(parameters, candidate.getParameters(), types)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean endsWithObjectVarargs(MethodSymbol method, VisitorState state) {
    List<VarSymbol> parameters = method.getParameters();
    Type last = state.getTypes().elemtype(parameters.get(parameters.size() - 1).asType());
    return last != null && ASTHelpers.isSameType(last, state.getSymtab().objectType, state);
  }

  private static boolean sameParameters(List<VarSymbol> shorter, List<VarSymbol> longer, Types types) {
    for (int i = 0; i < shorter.size(); i++) {
      if (!types.isSameType(types.erasure(shorter.get(i).asType()), types.erasure(longer.get(i).asType()))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isIntegral(Type type, VisitorState state) {
    if (type == null) {
      return false;
    }
    Type unboxed = state.getTypes().unboxedTypeOrType(type);
    return unboxed.getTag() == TypeTag.INT || unboxed.getTag() == TypeTag.LONG
        || unboxed.getTag() == TypeTag.SHORT || unboxed.getTag() == TypeTag.BYTE;
  }

  private static boolean insideQuotes(CharSequence sql) {
    return sql.chars().filter(c -> c == '\'').count() % 2 == 1;
  }

  @Override
  public Description matchCompilationUnit(CompilationUnitTree tree, VisitorState state) {
    return sinks.problemToReport(state)
        .map(message -> buildDescription(tree).setMessage(message).build())
        .orElse(Description.NO_MATCH);
  }

  @Override
  public String linkUrl() {
    return linkUrl;
  }
}
