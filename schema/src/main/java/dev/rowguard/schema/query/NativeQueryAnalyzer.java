package dev.rowguard.schema.query;

import dev.rowguard.schema.Schema;
import dev.rowguard.schema.query.NativeQueryProblem.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.update.Update;

/**
 * Checks the native SQL of a {@code @SqlQuery} method against the schema model at compile time, and turns it
 * into the SQL to prepare.
 *
 * <p>The SQL names its parameters {@code :name} and restricts each tenanted table it reads or writes with the
 * placeholder {@code rowguard_tenant(a)} (the table's alias or name; no argument in a query block that reads one
 * table), a condition for a WHERE clause or a JOIN's ON. The placeholder expands to {@code (a.client_account_id =
 * ? AND a.engagement_id = ?)}, one comparison per tenant key, each bound to the current tenant's value. A
 * comparison with a method parameter does not restrict a table, as a caller could pass another tenant's key;
 * {@code key = current_setting('<its setting>')} does. The SQL to prepare names every table of the model
 * schema-qualified, with the schema the analysis resolved it to, so that it runs with any search path and no
 * temporary object of the same name can shadow it.
 *
 * <p>Every problem found is reported; after a syntax error nothing else can be checked. Immutable and
 * thread-safe; build one per schema and reuse it.
 */
public final class NativeQueryAnalyzer {
  private final ModelTables tables;
  private final TenantFilterAnalyzer tenantFilter;
  private final TypeFit typeFit;

  private NativeQueryAnalyzer(Schema schema) {
    this.tables = new ModelTables(schema);
    this.tenantFilter = TenantFilterAnalyzer.of(schema);
    this.typeFit = new TypeFit(tables.enumTypes());
  }

  /** An analyzer for the tables of {@code schema}. */
  public static NativeQueryAnalyzer of(Schema schema) {
    return new NativeQueryAnalyzer(schema);
  }

  /**
   * Analyses the SQL of one method. Never throws.
   *
   * @param sql the annotation's SQL
   * @param parameters the method's parameters, in declaration order
   * @param result what the method makes of each result row
   */
  public NativeQueryAnalysis analyze(String sql, List<QueryParameter> parameters, ResultShape result) {
    List<SqlMark> marks = SqlScanner.scan(sql);
    List<NativeQueryProblem> forbidden = forbidden(sql);
    try {
      NativeQueryAnalysis analysis = analyze(sql, marks, parameters, result);
      List<NativeQueryProblem> problems = new ArrayList<>(forbidden);
      problems.addAll(analysis.problems());
      return new NativeQueryAnalysis(
          analysis.jdbcSql(), analysis.bindings(), analysis.kind(), analysis.resultColumns(), problems);
    } catch (RuntimeException e) {
      // A statement shape the resolver does not expect must fail the method's compilation, not the compiler.
      List<NativeQueryProblem> problems = new ArrayList<>(forbidden);
      problems.add(new NativeQueryProblem(Kind.UNSUPPORTED_STATEMENT, "Rowguard could not"
          + " analyse this statement (" + e + "); write it more simply, and report the SQL to Rowguard"));
      return unchecked(sql, marks, problems);
    }
  }

  /**
   * The tenant-isolation verdict on the SQL of a {@code @SqlQuery}: the problems of {@link
   * NativeQueryProblem.Kind#isolation() isolation kinds} that {@link #analyze} reports, which depend on the SQL
   * alone (not on the method's parameters or result). The Error Prone check {@code UnfilteredTenantQuery} uses
   * it, so that it and the processor give the same verdict by construction.
   */
  public List<NativeQueryProblem> isolationProblems(String sql) {
    return analyze(sql, List.of(), new ResultShape.Scalar("java.lang.Object")).problems().stream()
        .filter(problem -> problem.kind().isolation())
        .toList();
  }

  private static List<NativeQueryProblem> forbidden(String sql) {
    List<String> found = ForbiddenOperations.find(sql);
    if (found.isEmpty()) {
      return List.of();
    }
    return List.of(new NativeQueryProblem(Kind.FORBIDDEN_OPERATION, "the SQL " + ForbiddenOperations.explain(found)));
  }

  private NativeQueryAnalysis analyze(
      String sql, List<SqlMark> marks, List<QueryParameter> parameters, ResultShape result) {
    List<Statement> statements;
    try {
      // JSqlParser has no parser for blank input.
      statements = sql.isBlank() ? List.of() : SqlParsing.parse(TenantPlaceholders.numbered(sql, marks)).stream()
          .filter(Objects::nonNull)
          .toList();
    } catch (ParseException | RuntimeException e) {
      return unchecked(sql, marks, new NativeQueryProblem(Kind.SYNTAX, "the SQL does not parse: "
          + SqlParsing.firstLine(e) + "; fix the syntax (Rowguard reads PostgreSQL with JSqlParser, so valid"
          + " PostgreSQL it does not support must be written another way)"));
    }
    if (statements.size() != 1) {
      return unchecked(sql, marks, new NativeQueryProblem(Kind.UNSUPPORTED_STATEMENT, "the SQL holds "
          + statements.size() + " statements, but an @SqlQuery method runs exactly one; "
          + (statements.isEmpty() ? "write the statement to run" : "split it into several methods")));
    }
    Statement statement = statements.get(0);
    StatementKind kind = kind(statement);
    if (kind == StatementKind.OTHER) {
      return unchecked(sql, marks, new NativeQueryProblem(Kind.UNSUPPORTED_STATEMENT, "a "
          + firstWord(statement) + " statement cannot be run by an @SqlQuery method; write one SELECT, UPDATE,"
          + " DELETE, or INSERT into a table shared by all tenants"));
    }

    List<NativeQueryProblem> problems = new ArrayList<>();
    List<SqlMark.TenantPlaceholder> placeholders = placeholders(marks);
    for (SqlMark.TenantPlaceholder placeholder : placeholders) {
      if (!placeholder.wellFormed()) {
        problems.add(new NativeQueryProblem(Kind.TENANT_FILTER, placeholder.written() + " takes the alias or"
            + " name of one table, or nothing in a query block that reads a single table; write e.g."
            + " rowguard_tenant(a)"));
      }
    }
    References references = ReferenceResolver.resolve(statement, sql, tables, placeholders);
    if (kind == StatementKind.INSERT && references.target() != null && references.target().tenanted()) {
      problems.add(new NativeQueryProblem(Kind.UNSUPPORTED_STATEMENT, "INSERT into the tenanted table "
          + references.target().name() + " is not supported in @SqlQuery; use an @Insert method, which fills the"
          + " tenant keys from the bound tenant"));
    }
    problems.addAll(references.problems());
    problems.addAll(ParameterUsage.check(marks, parameters));
    problems.addAll(ParameterTypes.check(references.parameterSites(), parameters, typeFit));
    List<SqlMark> rewritten = new ArrayList<>(marks);
    rewritten.addAll(references.qualifiers());
    rewritten.sort(java.util.Comparator.comparingInt(SqlMark::start));
    ExpandedSql expanded = ExpandedSql.of(sql, rewritten, references.placeholders());
    problems.addAll(tenantRestriction(expanded.analysisSql(), sql));
    problems.addAll(ResultMapping.check(result, kind, references, typeFit));
    return new NativeQueryAnalysis(
        expanded.jdbcSql(), expanded.bindings(), kind, references.resultColumns(), problems);
  }

  private List<NativeQueryProblem> tenantRestriction(String analysisSql, String sql) {
    List<Statement> expanded;
    try {
      expanded = SqlParsing.parse(analysisSql).stream().filter(Objects::nonNull).toList();
    } catch (ParseException | RuntimeException e) {
      return List.of(new NativeQueryProblem(Kind.SYNTAX, "the SQL does not parse once rowguard_tenant(…) is"
          + " expanded: " + SqlParsing.firstLine(e) + "; use rowguard_tenant(…) only as a condition"));
    }
    return expanded.size() == 1 ? TenantRestriction.check(tenantFilter, expanded.get(0), sql) : List.of();
  }

  /** The analysis of SQL that could not be checked: only the rewriting of its parameters. */
  private static NativeQueryAnalysis unchecked(String sql, List<SqlMark> marks, NativeQueryProblem problem) {
    return unchecked(sql, marks, List.of(problem));
  }

  private static NativeQueryAnalysis unchecked(String sql, List<SqlMark> marks, List<NativeQueryProblem> problems) {
    ExpandedSql expanded = ExpandedSql.of(sql, marks, Map.of());
    return new NativeQueryAnalysis(
        expanded.jdbcSql(), expanded.bindings(), StatementKind.OTHER, List.of(), problems);
  }

  private static StatementKind kind(Statement statement) {
    if (statement instanceof Select) {
      return StatementKind.SELECT;
    } else if (statement instanceof Insert) {
      return StatementKind.INSERT;
    } else if (statement instanceof Update) {
      return StatementKind.UPDATE;
    } else if (statement instanceof Delete) {
      return StatementKind.DELETE;
    }
    return StatementKind.OTHER;
  }

  private static List<SqlMark.TenantPlaceholder> placeholders(List<SqlMark> marks) {
    List<SqlMark.TenantPlaceholder> placeholders = new ArrayList<>();
    for (SqlMark mark : marks) {
      if (mark instanceof SqlMark.TenantPlaceholder placeholder) {
        placeholders.add(placeholder);
      }
    }
    return placeholders;
  }

  private static String firstWord(Statement statement) {
    String text = statement.toString().strip();
    int space = text.indexOf(' ');
    return (space < 0 ? text : text.substring(0, space)).toUpperCase(Locale.ROOT);
  }
}
