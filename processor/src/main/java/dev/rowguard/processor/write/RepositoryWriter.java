package dev.rowguard.processor.write;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import dev.rowguard.processor.repository.EntityMapping;
import dev.rowguard.processor.repository.NativeBind;
import dev.rowguard.processor.repository.NativeResult;
import dev.rowguard.processor.repository.Operation;
import dev.rowguard.processor.repository.Operation.Cardinality;
import dev.rowguard.processor.repository.Operation.Write;
import dev.rowguard.processor.repository.Operator;
import dev.rowguard.processor.repository.Property;
import dev.rowguard.processor.repository.Query;
import dev.rowguard.processor.repository.RepositoryMethod;
import dev.rowguard.processor.repository.RepositoryModel;
import dev.rowguard.processor.repository.ValueKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Modifier;
import javax.sql.DataSource;

/**
 * Renders the JDBC implementation of one repository: a class with one SQL constant per method, a constructor
 * taking the {@link DataSource}, and method bodies that read the bound tenant first, then prepare, bind, run and
 * map, translating {@link SQLException} into Rowguard's unchecked exception.
 */
public final class RepositoryWriter {
  private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
  private static final ClassName TENANT_COLUMNS = ClassName.get("dev.rowguard.runtime", "TenantColumns");
  private static final ClassName SUPPORT = ValueCode.SUPPORT;
  private static final String DATA = "jakarta.data";
  private static final ClassName EMPTY_RESULT = ClassName.get(DATA + ".exceptions", "EmptyResultException");
  private static final ClassName NON_UNIQUE = ClassName.get(DATA + ".exceptions", "NonUniqueResultException");
  private static final ClassName OPTIMISTIC_LOCK =
      ClassName.get(DATA + ".exceptions", "OptimisticLockingFailureException");
  private static final ClassName PAGE_REQUEST = ClassName.get(DATA + ".page", "PageRequest");
  private static final ClassName PAGE_RECORD = ClassName.get(DATA + ".page.impl", "PageRecord");
  private static final ClassName SORT = ClassName.get(DATA, "Sort");

  private final RepositoryModel model;
  private final EntityCode entities = new EntityCode();
  private final Map<String, FieldSpec> constants = new LinkedHashMap<>();
  private final Set<EntityMapping> tenanted = new LinkedHashSet<>();
  private final Map<String, MethodSpec> orderHelpers = new LinkedHashMap<>();
  /** The class's field names, which no parameter may hide; known only once every method has been written. */
  private final Set<String> fields;

  private RepositoryWriter(RepositoryModel model, Set<String> fields) {
    this.model = model;
    this.fields = fields;
  }

  public static JavaFile render(RepositoryModel model) {
    RepositoryWriter draft = new RepositoryWriter(model, Set.of());
    JavaFile file = draft.file();
    Set<String> fields = draft.fieldNames();
    boolean hidesField = model.methods().stream()
        .flatMap(m -> m.signature().parameters().stream())
        .anyMatch(p -> fields.contains(p.name()));
    // Constants are named after methods, not parameters, so the second rendering names them alike.
    return hidesField ? new RepositoryWriter(model, fields).file() : file;
  }

  private Set<String> fieldNames() {
    Set<String> names = new LinkedHashSet<>(constants.keySet());
    List.copyOf(tenanted).forEach(entity -> names.add(tenantConstant(entity)));
    names.add("dataSource");
    return names;
  }

  private JavaFile file() {
    List<MethodSpec> methods = new ArrayList<>();
    for (RepositoryMethod method : model.methods()) {
      methods.add(method(method));
    }
    TypeSpec.Builder type = TypeSpec.classBuilder(model.implementation())
        .addJavadoc(classJavadoc())
        .addAnnotation(AnnotationSpec.builder(GENERATED)
            .addMember("value", "$S", "dev.rowguard.processor.RowguardProcessor")
            .build())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(model.repository());
    for (EntityMapping entity : tenanted) {
      type.addField(tenantField(entity));
    }
    constants.values().forEach(type::addField);
    type.addField(DataSource.class, "dataSource", Modifier.PRIVATE, Modifier.FINAL);
    type.addMethod(MethodSpec.constructorBuilder()
        .addJavadoc("@param dataSource where connections come from: the application's pool wrapped in\n"
            + "    {@code TenantBindingDataSource}, so that row-level security sees the same tenant\n")
        .addModifiers(Modifier.PUBLIC)
        .addParameter(DataSource.class, "dataSource")
        .addStatement("this.dataSource = $T.requireNonNull(dataSource, $S)", Objects.class, "dataSource")
        .build());
    methods.forEach(type::addMethod);
    orderHelpers.values().forEach(type::addMethod);
    entities.helpers().forEach(type::addMethod);
    return JavaFile.builder(model.implementation().packageName(), type.build())
        .skipJavaLangImports(true)
        .indent("  ")
        .build();
  }

  private CodeBlock classJavadoc() {
    boolean anyTenanted = model.methods().stream().anyMatch(m -> m.operation().entity().table().tenanted());
    return anyTenanted
        ? CodeBlock.of("Rowguard's JDBC implementation of {@link $T}, generated at compile time.\n\n"
            + "<p>Every statement on a tenanted table restricts each tenant key to the tenant bound with\n"
            + "{@code TenantContext}, and a method called without one throws before any SQL is sent. Construct it\n"
            + "with the application's tenant-binding data source:\n"
            + "<pre>{@code\n$T repository = new $T(dataSource);\n}</pre>\n", model.repository(),
            model.repository(), model.implementation())
        : CodeBlock.of("Rowguard's JDBC implementation of {@link $T}, generated at compile time.\n\n"
            + "<p>Its table is shared by all tenants: construct it with a data source that needs no tenant, such as\n"
            + "{@code tenantBindingDataSource.withoutTenant(\"reason\")} for reads, or the owner's for writes:\n"
            + "<pre>{@code\n$T repository = new $T(dataSource.withoutTenant(\"shared accounts\"));\n}</pre>\n",
            model.repository(), model.repository(), model.implementation());
  }

  private FieldSpec tenantField(EntityMapping entity) {
    return tenantColumnsField(tenantConstant(entity), entity.tenantKeys().stream()
        .map(key -> new NativeBind.TenantKey(key.column().name(), key.type().box()))
        .toList());
  }

  /** {@code TenantColumns.of("client_account_id", UUID.class).and(…)} for {@code keys}, outermost first. */
  private static FieldSpec tenantColumnsField(String name, List<NativeBind.TenantKey> keys) {
    StringBuilder format = new StringBuilder("$T.of($S, $T.class)");
    List<Object> args = new ArrayList<>(List.of(TENANT_COLUMNS, keys.get(0).column(), keys.get(0).type()));
    for (int i = 1; i < keys.size(); i++) {
      format.append("\n.and($S, $T.class)");
      args.add(keys.get(i).column());
      args.add(keys.get(i).type());
    }
    return FieldSpec.builder(TENANT_COLUMNS, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer(CodeBlock.of(format.toString(), args.toArray()))
        .build();
  }

  private String tenantConstant(EntityMapping entity) {
    tenanted.add(entity);
    return manyEntities() ? upperSnake(entity.simpleName()) + "_TENANT" : "TENANT";
  }

  /** Whether the repository works on several entities, so that constants need the entity in their names. */
  private boolean manyEntities() {
    return model.methods().stream().map(m -> m.operation().entity().type()).distinct().count() > 1;
  }

  /** A constant holding SQL text, named after the method (suffixed when overloads share a name). */
  private String sqlConstant(String methodName, String suffix, String sql) {
    String base = upperSnake(methodName) + suffix;
    String name = base;
    for (int n = 2; constants.containsKey(name) && !constants.get(name).initializer().toString().equals(
        CodeBlock.of("$S", sql).toString()); n++) {
      name = base + "_" + n;
    }
    constants.put(name, FieldSpec.builder(String.class, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("$S", sql)
        .build());
    return name;
  }

  // ---- methods ----

  private MethodSpec method(RepositoryMethod method) {
    MethodSpec signature = method.signature();
    // overriding() has resolved the interface's type variables; rebuilt here to rename clashing parameters. The
    // reader's annotations (a @SuppressWarnings the signature needs) are kept.
    MethodSpec.Builder builder = MethodSpec.methodBuilder(signature.name())
        .addAnnotation(Override.class)
        .addAnnotations(signature.annotations().stream()
            .filter(a -> !a.type().equals(ClassName.get(Override.class)))
            .toList())
        .addModifiers(signature.modifiers())
        .addTypeVariables(signature.typeVariables())
        .returns(signature.returnType())
        .addExceptions(signature.exceptions());
    Map<String, String> names = ParameterNames.allocate(
        signature.parameters().stream().map(ParameterSpec::name).toList(), fields);
    for (ParameterSpec parameter : signature.parameters()) {
      builder.addParameter(ParameterSpec.builder(parameter.type(), names.get(parameter.name())).build());
    }
    builder.varargs(signature.varargs());
    String label = model.repository().simpleName() + "." + method.name();
    Body body = new Body(method, label, names);
    Operation operation = method.operation();
    if (operation instanceof Operation.Find find) {
      body.find(find);
    } else if (operation instanceof Operation.Count count) {
      body.count(count);
    } else if (operation instanceof Operation.Exists exists) {
      body.exists(exists);
    } else if (operation instanceof Operation.DeleteWhere delete) {
      body.deleteWhere(delete);
    } else if (operation instanceof Write write) {
      body.write(write, builder);
    } else if (operation instanceof Operation.Native sql) {
      body.nativeQuery(sql);
    }
    return builder.addCode(body.code.build()).build();
  }

  /** The body of one method. */
  private final class Body {
    final RepositoryMethod method;
    final String label;
    final CodeBlock.Builder code = CodeBlock.builder();
    /** Each parameter's name in the generated override. */
    final Map<String, String> names;

    Body(RepositoryMethod method, String label, Map<String, String> names) {
      this.method = method;
      this.label = label;
      this.names = names;
    }

    private String arg(String parameter) {
      return names.getOrDefault(parameter, parameter);
    }

    /** {@code Object[] tenant = TENANT.require("…")}, first of all, so no SQL goes out without a tenant. */
    private void requireTenant(EntityMapping entity) {
      if (entity.table().tenanted()) {
        code.addStatement("$T[] tenant = $L.require($S)", Object.class, tenantConstant(entity), label);
      }
    }

    private void openStatement(CodeBlock sql, CodeBlock generatedColumns) {
      code.beginControlFlow("try ($T connection = dataSource.getConnection();\n$>$>$T statement = "
              + "connection.prepareStatement($L$L)$<$<)", Connection.class, PreparedStatement.class, sql,
          generatedColumns == null ? CodeBlock.of("") : CodeBlock.of(", $L", generatedColumns));
    }

    private void closeStatement() {
      code.nextControlFlow("catch ($T e)", SQLException.class)
          .addStatement("throw $T.failure($S, e)", SUPPORT, label)
          .endControlFlow();
    }

    private void bindAll(List<Bind> binds) {
      for (int i = 0; i < binds.size(); i++) {
        code.addStatement(bindCode(binds.get(i), i + 1));
      }
    }

    private CodeBlock bindCode(Bind bind, int index) {
      if (bind instanceof Bind.TenantKey key) {
        return CodeBlock.of("statement.setObject($L, tenant[$L])", index, key.index());
      } else if (bind instanceof Bind.MaxRows max) {
        return CodeBlock.of("statement.setLong($L, $L)", index, max.expression());
      } else if (bind instanceof Bind.SkipRows skip) {
        return CodeBlock.of("statement.setLong($L, $L)", index, skip.expression());
      }
      return parameterBind((Bind.Parameter) bind, index);
    }

    private CodeBlock parameterBind(Bind.Parameter bind, int index) {
      Property property = bind.property();
      String name = arg(bind.name());
      TypeName type = parameterType(bind.name());
      return switch (bind.operator()) {
        case STARTS_WITH -> CodeBlock.of("statement.setString($L, $T.startsWith($L))", index, SUPPORT, name);
        case ENDS_WITH -> CodeBlock.of("statement.setString($L, $T.endsWith($L))", index, SUPPORT, name);
        case CONTAINS -> CodeBlock.of("statement.setString($L, $T.contains($L))", index, SUPPORT, name);
        case LIKE -> CodeBlock.of("statement.setString($L, $L)", index, name);
        case IN -> {
          if (property.kind() == ValueKind.ENUM) {
            entities.enumHelpers(property.enumMapping());
          }
          boolean array = type instanceof ArrayTypeName;
          CodeBlock elements;
          if (ValueCode.needsArrayConversion(property)) {
            CodeBlock stream = array ? CodeBlock.of("$T.stream($L)", Arrays.class, name) : CodeBlock.of("$L.stream()", name);
            elements = CodeBlock.of("$L.map(value -> $L).toArray()", stream, ValueCode.arrayElement(property, "value"));
          } else {
            elements = array ? CodeBlock.of("$L", name) : CodeBlock.of("$L.toArray()", name);
          }
          yield CodeBlock.of("statement.setArray($L, connection.createArrayOf($S, $L))", index,
              ValueCode.arrayType(property), elements);
        }
        default -> property.kind() == ValueKind.PRIMITIVE && !type.isPrimitive()
            ? CodeBlock.of("statement.setObject($L, $L)", index, name) // A boxed argument may be null.
            : entities.bind(property, index, CodeBlock.of("$L", name));
      };
    }

    private TypeName parameterType(String name) {
      return method.signature().parameters().stream()
          .filter(p -> p.name().equals(name))
          .map(ParameterSpec::type)
          .findFirst()
          .orElseThrow();
    }

    // ---- reads ----

    void find(Operation.Find find) {
      Query query = find.query();
      EntityMapping entity = query.entity();
      List<Property> selected = find.projection() == null ? entity.properties() : find.projection().properties();
      String mapper = find.projection() == null ? entities.rowMapper(entity) : entities.projectionMapper(find.projection());
      TypeName resultType = find.projection() == null ? entity.type() : find.projection().type();
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
        binds.add(new Bind.MaxRows(arg(query.limit()) + ".maxResults()"));
        binds.add(new Bind.SkipRows(arg(query.limit()) + ".startAt() - 1"));
      } else if (page) {
        tail = " LIMIT ? OFFSET ?";
        String request = arg(query.pageRequest());
        binds.add(new Bind.MaxRows(request + ".size() + 1L"));
        binds.add(new Bind.SkipRows("(" + request + ".page() - 1) * " + request + ".size()"));
      }
      requireTenant(entity);
      if (page) {
        code.beginControlFlow("if ($L.mode() != $T.Mode.OFFSET)", arg(query.pageRequest()), PAGE_REQUEST)
            .addStatement("throw new $T($S)", UnsupportedOperationException.class, label
                + ": cursor-based pagination is not supported; use PageRequest.ofPage(n)")
            .endControlFlow();
      }
      CodeBlock sql;
      String orderClause = staticOrder.isEmpty() ? "" : " ORDER BY " + String.join(", ", staticOrder);
      if (query.dynamicOrder().isEmpty()) {
        sql = CodeBlock.of("$L", sqlConstant(method.name(), "", select.sql() + orderClause + tail));
      } else {
        String base = sqlConstant(method.name(), "", select.sql());
        code.addStatement("$T<$T> order = new $T<>($T.of($L))", List.class, String.class, ArrayList.class, List.class,
            CodeBlock.join(staticOrder.stream().map(t -> CodeBlock.of("$S", t)).toList(), ", "));
        String helper = orderHelper(entity);
        for (Query.DynamicOrder dynamic : query.dynamicOrder()) {
          switch (dynamic.kind()) {
            case SORT -> code.addStatement("order.add($L($L))", helper, arg(dynamic.parameter()));
            case ORDER, SORT_ARRAY -> code.beginControlFlow("for ($T sort : $L)",
                    ParameterizedTypeName.get(SORT, WildcardTypeName.supertypeOf(entity.type())),
                    arg(dynamic.parameter()))
                .addStatement("order.add($L(sort))", helper)
                .endControlFlow();
          }
        }
        if (page) {
          code.addStatement("order.add($S)", RepositorySql.column(entity.id()));
        }
        code.addStatement("String sql = $L + (order.isEmpty() ? \"\" : \" ORDER BY \" + String.join(\", \", order))"
            + "$L", base, tail.isEmpty() ? "" : CodeBlock.of(" + $S", tail));
        sql = CodeBlock.of("sql");
      }
      if (page) {
        pageBody(find, query, sql, binds, mapper, resultType);
        return;
      }
      openStatement(sql, null);
      bindAll(binds);
      code.beginControlFlow("try ($T rows = statement.executeQuery())", ResultSet.class);
      readRows(find.cardinality(), CodeBlock.of("$L(rows)", mapper), resultType, entity.simpleName());
      code.endControlFlow();
      closeStatement();
    }

    private void pageBody(Operation.Find find, Query query, CodeBlock sql, List<Bind> binds, String mapper,
        TypeName resultType) {
      String request = arg(query.pageRequest());
      Statement count = RepositorySql.count(query);
      String countConstant = sqlConstant(method.name(), "_COUNT", count.sql());
      code.addStatement("long total = -1");
      code.beginControlFlow("try ($T connection = dataSource.getConnection())", Connection.class);
      code.beginControlFlow("if ($L.requestTotal())", request);
      code.beginControlFlow("try ($T statement = connection.prepareStatement($L))", PreparedStatement.class,
          countConstant);
      bindAll(count.binds());
      code.beginControlFlow("try ($T rows = statement.executeQuery())", ResultSet.class)
          .addStatement("rows.next()")
          .addStatement("total = rows.getLong(1)")
          .endControlFlow()
          .endControlFlow()
          .endControlFlow();
      code.beginControlFlow("try ($T statement = connection.prepareStatement($L))", PreparedStatement.class, sql);
      bindAll(binds);
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
      closeStatement();
    }

    void count(Operation.Count count) {
      Statement statement = RepositorySql.count(count.query());
      requireTenant(count.query().entity());
      openStatement(CodeBlock.of("$L", sqlConstant(method.name(), "", statement.sql())), null);
      bindAll(statement.binds());
      code.beginControlFlow("try ($T rows = statement.executeQuery())", ResultSet.class)
          .addStatement("rows.next()")
          .addStatement(count.resultType().box().equals(TypeName.LONG.box())
              ? CodeBlock.of("return rows.getLong(1)")
              : CodeBlock.of("return $T.toIntExact(rows.getLong(1))", Math.class))
          .endControlFlow();
      closeStatement();
    }

    void exists(Operation.Exists exists) {
      Statement statement = RepositorySql.exists(exists.query());
      requireTenant(exists.query().entity());
      openStatement(CodeBlock.of("$L", sqlConstant(method.name(), "", statement.sql())), null);
      bindAll(statement.binds());
      code.beginControlFlow("try ($T rows = statement.executeQuery())", ResultSet.class)
          .addStatement("return rows.next()")
          .endControlFlow();
      closeStatement();
    }

    void deleteWhere(Operation.DeleteWhere delete) {
      Statement statement = RepositorySql.delete(delete.query());
      requireTenant(delete.query().entity());
      openStatement(CodeBlock.of("$L", sqlConstant(method.name(), "", statement.sql())), null);
      bindAll(statement.binds());
      TypeName result = delete.resultType();
      if (result.equals(TypeName.VOID)) {
        code.addStatement("statement.executeUpdate()");
      } else if (result.box().equals(TypeName.LONG.box())) {
        code.addStatement("return statement.executeLargeUpdate()");
      } else {
        code.addStatement("return statement.executeUpdate()");
      }
      closeStatement();
    }

    // ---- native SQL ----

    void nativeQuery(Operation.Native query) {
      EntityMapping entity = query.entity();
      List<String> keys = entity.tenantKeys().stream().map(p -> p.column().name()).toList();
      List<NativeBind.TenantKey> needed = query.binds().stream()
          .filter(NativeBind.TenantKey.class::isInstance).map(NativeBind.TenantKey.class::cast).distinct().toList();
      List<String> tenantColumns = keys;
      if (!keys.containsAll(needed.stream().map(NativeBind.TenantKey::column).toList())) {
        // The SQL reaches a table scoped more deeply than the repository's entity: bind the keys it names.
        tenantColumns = needed.stream().map(NativeBind.TenantKey::column).toList();
        String name = upperSnake(method.name()) + "_TENANT";
        constants.put(name, tenantColumnsField(name, needed));
        code.addStatement("$T[] tenant = $L.require($S)", Object.class, name, label);
      } else {
        requireTenant(entity);
      }
      openStatement(CodeBlock.of("$L", sqlConstant(method.name(), "", query.sql())), null);
      List<NativeBind> binds = query.binds();
      for (int i = 0; i < binds.size(); i++) {
        NativeBind bind = binds.get(i);
        if (bind instanceof NativeBind.TenantKey key) {
          code.addStatement("statement.setObject($L, tenant[$L])", i + 1, tenantColumns.indexOf(key.column()));
        } else {
          NativeBind.Parameter parameter = (NativeBind.Parameter) bind;
          code.addStatement(entities.bind(parameter.value(), i + 1, CodeBlock.of("$L", arg(parameter.parameter()))));
        }
      }
      if (query.result() == null) {
        TypeName result = query.resultType();
        if (result.equals(TypeName.VOID)) {
          code.addStatement("statement.executeUpdate()");
        } else if (result.box().equals(TypeName.BOOLEAN.box())) {
          code.addStatement("return statement.executeUpdate() > 0");
        } else if (result.box().equals(TypeName.LONG.box())) {
          code.addStatement("return statement.executeLargeUpdate()");
        } else {
          code.addStatement("return statement.executeUpdate()");
        }
        closeStatement();
        return;
      }
      String suffix = "For" + Character.toUpperCase(method.name().charAt(0)) + method.name().substring(1);
      CodeBlock row;
      TypeName rowType;
      String what;
      if (query.result() instanceof NativeResult.Rows rows) {
        boolean inOrder = true;
        for (int i = 0; i < rows.positions().size(); i++) {
          inOrder &= rows.positions().get(i) == i + 1;
        }
        String mapper = inOrder ? entities.rowMapper(rows.entity())
            : entities.rowMapper(rows.entity(), rows.positions(), suffix);
        row = CodeBlock.of("$L(rows)", mapper);
        rowType = rows.entity().type();
        what = rows.entity().simpleName();
      } else if (query.result() instanceof NativeResult.Record record) {
        row = CodeBlock.of("$L(rows)", entities.recordMapper(record.type(), record.components(), record.positions(),
            suffix));
        rowType = record.type();
        what = "row";
      } else {
        NativeResult.Scalar scalar = (NativeResult.Scalar) query.result();
        row = entities.read(scalar.value(), 1);
        rowType = scalar.value().type();
        what = "row";
      }
      code.beginControlFlow("try ($T rows = statement.executeQuery())", ResultSet.class);
      readRows(query.cardinality(), row, rowType, what);
      code.endControlFlow();
      closeStatement();
    }

    /** Reads the open {@code rows} into the method's result. */
    private void readRows(Cardinality cardinality, CodeBlock row, TypeName rowType, String what) {
      switch (cardinality) {
        case ONE -> code.beginControlFlow("if (!rows.next())")
            .addStatement("throw new $T($S)", EMPTY_RESULT, label + ": no " + what + " matches")
            .endControlFlow()
            .addStatement("$T result = $L", rowType, row)
            .beginControlFlow("if (rows.next())")
            .addStatement("throw new $T($S)", NON_UNIQUE, label + ": more than one " + what + " matches")
            .endControlFlow()
            .addStatement("return result");
        case OPTIONAL -> code.beginControlFlow("if (!rows.next())")
            .addStatement("return $T.empty()", Optional.class)
            .endControlFlow()
            .addStatement("$T result = $L", rowType, row)
            .beginControlFlow("if (rows.next())")
            .addStatement("throw new $T($S)", NON_UNIQUE, label + ": more than one " + what + " matches")
            .endControlFlow()
            .addStatement("return $T.ofNullable(result)", Optional.class);
        case LIST, STREAM -> {
          code.addStatement("$T results = new $T<>()", EntityCode.listOf(rowType.box()), ArrayList.class)
              .beginControlFlow("while (rows.next())")
              .addStatement("results.add($L)", row)
              .endControlFlow();
          // Read eagerly: the connection is back in the pool before the caller sees the stream.
          code.addStatement(cardinality == Cardinality.STREAM ? "return results.stream()" : "return results");
        }
        case PAGE -> throw new IllegalStateException("pages are read by pageBody");
      }
    }

    // ---- writes ----

    void write(Write write, MethodSpec.Builder builder) {
      EntityMapping entity = write.entity();
      boolean tenantedEntity = entity.table().tenanted();
      String tenantColumns = tenantedEntity ? tenantConstant(entity) : null;
      requireTenant(entity);
      boolean generated = (write.kind() == Write.Kind.INSERT || write.kind() == Write.Kind.SAVE)
          && !RepositorySql.generatedColumns(entity).isEmpty();
      String sql = switch (write.kind()) {
        case INSERT -> RepositorySql.insert(entity);
        case SAVE -> RepositorySql.save(entity);
        case UPDATE -> RepositorySql.update(entity);
        case DELETE -> RepositorySql.deleteEntity(entity);
      };
      String binder = switch (write.kind()) {
        case INSERT, SAVE -> entities.insertBinder(entity, tenantColumns);
        case UPDATE -> entities.updateBinder(entity, tenantColumns);
        case DELETE -> entities.keyBinder(entity, tenantColumns);
      };
      // Named for what it does, so that insert and insertAll share one statement text.
      String constant = sqlConstant(write.kind().name().toLowerCase(Locale.ROOT)
          + (manyEntities() ? entity.simpleName() : ""), "", sql);
      CodeBlock generatedColumns = null;
      if (generated) {
        String name = upperSnake(entity.simpleName()) + "_GENERATED";
        constants.put(name, FieldSpec.builder(String[].class, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("Columns the database fills in (identity, defaults, version), read back after a write.\n")
            .initializer("{$L}", CodeBlock.join(RepositorySql.generatedColumns(entity).stream()
                .map(p -> CodeBlock.of("$S", p.column().name())).toList(), ", "))
            .build());
        generatedColumns = CodeBlock.of("$L", name);
      }
      CodeBlock bindArgs = tenantedEntity ? CodeBlock.of(", tenant") : CodeBlock.of("");
      CodeBlock tenantArg = tenantedEntity ? CodeBlock.of(", tenant") : CodeBlock.of("");
      boolean counts = write.result() == Write.Result.INT_COUNT || write.result() == Write.Result.LONG_COUNT;
      // Only when the entity is handed back: a method returning the row count would leave the helper unused.
      String afterWrite = counts ? null : switch (write.kind()) {
        case INSERT, SAVE -> entities.written(entity, generated);
        case UPDATE -> entities.updated(entity);
        case DELETE -> null;
      };
      String notFound = write.kind() == Write.Kind.SAVE
          ? " was not saved: its key belongs to a row of another tenant"
              + (entity.version().isPresent() ? ", or its version changed" : "")
          : " was not " + (write.kind() == Write.Kind.UPDATE ? "updated" : "deleted") + ": no row with its key"
              + (entity.version().isPresent() ? " and version" : "") + " for the bound tenant";
      if (tenantedEntity) {
        if (write.many()) {
          String each = "entity";
          TypeName element = ((ParameterizedTypeName) parameterType(write.parameter())).typeArguments().get(0);
          code.beginControlFlow("for ($T $L : $L)", element instanceof WildcardTypeName w ? w.upperBounds().get(0)
                  : element, each, arg(write.parameter()))
              .add(EntityCode.checkTenantKeys(entity, tenantColumns, each, label))
              .endControlFlow();
        } else {
          code.add(EntityCode.checkTenantKeys(entity, tenantColumns, arg(write.parameter()), label));
        }
      }
      openStatement(CodeBlock.of("$L", constant), generatedColumns);
      if (!write.many()) {
        String item = arg(write.parameter());
        code.addStatement("$L(statement, $L$L)", binder, item, bindArgs);
        boolean checked = !counts && write.kind() != Write.Kind.INSERT;
        code.addStatement(checked || counts ? "int count = statement.executeUpdate()" : "statement.executeUpdate()");
        if (checked) {
          code.beginControlFlow("if (count == 0)")
              .addStatement("throw new $T($S + $L.$L + $S)", OPTIMISTIC_LOCK, label + ": " + entity.simpleName()
                  + " ", item, entity.id().access().read(), notFound)
              .endControlFlow();
        }
        if (counts) {
          code.addStatement(write.result() == Write.Result.LONG_COUNT ? "return (long) count" : "return count");
        } else if (afterWrite != null) {
          if (generated) {
            code.beginControlFlow("try ($T generated = statement.getGeneratedKeys())", ResultSet.class)
                .addStatement("generated.next()");
          }
          code.addStatement(write.result() == Write.Result.ENTITIES ? "return $L" : "$L", resultOf(afterWrite, item,
              tenantArg, generated));
          if (generated) {
            code.endControlFlow();
          }
        }
      } else {
        String items = arg(write.parameter());
        TypeName listType = parameterType(write.parameter());
        TypeName element = ((ParameterizedTypeName) listType).typeArguments().get(0);
        if (element instanceof WildcardTypeName wildcard) {
          element = wildcard.upperBounds().get(0);
        }
        String each = "entity"; // A parameter named so was renamed (ParameterNames.LOCALS).
        code.beginControlFlow("for ($T $L : $L)", element, each, items)
            .addStatement("$L(statement, $L$L)", binder, each, bindArgs)
            .addStatement("statement.addBatch()")
            .endControlFlow();
        final TypeName itemType = element;
        code.add("$L$T.atomically(connection, () -> {\n$>", write.result() == Write.Result.VOID ? "" : "return ",
            SUPPORT);
        boolean checked = write.kind() != Write.Kind.INSERT;
        code.addStatement(checked || counts ? "int[] counts = statement.executeBatch()" : "statement.executeBatch()");
        if (checked) {
          code.addStatement("int index = 0");
          code.beginControlFlow("for ($T $L : $L)", itemType, each, items)
              .beginControlFlow("if (counts[index++] == 0)")
              .addStatement("throw new $T($S + $L.$L + $S)", OPTIMISTIC_LOCK, label + ": " + entity.simpleName()
                  + " ", each, entity.id().access().read(), notFound)
              .endControlFlow()
              .endControlFlow();
        }
        if (counts) {
          code.addStatement("long total = 0")
              .beginControlFlow("for (int count : counts)")
              .addStatement("total += count")
              .endControlFlow()
              .addStatement(write.result() == Write.Result.LONG_COUNT ? "return total"
                  : "return $T.toIntExact(total)", Math.class);
        } else if (afterWrite != null) {
          code.addStatement("$T results = new $T<>($L.size())", EntityCode.listOf(itemType), ArrayList.class, items);
          if (generated) {
            code.beginControlFlow("try ($T generated = statement.getGeneratedKeys())", ResultSet.class);
          }
          code.beginControlFlow("for ($T $L : $L)", itemType, each, items);
          if (generated) {
            code.addStatement("generated.next()");
          }
          code.addStatement("results.add($L)", resultOf(afterWrite, each, tenantArg, generated)).endControlFlow();
          if (generated) {
            code.endControlFlow();
          }
          code.addStatement(write.result() == Write.Result.VOID ? "return null" : "return results");
        } else {
          code.addStatement("return null");
        }
        code.add("$<});\n");
      }
      closeStatement();
    }

    /** The entity as written: the same instance for classes, a rebuilt record for records. */
    private CodeBlock resultOf(String helper, String item, CodeBlock tenantArg, boolean generated) {
      return generated
          ? CodeBlock.of("$L($L$L, generated)", helper, item, tenantArg)
          : CodeBlock.of("$L($L$L)", helper, item, tenantArg);
    }
  }

  /** {@code assetOrderTerm(sort)}: a Sort's property as a column, from a fixed list, so no text reaches the SQL. */
  private String orderHelper(EntityMapping entity) {
    String name = EntityCode.lowerFirst(String.join("", entity.type().simpleNames())) + "OrderTerm";
    if (orderHelpers.containsKey(name)) {
      return name;
    }
    CodeBlock.Builder cases = CodeBlock.builder();
    for (Property property : entity.properties()) {
      String column = RepositorySql.column(property);
      if (property.equals(entity.id())) {
        cases.add("case $S, $S -> $S;\n", property.name(), "id(this)", column);
      } else {
        cases.add("case $S -> $S;\n", property.name(), column);
      }
    }
    cases.add("default -> throw new $T($S + sort.property() + $S);\n", IllegalArgumentException.class,
        "cannot sort " + entity.simpleName() + " by '", "'; its properties are "
            + entity.properties().stream().map(Property::name).toList());
    orderHelpers.put(name, MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(String.class)
        .addParameter(ParameterizedTypeName.get(SORT, WildcardTypeName.subtypeOf(Object.class)), "sort")
        .addCode("String column = switch (sort.property()) {\n$>$L$<};\n", cases.build())
        .addStatement("String term = sort.ignoreCase() ? \"lower(\" + column + \")\" : column")
        .addStatement("return sort.isDescending() ? term + \" DESC\" : term")
        .build());
    return name;
  }

  /** {@code findBySixRStrategy} → {@code FIND_BY_SIX_R_STRATEGY}. */
  static String upperSnake(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("([A-Z])([A-Z][a-z])", "$1_$2")
        .toUpperCase(Locale.ROOT);
  }
}
