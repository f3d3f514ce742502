package dev.rowguard.schema.query;

import static dev.rowguard.schema.query.SqlNames.fold;

import dev.rowguard.schema.QualifiedName;
import dev.rowguard.schema.Schema;
import dev.rowguard.schema.Table;
import dev.rowguard.schema.TenantKeyColumn;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.ParenthesedFromItem;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * Proves that native SQL restricts every tenant key of each tenanted table it reads or writes, and finds the
 * {@link ForbiddenOperations} it runs. The one scope model (query blocks, CTEs, joins) behind both the Error
 * Prone checks and the {@code @SqlQuery} analysis, which runs it on its SQL with {@code rowguard_tenant(…)}
 * expanded to the strict form.
 *
 * <p>The rule, for every reference to a tenanted table (schema-qualified, or unqualified; aliases resolved) in
 * a SELECT, UPDATE or DELETE, joins, subqueries, CTE bodies and set operations included: each tenant key column
 * of that table is compared by equality, in a top-level AND of the WHERE clause of the query block that holds
 * the reference, of the ON of any inner join, or of the ON of the LEFT JOIN that introduces it, with exactly
 * {@code current_setting('<that key's setting>')}, optionally cast to the key's type ({@link TenantSetting}).
 * Bind parameters, {@code COALESCE}, {@code NULLIF}, {@code CASE} and {@code OR} never restrict; nor does the ON
 * of a RIGHT or FULL JOIN. For INSERT, every tenant key column must be in the column list (the policy's WITH
 * CHECK refuses another tenant's key at run time; an INSERT reads no rows).
 *
 * <p>An unqualified name is resolved by name alone, since the search path is not known at compile time; when
 * several tables in the model share it, the reference must restrict the keys of every tenanted one of them
 * (fail closed). An unqualified name that matches a CTE of the statement refers to the CTE.
 *
 * <p>SQL whose text names no tenanted table needs no tenant filter and is not parsed (it is still searched for
 * forbidden operations). SQL that names one and that JSqlParser cannot parse is {@link
 * TenantFilterReport.Status#UNPARSEABLE} (fail closed: it cannot be proved safe). Statements other than
 * SELECT/UPDATE/DELETE/INSERT (DDL, …) are only searched for embedded queries.
 *
 * <p>Immutable and thread-safe; build one per schema and reuse it.
 */
public final class TenantFilterAnalyzer {
  private static final Pattern WORD_BOUNDARY = Pattern.compile("[^a-z0-9_$]+");

  /** Tenanted tables by lower-case name, and by lower-case {@code schema.name}. */
  private final Map<String, List<Table>> tenantedByName;
  private final Map<String, Table> tenantedByQualifiedName;

  private TenantFilterAnalyzer(Collection<Table> tables) {
    Map<String, List<Table>> byName = new LinkedHashMap<>();
    Map<String, Table> byQualified = new LinkedHashMap<>();
    for (Table table : tables) {
      String name = fold(table.name().name());
      if (table.tenanted()) {
        byName.computeIfAbsent(name, n -> new ArrayList<>()).add(table);
        byQualified.put(fold(table.name().schema()) + "." + name, table);
      }
    }
    this.tenantedByName = Map.copyOf(byName);
    this.tenantedByQualifiedName = Map.copyOf(byQualified);
  }

  /** An analyzer for the tables of {@code schema}. */
  public static TenantFilterAnalyzer of(Schema schema) {
    return new TenantFilterAnalyzer(schema.tables());
  }

  /** An analyzer for {@code tables}, e.g. the union of several {@code schema.json} files. */
  public static TenantFilterAnalyzer of(Collection<Table> tables) {
    return new TenantFilterAnalyzer(tables);
  }

  /** Whether the model has any tenanted table; when it has none, every statement is safe. */
  public boolean hasTenantedTables() {
    return !tenantedByName.isEmpty();
  }

  /**
   * Analyses one SQL string, which may hold several statements separated by {@code ;}. Never throws.
   *
   * <p>Only the strict form {@code key = current_setting('<its setting>')::<its type>} is the bound tenant: a
   * bind parameter is not, as a caller could bind any tenant's key.
   */
  public TenantFilterReport analyze(String sql) {
    List<String> forbidden = ForbiddenOperations.find(sql);
    if (!hasTenantedTables() || !namesTenantedTable(sql)) {
      // No tenanted table is named, so none can be read or written: no need to parse.
      return new TenantFilterReport(TenantFilterReport.Status.SAFE, List.of(), null, forbidden);
    }
    List<Statement> statements;
    try {
      statements = SqlParsing.parse(sql);
    } catch (ParseException | RuntimeException e) {
      return new TenantFilterReport(
          TenantFilterReport.Status.UNPARSEABLE, List.of(), SqlParsing.firstLine(e), forbidden);
    }
    List<TenantFilterProblem> problems = new ArrayList<>();
    for (Statement statement : statements) {
      if (statement != null) {
        problems.addAll(problems(statement));
      }
    }
    return new TenantFilterReport(
        problems.isEmpty() ? TenantFilterReport.Status.SAFE : TenantFilterReport.Status.UNFILTERED, problems, null,
        forbidden);
  }

  /** The unrestricted references of one parsed statement. */
  List<TenantFilterProblem> problems(Statement statement) {
    QueryBlocks blocks = new QueryBlocks();
    try {
      blocks.getTables(statement);
    } catch (UnsupportedOperationException e) {
      // The finder does not walk every statement kind (some DDL); those hold no query block to check.
    }
    Set<String> cteNames = blocks.cteNames;
    List<TenantFilterProblem> problems = new ArrayList<>();
    if (statement instanceof Insert insert) {
      cteNames.addAll(names(insert.getWithItemsList()));
      checkInsert(insert, cteNames, problems);
    } else if (statement instanceof Update update) {
      cteNames.addAll(names(update.getWithItemsList()));
      List<Ref> refs = new ArrayList<>();
      addRef(refs, update.getTable(), null, cteNames);
      addRef(refs, update.getFromItem(), null, cteNames);
      addJoins(refs, update.getStartJoins(), cteNames);
      addJoins(refs, update.getJoins(), cteNames);
      checkBlock("UPDATE", refs, update.getWhere(), allJoins(update.getStartJoins(), update.getJoins()),
          problems);
    } else if (statement instanceof Delete delete) {
      cteNames.addAll(names(delete.getWithItemsList()));
      List<Ref> refs = new ArrayList<>();
      addRef(refs, delete.getTable(), null, cteNames);
      if (delete.getUsingFromItemList() != null) {
        for (FromItem item : delete.getUsingFromItemList()) {
          addRef(refs, item, null, cteNames);
        }
      }
      addJoins(refs, delete.getJoins(), cteNames);
      checkBlock("DELETE", refs, delete.getWhere(), allJoins(List.of(), delete.getJoins()), problems);
    }
    for (PlainSelect select : blocks.selects) {
      List<Ref> refs = new ArrayList<>();
      addRef(refs, select.getFromItem(), null, cteNames);
      addJoins(refs, select.getJoins(), cteNames);
      checkBlock("SELECT", refs, select.getWhere(), allJoins(List.of(), select.getJoins()), problems);
    }
    return problems;
  }

  private void checkInsert(Insert insert, Set<String> cteNames, List<TenantFilterProblem> problems) {
    List<Ref> refs = new ArrayList<>();
    addRef(refs, insert.getTable(), null, cteNames);
    if (refs.isEmpty()) {
      return;
    }
    Ref ref = refs.get(0);
    Set<String> listed = new HashSet<>();
    if (insert.getColumns() != null) {
      for (Column column : insert.getColumns()) {
        listed.add(fold(column.getColumnName()));
      }
    }
    List<TenantKeyColumn> missing = new ArrayList<>();
    for (TenantKeyColumn key : ref.keys()) {
      if (!listed.contains(fold(key.column()))) {
        missing.add(key);
      }
    }
    if (!missing.isEmpty()) {
      problems.add(new TenantFilterProblem("INSERT", ref.table(), ref.written(), missing));
    }
  }

  /**
   * A reference is restricted by a conjunct of the WHERE clause, of the ON of any inner join, or of the ON of the
   * LEFT JOIN that introduces it (it is that join's nullable side). The ON of a RIGHT or FULL JOIN restricts
   * nothing: the side it introduces is preserved, every row of it is returned whatever the ON says. A table
   * inside a parenthesised join is restricted only by the WHERE clause and the outer inner joins.
   */
  private static void checkBlock(
      String kind, List<Ref> refs, Expression where, List<Join> joins, List<TenantFilterProblem> problems) {
    List<Expression> shared = new ArrayList<>();
    conjuncts(where, shared);
    for (Join join : joins) {
      if (!isOuter(join)) {
        for (Expression on : join.getOnExpressions()) {
          conjuncts(on, shared);
        }
      }
    }
    for (Ref ref : refs) {
      List<Expression> candidates = new ArrayList<>(shared);
      if (ref.join() != null && isLeftOnly(ref.join())) {
        for (Expression on : ref.join().getOnExpressions()) {
          conjuncts(on, candidates);
        }
      }
      List<TenantKeyColumn> missing = new ArrayList<>();
      for (TenantKeyColumn key : ref.keys()) {
        boolean restricted = candidates.stream().anyMatch(c -> restricts(c, ref, key, refs));
        if (!restricted) {
          missing.add(key);
        }
      }
      if (!missing.isEmpty()) {
        problems.add(new TenantFilterProblem(kind, ref.table(), ref.written(), missing));
      }
    }
  }

  private static boolean isOuter(Join join) {
    return join.isLeft() || join.isRight() || join.isFull() || join.isOuter() || join.isCross()
        || join.isNatural() || join.isApply();
  }

  /** A LEFT [OUTER] JOIN, whose ON restricts the side it introduces. */
  private static boolean isLeftOnly(Join join) {
    return join.isLeft() && !join.isRight() && !join.isFull() && !join.isNatural();
  }

  private static boolean restricts(Expression conjunct, Ref ref, TenantKeyColumn key, List<Ref> scope) {
    if (!(conjunct instanceof EqualsTo equals)) {
      return false;
    }
    Expression left = unwrap(equals.getLeftExpression());
    Expression right = equals.getRightExpression();
    return (names(left, ref, key, scope) && TenantSetting.isStrict(right, key))
        || (names(unwrap(right), ref, key, scope) && TenantSetting.isStrict(equals.getLeftExpression(), key));
  }

  /** Whether {@code expression} is the column {@code key} of {@code ref}. */
  private static boolean names(Expression expression, Ref ref, TenantKeyColumn key, List<Ref> scope) {
    if (!(expression instanceof Column column) || !fold(column.getColumnName()).equals(fold(key.column()))) {
      return false;
    }
    net.sf.jsqlparser.schema.Table qualifier = column.getTable();
    if (qualifier == null || qualifier.getName() == null || qualifier.getName().isEmpty()) {
      // Unqualified: it names this reference's column only if no other tenanted reference has that column.
      return scope.stream()
          .filter(other -> other != ref)
          .noneMatch(other -> other.keys().stream().anyMatch(k -> fold(k.column()).equals(fold(key.column()))));
    }
    String written = fold(qualifier.getName());
    if (ref.alias() != null) {
      return written.equals(ref.alias());
    }
    String schema = qualifier.getSchemaName();
    return written.equals(fold(ref.table().name()))
        && (schema == null || fold(schema).equals(fold(ref.table().schema())));
  }

  private static Expression unwrap(Expression expression) {
    Expression current = expression;
    while (true) {
      if (current instanceof ParenthesedExpressionList<?> list && list.size() == 1) {
        current = list.get(0);
      } else if (current instanceof CastExpression cast && cast.getLeftExpression() instanceof Column) {
        current = cast.getLeftExpression();
      } else {
        return current;
      }
    }
  }

  private static void conjuncts(Expression expression, List<Expression> into) {
    if (expression == null) {
      return;
    }
    if (expression instanceof AndExpression and) {
      conjuncts(and.getLeftExpression(), into);
      conjuncts(and.getRightExpression(), into);
    } else if (expression instanceof ParenthesedExpressionList<?> list && list.size() == 1) {
      conjuncts(list.get(0), into);
    } else {
      into.add(expression);
    }
  }

  private void addJoins(List<Ref> refs, List<Join> joins, Set<String> cteNames) {
    if (joins != null) {
      for (Join join : joins) {
        addRef(refs, join.getFromItem(), join, cteNames);
      }
    }
  }

  private static List<Join> allJoins(List<Join> first, List<Join> second) {
    List<Join> all = new ArrayList<>();
    if (first != null) {
      all.addAll(first);
    }
    if (second != null) {
      all.addAll(second);
    }
    return all;
  }

  private void addRef(List<Ref> refs, FromItem item, Join join, Set<String> cteNames) {
    if (item instanceof ParenthesedFromItem parenthesed) {
      // Its tables are checked here, with no join of their own: their ONs are not trusted (see checkBlock).
      addRef(refs, parenthesed.getFromItem(), null, cteNames);
      if (parenthesed.getJoins() != null) {
        for (Join inner : parenthesed.getJoins()) {
          addRef(refs, inner.getFromItem(), null, cteNames);
        }
      }
      return;
    }
    if (!(item instanceof net.sf.jsqlparser.schema.Table table) || table.getName() == null) {
      return; // subqueries are query blocks of their own
    }
    String name = fold(table.getName());
    String schema = table.getSchemaName() == null ? null : fold(table.getSchemaName());
    String alias = table.getAlias() == null ? null : fold(table.getAlias().getName());
    String written = table.getFullyQualifiedName() + (alias == null ? "" : " " + table.getAlias().getName());
    List<Table> candidates;
    if (schema != null) {
      Table match = tenantedByQualifiedName.get(schema + "." + name);
      candidates = match == null ? List.of() : List.of(match);
    } else if (cteNames.contains(name)) {
      candidates = List.of();
    } else {
      candidates = tenantedByName.getOrDefault(name, List.of());
    }
    if (candidates.isEmpty()) {
      return;
    }
    // An unqualified name shared by several tables is ambiguous: require the keys of every tenanted one.
    Map<String, TenantKeyColumn> keys = new LinkedHashMap<>();
    for (Table candidate : candidates) {
      for (TenantKeyColumn key : candidate.tenancy().keys()) {
        keys.putIfAbsent(fold(key.column()), key);
      }
    }
    refs.add(new Ref(candidates.get(0).name(), written, alias, join, List.copyOf(keys.values())));
  }

  private boolean namesTenantedTable(String sql) {
    for (String word : WORD_BOUNDARY.split(sql.toLowerCase(Locale.ROOT))) {
      if (tenantedByName.containsKey(word)) {
        return true;
      }
    }
    return false;
  }

  private static Set<String> names(List<WithItem<?>> withItems) {
    Set<String> names = new HashSet<>();
    if (withItems != null) {
      for (WithItem<?> item : withItems) {
        if (item.getAliasName() != null) {
          names.add(fold(item.getAliasName()));
        }
      }
    }
    return names;
  }

  /** One reference to a tenanted table in one query block. */
  private record Ref(
      QualifiedName table, String written, String alias, Join join, List<TenantKeyColumn> keys) {}

  /** Collects every query block (PlainSelect) of a statement, subqueries and CTEs included. */
  private static final class QueryBlocks extends TablesNamesFinder<Void> {
    final List<PlainSelect> selects = new ArrayList<>();
    final Set<String> cteNames = new HashSet<>();

    @Override
    public <S> Void visit(PlainSelect plainSelect, S context) {
      selects.add(plainSelect);
      cteNames.addAll(names(plainSelect.getWithItemsList()));
      return super.visit(plainSelect, context);
    }

    @Override
    public <S> Void visit(SetOperationList setOperationList, S context) {
      cteNames.addAll(names(setOperationList.getWithItemsList()));
      return super.visit(setOperationList, context);
    }

    @Override
    public <S> Void visit(ParenthesedSelect select, S context) {
      cteNames.addAll(names(select.getWithItemsList()));
      return super.visit(select, context);
    }
  }
}
