package dev.rowguard.errorprone;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.auto.service.AutoService;
import com.google.common.collect.ImmutableList;
import com.google.errorprone.BugPattern;
import com.google.errorprone.BugPattern.SeverityLevel;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.CompilationUnitTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.NewClassTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.MethodTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol;
import dev.rowguard.schema.query.ForbiddenOperations;
import dev.rowguard.schema.query.NativeQueryAnalyzer;
import dev.rowguard.schema.query.NativeQueryProblem;
import dev.rowguard.schema.query.TenantFilterProblem;
import dev.rowguard.schema.query.TenantFilterReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.inject.Inject;

/**
 * Reports constant SQL, at a database API or in {@code @SqlQuery}, that reads or writes a tenanted table
 * without restricting every tenant key to the bound tenant, or that runs a {@link ForbiddenOperations forbidden
 * operation} ({@code set_config}, {@code SET}, server and file functions, …) whatever it names; the tenanted
 * tables come from Rowguard's {@code schema.json}. An {@code @SqlQuery} gets exactly the processor's verdict.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary = "Restrict every tenant key of each tenanted table the SQL reads or writes, and never change session"
        + " state",
    severity = ERROR,
    linkType = CUSTOM,
    link = Docs.CHECKS + "UnfilteredTenantQuery.md")
public final class UnfilteredTenantQuery extends BugChecker
    implements CompilationUnitTreeMatcher, MethodInvocationTreeMatcher, NewClassTreeMatcher, MethodTreeMatcher {
  private static final long serialVersionUID = 1L;

  private final String linkUrl;

  /** Extra schema.json files, comma-separated: {@code -XepOpt:UnfilteredTenantQuery:SchemaJson=/a.json,…}. */
  static final String SCHEMA_JSON_FLAG = "UnfilteredTenantQuery:SchemaJson";

  private final ImmutableList<String> extraSchemaFiles;

  private final ConfiguredSinks sinks;

  /** Instantiates an {@link UnfilteredTenantQuery} check that reads schema.json from the compilation only. */
  public UnfilteredTenantQuery() {
    this(ErrorProneFlags.empty());
  }

  /** Instantiates an {@link UnfilteredTenantQuery} check that also reads the files given by the flag. */
  @Inject
  UnfilteredTenantQuery(ErrorProneFlags flags) {
    this.linkUrl = Docs.url(flags, "UnfilteredTenantQuery");
    this.extraSchemaFiles = flags.getListOrEmpty(SCHEMA_JSON_FLAG);
    this.sinks = ConfiguredSinks.of(flags);
  }

  @Override
  public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    return matchCall(tree, state);
  }

  @Override
  public Description matchNewClass(NewClassTree tree, VisitorState state) {
    return matchCall(tree, state);
  }

  private Description matchCall(ExpressionTree tree, VisitorState state) {
    Optional<SinkCall> call = SinkCall.of(tree, state, sinks);
    // A name (Spring's SimpleJdbcInsert table) is no statement to check.
    if (call.isEmpty() || call.get().kind() != SqlSinks.Kind.SQL) {
      return Description.NO_MATCH;
    }
    // The processor wrote this SQL from the model and binds each tenant key from the tenant context (not from a
    // caller), so only what the SQL runs is checked here.
    boolean generated = SanctionedCode.isInRowguardGeneratedClass(state);
    for (ExpressionTree argument : call.get().sqlArguments()) {
      Optional<String> sql = SqlConstants.value(argument, state);
      if (sql.isPresent()) {
        Description description = generated ? checkGenerated(sql.get(), argument) : check(sql.get(), argument, state);
        if (description != Description.NO_MATCH) {
          return description;
        }
      }
    }
    return Description.NO_MATCH;
  }

  @Override
  public Description matchMethod(MethodTree tree, VisitorState state) {
    Symbol method = ASTHelpers.getSymbol(tree);
    Optional<ImmutableList<String>> values =
        SanctionedCode.annotationStrings(method, SanctionedCode.SQL_QUERY, "value");
    if (values.isEmpty() || values.get().isEmpty()) {
      return Description.NO_MATCH;
    }
    Tree where = tree.getModifiers().getAnnotations().stream()
        .filter(a -> isSqlQuery(a))
        .findFirst()
        .<Tree>map(a -> a)
        .orElse(tree);
    return checkSqlQuery(values.get().get(0), where, state);
  }

  private static boolean isSqlQuery(AnnotationTree annotation) {
    Symbol type = ASTHelpers.getSymbol(annotation.getAnnotationType());
    return type != null && type.getQualifiedName().contentEquals(SanctionedCode.SQL_QUERY);
  }

  /**
   * SQL at a database API: the strict tenant filter (only {@code current_setting('<key setting>')} is the bound
   * tenant; {@code rowguard_tenant(…)} means nothing here) and the forbidden operations.
   */
  private Description check(String sql, Tree where, VisitorState state) {
    TenantSchemas schemas = TenantSchemas.of(state.context, extraSchemaFiles);
    if (!schemas.errors().isEmpty() && schemas.reportedErrors().compareAndSet(false, true)) {
      return unreadable(schemas, where);
    }
    TenantFilterReport report = schemas.analyze(sql);
    List<String> messages = new ArrayList<>();
    if (!report.forbidden().isEmpty()) {
      messages.add(forbidden(report.forbidden()));
    }
    if (report.status() == TenantFilterReport.Status.UNPARSEABLE) {
      messages.add("SQL names a tenanted table but cannot be parsed (" + report.detail() + "), so Rowguard cannot"
          + " prove that it restricts the tenant keys; simplify it, or suppress with"
          + " @SuppressWarnings(\"UnfilteredTenantQuery\") and a comment saying why it is safe");
    }
    report.problems().stream().map(TenantFilterProblem::message).forEach(messages::add);
    if (!messages.isEmpty()) {
      return buildDescription(where).setMessage(String.join("; ", messages)).build();
    }
    return missingModel(schemas, sql, where);
  }

  private Description checkGenerated(String sql, Tree where) {
    List<String> forbidden = ForbiddenOperations.find(sql);
    return forbidden.isEmpty() ? Description.NO_MATCH : buildDescription(where).setMessage(forbidden(forbidden)).build();
  }

  /**
   * The SQL of a {@code @SqlQuery}: the processor's own verdict ({@link NativeQueryAnalyzer#isolationProblems}),
   * so that the check and the processor agree on every statement by construction.
   */
  private Description checkSqlQuery(String sql, Tree where, VisitorState state) {
    TenantSchemas schemas = TenantSchemas.of(state.context, extraSchemaFiles);
    if (!schemas.errors().isEmpty() && schemas.reportedErrors().compareAndSet(false, true)) {
      return unreadable(schemas, where);
    }
    if (!schemas.found()) {
      List<String> forbidden = ForbiddenOperations.find(sql);
      return forbidden.isEmpty()
          ? missingModel(schemas, sql, where)
          : buildDescription(where).setMessage(forbidden(forbidden)).build();
    }
    List<NativeQueryProblem> problems = schemas.nativeQueries().isolationProblems(sql);
    if (problems.isEmpty()) {
      return Description.NO_MATCH;
    }
    return buildDescription(where)
        .setMessage("@SqlQuery " + problems.stream().map(NativeQueryProblem::detail).collect(Collectors.joining("; ")))
        .build();
  }

  private static String forbidden(List<String> operations) {
    return "SQL " + ForbiddenOperations.explain(operations);
  }

  /**
   * Said once per compilation, on the first statement checked; the build fails on it, and the other statements
   * are checked against the models that could be read.
   */
  private Description unreadable(TenantSchemas schemas, Tree where) {
    return buildDescription(where)
        .setMessage("Rowguard's schema model could not be read, so tenant filters cannot be checked: "
            + String.join("; ", schemas.errors()) + "; fix the file (absent arrays may be left out) or remove it")
        .build();
  }

  /**
   * Without any schema.json no tenant filter can be checked: said once per compilation, as a warning, on the
   * first SQL that names a table, rather than checking nothing in silence.
   */
  private Description missingModel(TenantSchemas schemas, String sql, Tree where) {
    if (schemas.found() || !SqlTables.namesATable(sql) || !schemas.warnedMissing().compareAndSet(false, true)) {
      return Description.NO_MATCH;
    }
    return buildDescription(where)
        .overrideSeverity(SeverityLevel.WARNING)
        .setMessage("No Rowguard schema model (META-INF/rowguard/schema.json) was found in the class output, on the"
            + " classpath or in -XepOpt:" + SCHEMA_JSON_FLAG + ", so tenant filters are not checked in this"
            + " compilation; run the Rowguard processor in the same compilation, put the jar that holds the model"
            + " on the classpath, or name the file with -XepOpt:" + SCHEMA_JSON_FLAG + "=<path>")
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
