package dev.rowguard.errorprone;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.auto.service.AutoService;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.CompilationUnitTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.AnnotationTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.MemberReferenceTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.NewClassTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.tools.javac.code.Symbol;
import java.util.Optional;
import javax.inject.Inject;

/**
 * Reports SQL handed directly to a database API outside sanctioned code, and {@code @AllowRawSql} without a
 * reason.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary = "Use a Rowguard repository or an @SqlQuery method instead of handing SQL to the database directly",
    severity = ERROR,
    linkType = CUSTOM,
    link = Docs.CHECKS + "RawSql.md")
public final class RawSql extends BugChecker
    implements CompilationUnitTreeMatcher, MethodInvocationTreeMatcher, NewClassTreeMatcher, MemberReferenceTreeMatcher,
        AnnotationTreeMatcher {
  private static final long serialVersionUID = 1L;

  private final String linkUrl;

  /** The flag naming the packages where raw SQL is allowed, e.g. {@code com.example.migrations}. */
  static final String ALLOWED_PACKAGES_FLAG = "RawSql:AllowedPackages";

  private final ImmutableSet<String> allowedPackages;

  private final ConfiguredSinks sinks;

  /** Instantiates a {@link RawSql} check without allowed packages. */
  public RawSql() {
    this(ErrorProneFlags.empty());
  }

  /** Instantiates a {@link RawSql} check configured by {@code -XepOpt:RawSql:AllowedPackages=…}. */
  @Inject
  RawSql(ErrorProneFlags flags) {
    this.linkUrl = Docs.url(flags, "RawSql");
    this.allowedPackages = flags.getSetOrEmpty(ALLOWED_PACKAGES_FLAG);
    this.sinks = ConfiguredSinks.of(flags);
  }

  @Override
  public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    return matchSink(tree, state);
  }

  @Override
  public Description matchNewClass(NewClassTree tree, VisitorState state) {
    return matchSink(tree, state);
  }

  @Override
  public Description matchMemberReference(MemberReferenceTree tree, VisitorState state) {
    return matchSink(tree, state);
  }

  private Description matchSink(ExpressionTree tree, VisitorState state) {
    Optional<SinkCall> call = SinkCall.of(tree, state, sinks);
    if (call.isEmpty() || SanctionedCode.isSanctioned(state, allowedPackages)) {
      return Description.NO_MATCH;
    }
    ImmutableList<ExpressionTree> arguments = call.get().sqlArguments();
    boolean constant = !(tree instanceof MemberReferenceTree)
        && arguments.stream().allMatch(argument -> SqlConstants.isConstant(argument, state));
    // Non-constant SQL is one finding, SqlConcatenation's, whose message says that it is raw SQL too.
    if (!constant && SiblingChecks.reportsHere("SqlConcatenation", state)) {
      return Description.NO_MATCH;
    }
    String what = call.get().kind() == SqlSinks.Kind.NAME
        ? "A table or routine name, which the library builds SQL from, handed to "
        : "Raw SQL handed to ";
    return buildDescription(ArgumentPosition.of(arguments.isEmpty() ? tree : arguments.get(0)))
        .setMessage(what + call.get().description() + " outside sanctioned code; " + FIX)
        .build();
  }

  /** What to do about raw SQL, also said by {@link SqlConcatenation} when it reports the same call. */
  static final String FIX = "use a Rowguard repository or an @SqlQuery method, or annotate the method or class"
      + " with @AllowRawSql(\"<why>\")";

  @Override
  public Description matchAnnotation(AnnotationTree tree, VisitorState state) {
    Symbol type = ASTHelpers.getSymbol(tree.getAnnotationType());
    if (type == null || !type.getQualifiedName().contentEquals(SanctionedCode.ALLOW_RAW_SQL)) {
      return Description.NO_MATCH;
    }
    for (ExpressionTree argument : tree.getArguments()) {
      ExpressionTree value =
          argument instanceof AssignmentTree assignment ? assignment.getExpression() : argument;
      String reason = ASTHelpers.constValue(value, String.class);
      if (reason != null && !reason.isBlank()) {
        return Description.NO_MATCH;
      }
    }
    return buildDescription(tree)
        .setMessage("@AllowRawSql needs a reason: say why the generated repositories cannot be used here;"
            + " without one the code is not sanctioned")
        .build();
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
