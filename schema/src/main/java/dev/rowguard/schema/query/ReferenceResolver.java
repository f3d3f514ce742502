package dev.rowguard.schema.query;

import static dev.rowguard.schema.query.SqlNames.fold;
import static dev.rowguard.schema.query.SqlNames.foldOrNull;

import dev.rowguard.schema.Column;
import dev.rowguard.schema.Table;
import dev.rowguard.schema.query.NativeQueryProblem.Kind;
import dev.rowguard.schema.query.QueryScope.Source;
import dev.rowguard.schema.query.References.ParameterSite;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.JdbcNamedParameter;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.ComparisonOperator;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedFromItem;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.TableFunction;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;

/**
 * Resolves the tables, columns and {@code rowguard_tenant(…)} placeholders of one parsed statement against the
 * model, query block by query block, and reports the names it can prove wrong. A name it cannot resolve (a
 * column of a subquery or CTE, an output alias in ORDER BY, an unqualified name beside such a source) is left
 * alone: no false positives. Single use.
 */
final class ReferenceResolver {
  /** Unqualified words that PostgreSQL reads as values, not columns. */
  private static final Set<String> NOT_COLUMNS = Set.of(
      "current_user", "session_user", "user", "current_role", "current_catalog", "current_schema",
      "current_date", "current_time", "current_timestamp", "localtime", "localtimestamp", "default", "true",
      "false", "null");

  private final ModelTables tables;
  private final String sql;
  private final Map<Integer, SqlMark.SchemaQualifier> qualifiers = new java.util.TreeMap<>();
  private final Set<String> cteNames = new HashSet<>();
  private final List<NativeQueryProblem> problems = new ArrayList<>();
  private final PlaceholderResolver placeholders;
  private final Map<net.sf.jsqlparser.schema.Column, Resolved> resolved = new IdentityHashMap<>();
  private final List<ParameterSite> sites = new ArrayList<>();
  private ResultColumns result = ResultColumns.NONE;
  private Table target;
  private boolean returning;

  private ReferenceResolver(ModelTables tables, String sql, List<SqlMark.TenantPlaceholder> placeholderMarks) {
    this.tables = tables;
    this.sql = sql;
    this.placeholders = new PlaceholderResolver(placeholderMarks, problems);
  }

  /**
   * Resolves {@code statement}, parsed from {@code sql} (with the same offsets), in which the i-th placeholder of
   * {@code placeholderMarks} is a call of {@link TenantPlaceholders#functionName(int) functionName(i)}.
   */
  static References resolve(
      Statement statement, String sql, ModelTables tables, List<SqlMark.TenantPlaceholder> placeholderMarks) {
    ReferenceResolver resolver = new ReferenceResolver(tables, sql, placeholderMarks);
    if (statement instanceof Select select) {
      resolver.select(select, null, true);
    } else if (statement instanceof Update update) {
      resolver.update(update);
    } else if (statement instanceof Delete delete) {
      resolver.delete(delete);
    } else if (statement instanceof Insert insert) {
      resolver.insert(insert);
    }
    resolver.placeholders.reportUnresolved();
    ResultColumns result = resolver.result;
    return new References(resolver.problems, resolver.placeholders.targets(), resolver.sites, result.columns(),
        result.known(), result.qualifiers(), resolver.target, resolver.returning,
        List.copyOf(resolver.qualifiers.values()));
  }

  // Statements and query blocks

  private void select(Select select, QueryScope parent, boolean top) {
    withItems(select.getWithItemsList(), parent);
    if (select instanceof PlainSelect plain) {
      plainSelect(plain, parent, top);
    } else if (select instanceof SetOperationList setOperations) {
      // The result is named by the first branch; an ORDER BY after the branches names output columns only.
      for (int i = 0; i < setOperations.getSelects().size(); i++) {
        select(setOperations.getSelect(i), parent, top && i == 0);
      }
    } else if (select instanceof ParenthesedSelect parenthesed) {
      select(parenthesed.getSelect(), parent, top);
    } else if (select instanceof Values values) {
      values.getExpressions().accept(new Names(new QueryScope(parent)), null);
      if (top) {
        result = ResultColumns.unknown();
      }
    }
  }

  private void withItems(List<WithItem<?>> items, QueryScope parent) {
    if (items == null) {
      return;
    }
    for (WithItem<?> item : items) {
      // Added first: a recursive CTE refers to itself.
      cteNames.add(fold(item.getAliasName()));
      if (item.getParenthesedStatement() instanceof ParenthesedSelect body) {
        select(body, parent, false);
      }
    }
  }

  private void plainSelect(PlainSelect select, QueryScope parent, boolean top) {
    QueryScope scope = new QueryScope(parent);
    List<Join> joins = new ArrayList<>();
    from(select.getFromItem(), scope, joins);
    if (select.getJoins() != null) {
      for (Join join : select.getJoins()) {
        from(join.getFromItem(), scope, joins);
        joins.add(join);
      }
    }
    Names names = new Names(scope);
    for (SelectItem<?> item : select.getSelectItems()) {
      selectItem(item, scope, names);
    }
    accept(select.getWhere(), names);
    for (Join join : joins) {
      join.getOnExpressions().forEach(on -> accept(on, names));
    }
    accept(select.getHaving(), names);
    accept(select.getQualify(), names);
    if (select.getDistinct() != null && select.getDistinct().getOnSelectItems() != null) {
      select.getDistinct().getOnSelectItems().forEach(item -> accept(item.getExpression(), names));
    }
    // GROUP BY and ORDER BY may name output columns by their alias.
    Names outputNames = new Names(scope, outputAliases(select.getSelectItems()));
    if (select.getGroupBy() != null) {
      accept(select.getGroupBy().getGroupByExpressionList(), outputNames);
    }
    if (select.getOrderByElements() != null) {
      for (OrderByElement element : select.getOrderByElements()) {
        accept(element.getExpression(), outputNames);
      }
    }
    if (top) {
      result = ResultColumns.of(select.getSelectItems(), scope, this::model);
    }
  }

  private void update(Update update) {
    withItems(update.getWithItemsList(), null);
    QueryScope scope = new QueryScope(null);
    Source written = table(update.getTable());
    scope.sources.add(written);
    target = written.table();
    List<Join> joins = new ArrayList<>();
    joins(update.getStartJoins(), scope, joins);
    from(update.getFromItem(), scope, joins);
    joins(update.getJoins(), scope, joins);
    Names names = new Names(scope);
    assignments(update.getUpdateSets(), written, names, true);
    accept(update.getWhere(), names);
    for (Join join : joins) {
      join.getOnExpressions().forEach(on -> accept(on, names));
    }
    returning(update.getReturningClause(), scope, names);
  }

  private void delete(Delete delete) {
    withItems(delete.getWithItemsList(), null);
    QueryScope scope = new QueryScope(null);
    if (delete.getTable() != null) {
      Source written = table(delete.getTable());
      scope.sources.add(written);
      target = written.table();
    }
    List<Join> joins = new ArrayList<>();
    if (delete.getUsingFromItemList() != null) {
      delete.getUsingFromItemList().forEach(item -> from(item, scope, joins));
    }
    joins(delete.getJoins(), scope, joins);
    Names names = new Names(scope);
    accept(delete.getWhere(), names);
    for (Join join : joins) {
      join.getOnExpressions().forEach(on -> accept(on, names));
    }
    returning(delete.getReturningClause(), scope, names);
  }

  private void insert(Insert insert) {
    withItems(insert.getWithItemsList(), null);
    Source written = table(insert.getTable());
    target = written.table();
    List<Column> columns = new ArrayList<>();
    if (insert.getColumns() != null) {
      for (net.sf.jsqlparser.schema.Column column : insert.getColumns()) {
        columns.add(targetColumn(column, written, false));
      }
    } else if (target != null) {
      columns.addAll(target.columns());
    }
    Select source = insert.getSelect();
    if (source instanceof Values values) {
      Names names = new Names(new QueryScope(null));
      values.getExpressions().accept(names, null);
      for (Expression row : rows(values.getExpressions())) {
        List<Expression> items = row instanceof ExpressionList<?> list ? new ArrayList<>(list) : List.of(row);
        for (int i = 0; i < Math.min(items.size(), columns.size()); i++) {
          site(items.get(i), written.table(), columns.get(i));
        }
      }
    } else if (source != null) {
      select(source, null, false);
    }
    QueryScope scope = new QueryScope(null);
    scope.sources.add(written);
    if (insert.getConflictAction() != null) {
      QueryScope conflictScope = new QueryScope(null);
      conflictScope.sources.add(written);
      conflictScope.sources.add(new Source(written.kind(), "excluded", written.name(), null, written.table(),
          "excluded", "excluded"));
      Names names = new Names(conflictScope);
      assignments(insert.getConflictAction().getUpdateSets(), written, names, false);
      accept(insert.getConflictAction().getWhereExpression(), names);
    }
    returning(insert.getReturningClause(), scope, new Names(scope));
  }

  /** The rows of a VALUES list: one parenthesised list per row, or the items of a single row. */
  private static List<Expression> rows(ExpressionList<?> expressions) {
    boolean listOfRows = !expressions.isEmpty() && expressions.stream().allMatch(e -> e instanceof ExpressionList<?>);
    return listOfRows ? new ArrayList<>(expressions) : List.of(expressions);
  }

  private void assignments(List<UpdateSet> sets, Source written, Names names, boolean checkTenantKeys) {
    if (sets == null) {
      return;
    }
    for (UpdateSet set : sets) {
      List<Column> columns = new ArrayList<>();
      for (net.sf.jsqlparser.schema.Column column : set.getColumns()) {
        columns.add(targetColumn(column, written, checkTenantKeys));
      }
      set.getValues().accept(names, null);
      if (set.getValues().size() == columns.size()) {
        for (int i = 0; i < columns.size(); i++) {
          site(set.getValues().get(i), written.table(), columns.get(i));
        }
      }
    }
  }

  /** A column an INSERT or UPDATE writes, which must be one of its table's; {@code null} when unknown. */
  private Column targetColumn(net.sf.jsqlparser.schema.Column written, Source table, boolean checkTenantKeys) {
    if (table.table() == null) {
      return null;
    }
    String name = fold(written.getColumnName());
    Column column = table.table().column(name).orElse(null);
    if (column == null) {
      problems.add(NameProblems.unknownColumn(name, List.of(table)));
      return null;
    }
    if (checkTenantKeys && table.table().tenanted() && table.table().tenancy().columns().contains(name)) {
      problems.add(new NativeQueryProblem(Kind.TENANT_KEY_WRITE, "UPDATE of " + table.written()
          + " sets the tenant key " + name + ", which would move rows to another tenant; remove " + name
          + " from the SET list (tenant keys are fixed when a row is inserted)"));
    }
    return column;
  }

  private void returning(List<SelectItem<?>> items, QueryScope scope, Names names) {
    if (items == null || items.isEmpty()) {
      return;
    }
    returning = true;
    for (SelectItem<?> item : items) {
      selectItem(item, scope, names);
    }
    result = ResultColumns.of(items, scope, this::model);
  }

  // FROM items

  private void joins(List<Join> joins, QueryScope scope, List<Join> into) {
    if (joins != null) {
      for (Join join : joins) {
        from(join.getFromItem(), scope, into);
        into.add(join);
      }
    }
  }

  private void from(FromItem item, QueryScope scope, List<Join> joins) {
    if (item == null) {
      return;
    }
    if (item instanceof net.sf.jsqlparser.schema.Table table) {
      scope.sources.add(table(table));
    } else if (item instanceof ParenthesedFromItem parenthesed) {
      from(parenthesed.getFromItem(), scope, joins);
      joins(parenthesed.getJoins(), scope, joins);
    } else {
      if (item instanceof ParenthesedSelect subquery) {
        // Walked with this block as parent: a LATERAL subquery may refer to the items before it.
        select(subquery, scope, false);
      } else if (item instanceof TableFunction function) {
        accept(function.getFunction(), new Names(scope));
      }
      Alias alias = item.getAlias();
      String writtenAlias = alias == null ? null : alias.getName();
      scope.sources.add(new Source(QueryScope.Kind.DERIVED, foldOrNull(writtenAlias), null, null, null,
          writtenAlias == null ? "a subquery" : writtenAlias, writtenAlias));
    }
  }

  /** A table named in FROM, UPDATE, DELETE or INSERT: a CTE, a model table, or unknown (reported). */
  private Source table(net.sf.jsqlparser.schema.Table table) {
    String name = fold(table.getName());
    String schema = foldOrNull(table.getSchemaName());
    String writtenAlias = table.getAlias() == null ? null : table.getAlias().getName();
    String alias = foldOrNull(writtenAlias);
    String written = table.getFullyQualifiedName() + (writtenAlias == null ? "" : " " + writtenAlias);
    if (schema == null && cteNames.contains(name)) {
      return new Source(QueryScope.Kind.CTE, alias, name, null, null, written, writtenAlias);
    }
    Table model = tables.find(schema, name);
    if (model == null) {
      problems.add(NameProblems.unknownTable(table.getFullyQualifiedName(), name, tables));
      return new Source(QueryScope.Kind.UNKNOWN, alias, name, schema, null, written, writtenAlias);
    }
    if (schema == null) {
      int start = SqlPositions.start(sql, table);
      qualifiers.put(start, new SqlMark.SchemaQualifier(start, model.name().schema()));
    }
    return new Source(QueryScope.Kind.TABLE, alias, name, schema, model, written, writtenAlias);
  }

  // Select items and results

  private void selectItem(SelectItem<?> item, QueryScope scope, Names names) {
    if (item.getExpression() instanceof AllTableColumns all) {
      String qualifier = fold(all.getTable().getName());
      if (findSource(qualifier, foldOrNull(all.getTable().getSchemaName()), scope) == null) {
        problems.add(NameProblems.unknownQualifier(all.getTable().getFullyQualifiedName(), all.toString(), scope));
      }
    } else {
      accept(item.getExpression(), names);
    }
  }

  private static Set<String> outputAliases(List<SelectItem<?>> items) {
    Set<String> aliases = new HashSet<>();
    for (SelectItem<?> item : items) {
      if (item.getAlias() != null) {
        aliases.add(fold(item.getAlias().getName()));
      }
    }
    return aliases;
  }

  // Columns

  private void column(net.sf.jsqlparser.schema.Column column, QueryScope scope, Set<String> outputAliases) {
    if (resolved.containsKey(column)) {
      return;
    }
    String name = fold(column.getColumnName());
    net.sf.jsqlparser.schema.Table qualifier = column.getTable();
    if (qualifier != null && qualifier.getName() != null && !qualifier.getName().isEmpty()) {
      Source source = findSource(fold(qualifier.getName()), foldOrNull(qualifier.getSchemaName()), scope);
      if (source == null) {
        problems.add(NameProblems.unknownQualifier(qualifier.getFullyQualifiedName(), column.getFullyQualifiedName(),
            scope));
      } else if (source.table() != null) {
        Column model = source.table().column(name).orElse(null);
        if (model == null) {
          problems.add(NameProblems.unknownColumn(name, List.of(source)));
        } else {
          resolved.put(column, new Resolved(source.table(), model));
        }
      }
      return;
    }
    if (outputAliases.contains(name) || NOT_COLUMNS.contains(name) || name.startsWith("$")) {
      return; // JSqlParser reads the tag of a $tag$ string as a column
    }
    QueryScope innermost = null;
    for (QueryScope s = scope; s != null; s = s.parent) {
      if (s.sources.isEmpty()) {
        continue;
      }
      innermost = innermost == null ? s : innermost;
      List<Source> having = s.sources.stream()
          .filter(source -> source.table() != null && source.table().column(name).isPresent())
          .toList();
      if (having.size() == 1 && !s.hasOpaqueSource()) {
        resolved.put(column, new Resolved(having.get(0).table(), having.get(0).table().column(name).get()));
        return;
      }
      boolean wholeRow = s.sources.stream().anyMatch(source -> source.answersTo(name, null));
      if (!having.isEmpty() || s.hasOpaqueSource() || wholeRow) {
        return; // ambiguous, perhaps a column of a subquery, or a whole-row reference
      }
    }
    if (innermost != null) {
      problems.add(NameProblems.unknownColumn(name, innermost.sources));
    }
  }

  private static Source findSource(String qualifier, String schema, QueryScope scope) {
    for (QueryScope s = scope; s != null; s = s.parent) {
      Source source = s.find(qualifier, schema);
      if (source != null) {
        return source;
      }
    }
    return null;
  }

  // Parameters compared with or written to columns

  private void comparison(Expression left, Expression right) {
    Expression l = unwrap(left);
    Expression r = unwrap(right);
    if (l instanceof JdbcNamedParameter && r instanceof net.sf.jsqlparser.schema.Column) {
      comparison(r, l);
      return;
    }
    if (l instanceof net.sf.jsqlparser.schema.Column column && r instanceof JdbcNamedParameter) {
      Resolved model = resolved.get(column);
      if (model != null) {
        site(r, model.table(), model.column());
      }
    }
  }

  /** Records {@code value} if it is a parameter (uncast: a cast decides the type it binds as). */
  private void site(Expression value, Table table, Column column) {
    if (column != null && unwrap(value) instanceof JdbcNamedParameter parameter) {
      sites.add(new ParameterSite(parameter.getName(), table, column));
    }
  }

  private static Expression unwrap(Expression expression) {
    Expression current = expression;
    while (current instanceof ParenthesedExpressionList<?> list && list.size() == 1) {
      current = list.get(0);
    }
    return current;
  }

  private Column model(net.sf.jsqlparser.schema.Column column) {
    Resolved model = resolved.get(column);
    return model == null ? null : model.column();
  }

  private static void accept(Expression expression, Names names) {
    if (expression != null) {
      expression.accept(names, null);
    }
  }

  /** A column of the model, and its table. */
  private record Resolved(Table table, Column column) {}

  /** Visits the expressions of one query block; subqueries become query blocks of their own. */
  private final class Names extends ExpressionVisitorAdapter<Void> {
    private final QueryScope scope;
    private final Set<String> outputAliases;

    Names(QueryScope scope) {
      this(scope, Set.of());
    }

    Names(QueryScope scope, Set<String> outputAliases) {
      this.scope = scope;
      this.outputAliases = outputAliases;
    }

    @Override
    public <S> Void visit(net.sf.jsqlparser.schema.Column column, S context) {
      column(column, scope, outputAliases);
      return null;
    }

    @Override
    public <S> Void visit(ParenthesedSelect subquery, S context) {
      select(subquery, scope, false);
      return null;
    }

    @Override
    public <S> Void visit(Select subquery, S context) {
      select(subquery, scope, false);
      return null;
    }

    @Override
    public <S> Void visit(Function function, S context) {
      return placeholders.resolve(function.getName(), scope) ? null : super.visit(function, context);
    }

    @Override
    protected <S> Void visitBinaryExpression(BinaryExpression expression, S context) {
      super.visitBinaryExpression(expression, context);
      if (expression instanceof ComparisonOperator || expression instanceof LikeExpression) {
        comparison(expression.getLeftExpression(), expression.getRightExpression());
      }
      return null;
    }

    @Override
    public <S> Void visit(Between between, S context) {
      super.visit(between, context);
      comparison(between.getLeftExpression(), between.getBetweenExpressionStart());
      comparison(between.getLeftExpression(), between.getBetweenExpressionEnd());
      return null;
    }

    @Override
    public <S> Void visit(InExpression in, S context) {
      super.visit(in, context);
      if (in.getRightExpression() instanceof ExpressionList<?> items) {
        for (Expression item : items) {
          comparison(in.getLeftExpression(), item);
        }
      }
      return null;
    }
  }
}
