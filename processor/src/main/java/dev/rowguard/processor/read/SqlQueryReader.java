package dev.rowguard.processor.read;

import dev.rowguard.annotations.SqlQuery;
import dev.rowguard.processor.diagnostics.Location;
import dev.rowguard.processor.diagnostics.Message;
import dev.rowguard.processor.diagnostics.Reporter;
import dev.rowguard.processor.repository.Access;
import dev.rowguard.processor.repository.EntityMapping;
import dev.rowguard.processor.repository.EnumMapping;
import dev.rowguard.processor.repository.Bind;
import dev.rowguard.processor.repository.JavaType;
import dev.rowguard.processor.repository.NativeResult;
import dev.rowguard.processor.repository.Operation;
import dev.rowguard.processor.repository.Operation.Cardinality;
import dev.rowguard.processor.repository.Operator;
import dev.rowguard.processor.repository.Property;
import dev.rowguard.processor.repository.ValueKind;
import dev.rowguard.schema.Column;
import dev.rowguard.schema.Schema;
import dev.rowguard.schema.query.BoundValue;
import dev.rowguard.schema.query.NativeQueryAnalysis;
import dev.rowguard.schema.query.NativeQueryAnalyzer;
import dev.rowguard.schema.query.NativeQueryProblem;
import dev.rowguard.schema.query.QueryParameter;
import dev.rowguard.schema.query.ResultColumn;
import dev.rowguard.schema.query.ResultShape;
import dev.rowguard.schema.query.StatementKind;
import dev.rowguard.schema.sql.Identifiers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Reads {@code @SqlQuery} methods: the SQL is analysed against the schema model ({@link NativeQueryAnalyzer}),
 * every problem it finds is a compile error on the method's annotation, and what is left is how to bind each
 * parameter and read each row.
 */
public final class SqlQueryReader {
  private static final Map<NativeQueryProblem.Kind, Message> MESSAGES = Map.ofEntries(
      Map.entry(NativeQueryProblem.Kind.SYNTAX, Message.SQL_SYNTAX),
      Map.entry(NativeQueryProblem.Kind.UNSUPPORTED_STATEMENT, Message.SQL_UNSUPPORTED),
      Map.entry(NativeQueryProblem.Kind.UNKNOWN_TABLE, Message.SQL_UNKNOWN_NAME),
      Map.entry(NativeQueryProblem.Kind.UNKNOWN_COLUMN, Message.SQL_UNKNOWN_NAME),
      Map.entry(NativeQueryProblem.Kind.UNDECLARED_PARAMETER, Message.SQL_PARAMETER),
      Map.entry(NativeQueryProblem.Kind.UNUSED_PARAMETER, Message.SQL_PARAMETER),
      Map.entry(NativeQueryProblem.Kind.PARAMETER_TYPE, Message.SQL_PARAMETER),
      Map.entry(NativeQueryProblem.Kind.RESULT_MAPPING, Message.SQL_RESULT),
      Map.entry(NativeQueryProblem.Kind.TENANT_FILTER, Message.SQL_TENANT_FILTER),
      Map.entry(NativeQueryProblem.Kind.TENANT_KEY_WRITE, Message.SQL_TENANT_FILTER),
      Map.entry(NativeQueryProblem.Kind.FORBIDDEN_OPERATION, Message.SQL_FORBIDDEN));

  private final Elements elements;
  private final Reporter reporter;
  private final NativeQueryAnalyzer analyzer;

  public SqlQueryReader(Elements elements, Reporter reporter, Schema schema) {
    this.elements = elements;
    this.reporter = reporter;
    this.analyzer = NativeQueryAnalyzer.of(schema);
  }

  Optional<Operation> read(ExecutableElement method, ExecutableType type, EntityMapping entity, String label,
      Function<TypeElement, Optional<EntityMapping>> mappings) {
    AnnotationValues annotation =
        AnnotationValues.find(method, SqlQuery.class.getCanonicalName(), elements).orElseThrow();
    Location location = annotation.location(method);
    String sql = annotation.string("value");
    List<QueryParameter> parameters = new ArrayList<>();
    Map<String, Integer> parameterIndex = new java.util.HashMap<>();
    for (int i = 0; i < method.getParameters().size(); i++) {
      VariableElement parameter = method.getParameters().get(i);
      String name = AnnotationValues.find(parameter, JakartaData.PARAM, elements)
          .map(p -> p.string("value"))
          .orElse(parameter.getSimpleName().toString());
      parameters.add(new QueryParameter(name, type.getParameterTypes().get(i).toString()));
      parameterIndex.put(name, i);
    }

    TypeMirror returns = type.getReturnType();
    if (ResultShapes.countLike(returns)) {
      // int, long and boolean are a write's row count, unless the analysis finds a SELECT: then one value.
      NativeQueryAnalysis analysis = analyzer.analyze(sql, parameters, new ResultShape.UpdateCount());
      if (analysis.kind() != StatementKind.SELECT || returns.getKind() == TypeKind.VOID) {
        if (!report(analysis, location, label)) {
          return Optional.empty();
        }
        return binds(analysis, method, type, parameterIndex, entity, location, label)
            .map(binds -> new Operation.Native(entity, analysis.jdbcSql(), binds.binds(), binds.tenantKeys(), null,
                null, ModelTypes.of(returns)));
      }
    }

    Cardinality cardinality = Cardinality.ONE;
    TypeMirror element = returns;
    if (returns instanceof DeclaredType declared && !declared.getTypeArguments().isEmpty()) {
      Optional<Cardinality> container = ResultShapes.sqlQueryContainer(JavaTypes.qualifiedName(declared));
      if (container.isEmpty()) {
        reporter.report(location, Message.SQL_QUERY_RESULT, label, returns);
        return Optional.empty();
      }
      cardinality = container.get();
      element = declared.getTypeArguments().get(0);
    }
    ResultShape shape;
    Optional<EntityMapping> rowEntity = Optional.empty();
    TypeElement elementType = element instanceof DeclaredType declared ? (TypeElement) declared.asElement() : null;
    if (elementType != null && AnnotationValues.has(elementType, Jpa.ENTITY)) {
      rowEntity = mappings.apply(elementType);
      if (rowEntity.isEmpty()) {
        return Optional.empty();
      }
      shape = new ResultShape.Rows(rowEntity.get().table());
    } else if (elementType != null && elementType.getKind() == ElementKind.RECORD) {
      List<ResultShape.Projection.Component> components = new ArrayList<>();
      for (Element component : elementType.getRecordComponents()) {
        components.add(new ResultShape.Projection.Component(component.getSimpleName().toString(),
            component.asType().toString()));
      }
      shape = new ResultShape.Projection(elementType.getQualifiedName().toString(), components);
    } else {
      shape = new ResultShape.Scalar(element.toString());
    }
    NativeQueryAnalysis analysis = analyzer.analyze(sql, parameters, shape);
    if (!report(analysis, location, label)) {
      return Optional.empty();
    }
    Optional<NativeResult> result = result(analysis, shape, rowEntity, elementType, element, entity, location, label);
    Optional<Binds> binds = binds(analysis, method, type, parameterIndex, entity, location, label);
    if (result.isEmpty() || binds.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Operation.Native(entity, analysis.jdbcSql(), binds.get().binds(),
        binds.get().tenantKeys(), result.get(), cardinality, null));
  }

  private boolean report(NativeQueryAnalysis analysis, Location location, String label) {
    for (NativeQueryProblem problem : analysis.problems()) {
      reporter.report(location, MESSAGES.get(problem.kind()), label, problem.detail());
    }
    return analysis.ok();
  }

  private Optional<NativeResult> result(NativeQueryAnalysis analysis, ResultShape shape,
      Optional<EntityMapping> rowEntity, TypeElement elementType, TypeMirror element, EntityMapping entity,
      Location location, String label) {
    List<ResultColumn> columns = analysis.resultColumns();
    if (shape instanceof ResultShape.Rows) {
      List<Integer> positions = new ArrayList<>();
      for (Property property : rowEntity.get().properties()) {
        positions.add(position(columns, property.column().name()));
      }
      return Optional.of(new NativeResult.Rows(rowEntity.get(), positions));
    }
    if (shape instanceof ResultShape.Projection) {
      List<Property> components = new ArrayList<>();
      List<Integer> positions = new ArrayList<>();
      for (Element component : elementType.getRecordComponents()) {
        String columnLabel = Identifiers.snakeCase(component.getSimpleName().toString());
        int position = position(columns, columnLabel);
        Optional<Property> value = value(component.getSimpleName().toString(), component.asType(),
            columns.get(position - 1).column(), entity, location, label);
        if (value.isEmpty()) {
          return Optional.empty();
        }
        components.add(value.get());
        positions.add(position);
      }
      return Optional.of(new NativeResult.Record(ModelTypes.of(elementType), components, positions));
    }
    return value("value", element, columns.get(0).column(), entity, location, label).map(NativeResult.Scalar::new);
  }

  private static int position(List<ResultColumn> columns, String label) {
    for (int i = 0; i < columns.size(); i++) {
      if (label.equalsIgnoreCase(columns.get(i).label())) {
        return i + 1;
      }
    }
    throw new IllegalStateException("the analysis accepted a result without column " + label);
  }

  /** What each {@code ?} is bound to, and the tenant keys the method requires for it. */
  private record Binds(List<Bind> binds, List<Operation.Native.TenantKey> tenantKeys) {}

  /**
   * The binds of the analysed statement. Its tenant keys are the entity's when those cover every key the SQL
   * binds; when the SQL reaches a table scoped more deeply than the entity, they are the keys the SQL names.
   */
  private Optional<Binds> binds(NativeQueryAnalysis analysis, ExecutableElement method,
      ExecutableType type, Map<String, Integer> parameterIndex, EntityMapping entity, Location location,
      String label) {
    List<Operation.Native.TenantKey> named = analysis.bindings().stream()
        .filter(BoundValue.TenantKey.class::isInstance).map(BoundValue.TenantKey.class::cast)
        .map(key -> new Operation.Native.TenantKey(key.column(), keyType(key.key().sqlType())))
        .distinct()
        .toList();
    List<String> entityColumns = entity.tenantKeys().stream().map(p -> p.column().name()).toList();
    List<Operation.Native.TenantKey> keys = entityColumns.containsAll(named.stream()
        .map(Operation.Native.TenantKey::column).toList())
        ? entity.tenantKeys().stream()
            .map(p -> new Operation.Native.TenantKey(p.column().name(), p.type().boxed())).toList()
        : named;
    List<String> keyColumns = keys.stream().map(Operation.Native.TenantKey::column).toList();
    List<Bind> binds = new ArrayList<>();
    for (BoundValue bound : analysis.bindings()) {
      if (bound instanceof BoundValue.TenantKey key) {
        binds.add(new Bind.TenantKey(keyColumns.indexOf(key.column()), key.column()));
        continue;
      }
      String name = ((BoundValue.Parameter) bound).name();
      int index = parameterIndex.get(name);
      Optional<Property> value = value(name, type.getParameterTypes().get(index), null, entity, location, label);
      if (value.isEmpty()) {
        return Optional.empty();
      }
      binds.add(new Bind.Parameter(method.getParameters().get(index).getSimpleName().toString(), value.get(),
          Operator.EQUAL));
    }
    return Optional.of(new Binds(binds, keys));
  }

  /** How a value of {@code type} travels through JDBC; enums take their stored text from a column of that enum. */
  private Optional<Property> value(String name, TypeMirror type, Column column, EntityMapping entity,
      Location location, String label) {
    JavaType typeName = ModelTypes.of(type);
    Column described = column != null ? column
        : new Column(name, name, type.toString(), "", true, null, false, false, List.of(), null);
    Access none = new Access(name, null, Access.WriteKind.CONSTRUCTOR);
    if (type.getKind().isPrimitive()) {
      return Optional.of(new Property(name, described, typeName, ValueKind.PRIMITIVE, none, null, null));
    }
    if (type.getKind() == TypeKind.ARRAY) {
      return Optional.of(new Property(name, described, typeName, ValueKind.BYTES, none, null, null));
    }
    TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
    if (element.getKind() == ElementKind.ENUM) {
      Optional<EnumMapping> mapping = entity.properties().stream()
          .filter(p -> p.kind() == ValueKind.ENUM && p.type().equals(typeName))
          .map(Property::enumMapping)
          .findFirst();
      if (mapping.isEmpty()) {
        reporter.report(location, Message.SQL_ENUM_PARAMETER, label, name, element.getSimpleName(),
            entity.simpleName());
        return Optional.empty();
      }
      return Optional.of(new Property(name, described, typeName, ValueKind.ENUM, none, mapping.get(), null));
    }
    ValueKind kind = switch (element.getQualifiedName().toString()) {
      case "java.lang.String" -> column != null && column.sqlType().equals("jsonb") ? ValueKind.JSONB : ValueKind.STRING;
      case "java.time.Instant" -> ValueKind.INSTANT;
      case "java.math.BigDecimal" -> ValueKind.BIG_DECIMAL;
      default -> ValueKind.OBJECT;
    };
    return Optional.of(new Property(name, described, typeName, kind, none, null, null));
  }

  /** The Java type the runtime binds a key of this SQL type as (see {@code TenantKeyLevel}). */
  private static JavaType keyType(String sqlType) {
    return JavaType.Declared.of(switch (sqlType) {
      case "uuid" -> java.util.UUID.class;
      case "bigint" -> Long.class;
      case "integer" -> Integer.class;
      default -> String.class;
    });
  }

}
