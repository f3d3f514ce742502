package dev.rowguard.errorprone;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.auto.service.AutoService;
import com.google.common.collect.ImmutableList;
import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.MethodTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol;
import dev.rowguard.schema.query.TenantFilterProblem;
import dev.rowguard.schema.query.TenantFilterReport;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.inject.Inject;

/**
 * Reports constant SQL, at a database API or in {@code @SqlQuery}, that reads or writes a tenanted table
 * without restricting every tenant key; the tenanted tables come from Rowguard's {@code schema.json}.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary = "Restrict every tenant key of each tenanted table the SQL reads or writes",
    severity = ERROR,
    linkType = CUSTOM,
    link = Docs.CHECKS + "UnfilteredTenantQuery.md")
public final class UnfilteredTenantQuery extends BugChecker
    implements MethodInvocationTreeMatcher, MethodTreeMatcher {
  private static final long serialVersionUID = 1L;

  /** Extra schema.json files, comma-separated: {@code -XepOpt:UnfilteredTenantQuery:SchemaJson=/a.json,…}. */
  static final String SCHEMA_JSON_FLAG = "UnfilteredTenantQuery:SchemaJson";

  private final ImmutableList<String> extraSchemaFiles;

  /** Instantiates an {@link UnfilteredTenantQuery} check that reads schema.json from the compilation only. */
  public UnfilteredTenantQuery() {
    this(ErrorProneFlags.empty());
  }

  /** Instantiates an {@link UnfilteredTenantQuery} check that also reads the files given by the flag. */
  @Inject
  UnfilteredTenantQuery(ErrorProneFlags flags) {
    this.extraSchemaFiles = flags.getListOrEmpty(SCHEMA_JSON_FLAG);
  }

  @Override
  public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    if (!SqlSinks.SINK.matches(tree, state)) {
      return Description.NO_MATCH;
    }
    for (ExpressionTree argument : SqlSinks.sqlArguments(tree, state)) {
      Optional<String> sql = SqlConstants.value(argument, state);
      if (sql.isPresent()) {
        Description description = check(sql.get(), argument, state);
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
    return check(values.get().get(0), where, state);
  }

  private static boolean isSqlQuery(AnnotationTree annotation) {
    Symbol type = ASTHelpers.getSymbol(annotation.getAnnotationType());
    return type != null && type.getQualifiedName().contentEquals(SanctionedCode.SQL_QUERY);
  }

  private Description check(String sql, Tree where, VisitorState state) {
    TenantSchemas schemas = TenantSchemas.of(state.context, extraSchemaFiles);
    if (!schemas.errors().isEmpty()) {
      return buildDescription(where)
          .setMessage("Rowguard's schema model could not be read, so tenant filters cannot be checked: "
              + String.join("; ", schemas.errors()))
          .build();
    }
    TenantFilterReport report = schemas.analyzer().analyze(sql);
    if (!report.reportable()) {
      return Description.NO_MATCH;
    }
    String message = report.status() == TenantFilterReport.Status.UNPARSEABLE
        ? "SQL names a tenanted table but cannot be parsed (" + report.detail() + "), so Rowguard cannot prove"
            + " that it restricts the tenant keys; simplify it, or suppress with"
            + " @SuppressWarnings(\"UnfilteredTenantQuery\") and a comment saying why it is safe"
        : report.problems().stream().map(TenantFilterProblem::message).collect(Collectors.joining("; "));
    return buildDescription(where).setMessage(message).build();
  }
}
