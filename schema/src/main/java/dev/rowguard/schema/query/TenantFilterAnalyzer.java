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
import java.util.function.Predicate;
import java.util.regex.Pattern;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.JdbcNamedParameter;
import net.sf.jsqlparser.expression.JdbcParameter;
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
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * Proves that native SQL restricts every tenant key of each tenanted table it reads or writes.
 *
 * <p>The rule, for every reference to a tenanted table (schema-qualified, or unqualified; aliases resolved) in
 * a SELECT, UPDATE or DELETE, joins, subqueries, CTE bodies and set operations included:
 * each tenant key column of that table is compared by equality, in a top-level AND of the WHERE clause (of the
 * query block that holds the reference) or of the ON of the join that introduces it (or of any inner join), to
 * a bind parameter ({@code ?}, {@code :name}, optionally cast) or to an expression containing {@code
 * current_setting('<that key's setting>'…)}. For INSERT, every tenant key column must be in the column list.
 * {@link #analyze(String, Predicate)} is stricter about parameters: only the named ones it is told hold the
 * bound tenant count.
 *
 * <p>An unqualified name is resolved by name alone, since the search path is not known at compile time; when
 * several tables in the model share it, the reference must restrict the keys of every tenanted one of them
 * (fail closed). An unqualified name that matches a CTE of the statement refers to the CTE.
 *
 * <p>SQL whose text names no tenanted table is safe and is not parsed. SQL that names one and that JSqlParser
 * cannot parse is {@link TenantFilterReport.Status#UNPARSEABLE} (fail closed: it cannot be proved safe).
 * Statements other than SELECT/UPDATE/DELETE/INSERT (DDL, SET, …) are only searched for embedded queries.
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
   * Analyses one SQL string, which may hold several statements separated by {@code ;}, counting every bind
   * parameter as a tenant value. Never throws.
   */
  public TenantFilterReport analyze(String sql) {
    return analyze(sql, TenantValues.ANY_PARAMETER);
  }

  /**
   * Like {@link #analyze(String)}, but strict about what the bound tenant is: a key is restricted only by a
   * {@code current_setting('<its setting>'…)} expression or by a named parameter that {@code
   * tenantParameters} accepts; positional parameters never count. For SQL whose parameters come from callers
   * that could pass any tenant's key.
   */
  public TenantFilterReport analyze(String sql, Predicate<String> tenantParameters) {
    return analyze(sql, new TenantValues(false, tenantParameters));
  }

  private TenantFilterReport analyze(String sql, TenantValues tenantValues) {
    if (!hasTenantedTables()) {
      return new TenantFilterReport(TenantFilterReport.Status.SAFE, List.of(), null);
    }
    if (!namesTenantedTable(sql)) {
      // No tenanted table is named, so none can be read or written: no need to parse.
      return new TenantFilterReport(TenantFilterReport.Status.SAFE, List.of(), null);
    }
    List<Statement> statements;
    try {
      statements = SqlParsing.parse(sql);
    } catch (ParseException | RuntimeException e) {
      return new TenantFilterReport(TenantFilterReport.Status.UNPARSEABLE, List.of(), SqlParsing.firstLine(e));
    }
    List<TenantFilterProblem> problems = new ArrayList<>();
    for (Statement statement : statements) {
      if (statement != null) {
        problems.addAll(problems(statement, tenantValues));
      }
    }
    return new TenantFilterReport(
        problems.isEmpty() ? TenantFilterReport.Status.SAFE : TenantFilterReport.Status.UNFILTERED, problems, null);
  }

  /** The unrestricted references of one parsed statement. */
  List<TenantFilterProblem> problems(Statement statement, TenantValues tenantValues) {
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
          tenantValues, problems);
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
      checkBlock("DELETE", refs, delete.getWhere(), allJoins(List.of(), delete.getJoins()), tenantValues, problems);
    }
    for (PlainSelect select : blocks.selects) {
      List<Ref> refs = new ArrayList<>();
      addRef(refs, select.getFromItem(), null, cteNames);
      addJoins(refs, select.getJoins(), cteNames);
      checkBlock("SELECT", refs, select.getWhere(), allJoins(List.of(), select.getJoins()), tenantValues, problems);
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

  private static void checkBlock(
      String kind, List<Ref> refs, Expression where, List<Join> joins, TenantValues tenantValues,
      List<TenantFilterProblem> problems) {
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
      if (ref.join() != null) {
        for (Expression on : ref.join().getOnExpressions()) {
          conjuncts(on, candidates);
        }
      }
      List<TenantKeyColumn> missing = new ArrayList<>();
      for (TenantKeyColumn key : ref.keys()) {
        boolean restricted = candidates.stream().anyMatch(c -> restricts(c, ref, key, refs, tenantValues));
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
        || join.isNatural();
  }

  private static boolean restricts(
      Expression conjunct, Ref ref, TenantKeyColumn key, List<Ref> scope, TenantValues tenantValues) {
    if (!(conjunct instanceof EqualsTo equals)) {
      return false;
    }
    Expression left = unwrap(equals.getLeftExpression());
    Expression right = unwrap(equals.getRightExpression());
    return (names(left, ref, key, scope) && isTenantValue(right, key, tenantValues))
        || (names(right, ref, key, scope) && isTenantValue(left, key, tenantValues));
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

  private static boolean isTenantValue(Expression expression, TenantKeyColumn key, TenantValues tenantValues) {
    if (expression instanceof JdbcParameter) {
      return tenantValues.positional();
    }
    if (expression instanceof JdbcNamedParameter named) {
      return tenantValues.named().test(named.getName());
    }
    String setting = Pattern.quote(key.setting().toLowerCase(Locale.ROOT));
    return Pattern.compile("current_setting\\s*\\(\\s*'" + setting + "'", Pattern.CASE_INSENSITIVE)
        .matcher(expression.toString())
        .find();
  }

  private static Expression unwrap(Expression expression) {
    Expression current = expression;
    while (true) {
      if (current instanceof ParenthesedExpressionList<?> list && list.size() == 1) {
        current = list.get(0);
      } else if (current instanceof CastExpression cast
          && (cast.getLeftExpression() instanceof JdbcParameter
              || cast.getLeftExpression() instanceof JdbcNamedParameter
              || cast.getLeftExpression() instanceof Column)) {
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

  /**
   * Which bind parameters count as the bound tenant's value.
   *
   * @param positional whether {@code ?} counts
   * @param named which {@code :name} parameters count, by name
   */
  record TenantValues(boolean positional, Predicate<String> named) {
    /** Any parameter: the caller is trusted to bind the tenant's keys. */
    static final TenantValues ANY_PARAMETER = new TenantValues(true, name -> true);
    /** No parameter: only {@code current_setting(…)} is the bound tenant. */
    static final TenantValues SETTINGS_ONLY = new TenantValues(false, name -> false);
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
