package dev.rowguard.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;
import dev.rowguard.processor.repository.Bind;
import dev.rowguard.processor.repository.EntityMapping;
import dev.rowguard.processor.repository.Operation;
import dev.rowguard.processor.repository.Operation.Cardinality;
import dev.rowguard.processor.repository.Property;
import dev.rowguard.processor.repository.Query;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders finders: the select with its order (fixed, or built at run time from Order and Sort parameters through
 * a fixed list of columns), its limit, and for a page the count query and one row more than the page.
 */
final class FindRenderer {
  private static final ClassName PAGE_REQUEST = ClassName.get("jakarta.data.page", "PageRequest");
  private static final ClassName PAGE_RECORD = ClassName.get("jakarta.data.page.impl", "PageRecord");
  private static final ClassName SORT = ClassName.get("jakarta.data", "Sort");

  private FindRenderer() {}

  static void render(Operation.Find find, JdbcBlock block) {
    Query query = find.query();
    EntityMapping entity = query.entity();
    List<Property> selected = find.projection() == null ? entity.properties() : find.projection().properties();
    String mapper = find.projection() == null ? block.entities.rowMapper(entity)
        : block.entities.projectionMapper(find.projection());
    TypeName resultType = PoetTypes.of(find.projection() == null ? entity.type() : find.projection().type());
    Statement select = RepositorySql.select(query, selected);
    boolean page = find.cardinality() == Cardinality.PAGE;
    List<String> staticOrder = new ArrayList<>(RepositorySql.orderTerms(query.orderBy()));
    if (page && query.dynamicOrder().isEmpty()) {
      staticOrder.add(RepositorySql.column(entity.id())); // Pages need a total order to be stable.
    }
    List<Bind> binds = new ArrayList<>(select.binds());
    String tail = "";
    if (query.first() > 0) {
      tail = " LIMIT " + query.first();
    } else if (query.limit() != null) {
      tail = " LIMIT ? OFFSET ?";
      binds.add(new Bind.MaxRows(block.arg(query.limit()) + ".maxResults()"));
      binds.add(new Bind.SkipRows(block.arg(query.limit()) + ".startAt() - 1"));
    } else if (page) {
      tail = " LIMIT ? OFFSET ?";
      String request = block.arg(query.pageRequest());
      binds.add(new Bind.MaxRows(request + ".size() + 1L"));
      binds.add(new Bind.SkipRows("(" + request + ".page() - 1) * " + request + ".size()"));
    }
    block.requireTenant(entity);
    if (page) {
      block.code.beginControlFlow("if ($L.mode() != $T.Mode.OFFSET)", block.arg(query.pageRequest()), PAGE_REQUEST)
          .addStatement("throw new $T($S)", UnsupportedOperationException.class, block.label
              + ": cursor-based pagination is not supported; use PageRequest.ofPage(n)")
          .endControlFlow();
    }
    CodeBlock sql = query.dynamicOrder().isEmpty()
        ? CodeBlock.of("$L", block.members.sqlConstant(block.method.name(), "", select.sql()
            + (staticOrder.isEmpty() ? "" : " ORDER BY " + String.join(", ", staticOrder)) + tail))
        : dynamicOrder(block, query, select, staticOrder, page, tail);
    if (page) {
      page(block, query, sql, binds, mapper, resultType);
      return;
    }
    block.open(sql, null);
    block.bindAll(binds);
    block.query(find.cardinality(), CodeBlock.of("$L(rows)", mapper), resultType, entity.simpleName());
    block.close();
  }

  /** {@code String sql = BASE + " ORDER BY " + …}: the fixed terms, then each Order and Sort argument's. */
  private static CodeBlock dynamicOrder(JdbcBlock block, Query query, Statement select, List<String> staticOrder,
      boolean page, String tail) {
    EntityMapping entity = query.entity();
    String base = block.members.sqlConstant(block.method.name(), "", select.sql());
    if (staticOrder.isEmpty()) {
      block.code.addStatement("$T<$T> order = new $T<>()", List.class, String.class, ArrayList.class);
    } else {
      block.code.addStatement("$T<$T> order = new $T<>($T.of($L))", List.class, String.class, ArrayList.class,
          List.class, CodeBlock.join(staticOrder.stream().map(t -> CodeBlock.of("$S", t)).toList(), ", "));
    }
    String helper = block.members.orderHelper(entity);
    for (Query.DynamicOrder dynamic : query.dynamicOrder()) {
      switch (dynamic.kind()) {
        case SORT -> block.code.addStatement("order.add($L($L))", helper, block.arg(dynamic.parameter()));
        case ORDER, SORT_ARRAY -> block.code.beginControlFlow("for ($T sort : $L)",
                ParameterizedTypeName.get(SORT, WildcardTypeName.supertypeOf(PoetTypes.of(entity.type()))),
                block.arg(dynamic.parameter()))
            .addStatement("order.add($L(sort))", helper)
            .endControlFlow();
      }
    }
    CodeBlock suffix = tail.isEmpty() ? CodeBlock.of("") : CodeBlock.of(" + $S", tail);
    if (page) {
      // The key last, always: the order is never empty, and the page is stable.
      block.code.addStatement("order.add($S)", RepositorySql.column(entity.id()))
          .addStatement("String sql = $L + \" ORDER BY \" + String.join(\", \", order)$L", base, suffix);
    } else {
      block.code.addStatement(
          "String sql = $L + (order.isEmpty() ? \"\" : \" ORDER BY \" + String.join(\", \", order))$L", base, suffix);
    }
    return CodeBlock.of("sql");
  }

  /** The total, when asked for, then one row more than the page size, which tells whether there is a next page. */
  private static void page(JdbcBlock block, Query query, CodeBlock sql, List<Bind> binds, String mapper,
      TypeName resultType) {
    String request = block.arg(query.pageRequest());
    Statement count = RepositorySql.count(query);
    String countConstant = block.members.sqlConstant(block.method.name(), "_COUNT", count.sql());
    CodeBlock.Builder code = block.code;
    code.addStatement("long total = -1");
    code.beginControlFlow("try ($T connection = dataSource.getConnection())", Connection.class);
    code.beginControlFlow("if ($L.requestTotal())", request);
    code.beginControlFlow("try ($T statement = connection.prepareStatement($L))", PreparedStatement.class,
        countConstant);
    block.bindAll(count.binds());
    block.queryOneValue(CodeBlock.of("total = rows.getLong(1)"), true);
    code.endControlFlow().endControlFlow();
    code.beginControlFlow("try ($T statement = connection.prepareStatement($L))", PreparedStatement.class, sql);
    block.bindAll(binds);
    code.beginControlFlow("try ($T rows = statement.executeQuery())", ResultSet.class)
        .addStatement("$T results = new $T<>()", EntityCode.listOf(resultType), ArrayList.class)
        .beginControlFlow("while (rows.next())")
        .addStatement("results.add($L(rows))", mapper)
        .endControlFlow()
        .add("// One row more than the page size tells whether there is a next page.\n")
        .addStatement("boolean more = results.size() > $L.size()", request)
        .beginControlFlow("if (more)")
        .addStatement("results.remove(results.size() - 1)")
        .endControlFlow()
        .addStatement("return new $T<>($L, results, total, more)", PAGE_RECORD, request)
        .endControlFlow()
        .endControlFlow();
    block.close();
  }
}
