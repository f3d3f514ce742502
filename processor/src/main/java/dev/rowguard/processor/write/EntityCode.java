package dev.rowguard.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import dev.rowguard.processor.repository.Access;
import dev.rowguard.processor.repository.EntityMapping;
import dev.rowguard.processor.repository.EnumMapping;
import dev.rowguard.processor.repository.JavaType;
import dev.rowguard.processor.repository.Projection;
import dev.rowguard.processor.repository.Property;
import dev.rowguard.processor.repository.Reference;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.lang.model.element.Modifier;

/**
 * The private helpers of a generated repository that deal with one entity: reading a row into an instance,
 * binding an instance's values, and the enum and reference conversions. Each is generated once, when a method
 * first needs it.
 */
final class EntityCode {
  private static final ClassName JDBC_STATEMENT = ClassName.get(PreparedStatement.class);
  private static final ClassName ROWS = ClassName.get(ResultSet.class);

  private final Map<String, MethodSpec> helpers = new LinkedHashMap<>();

  List<MethodSpec> helpers() {
    return List.copyOf(helpers.values());
  }

  private String helper(String name, Function<String, MethodSpec> create) {
    if (!helpers.containsKey(name)) {
      helpers.put(name, null); // Reserve the name first: creating it may need other helpers.
      helpers.put(name, create.apply(name));
    }
    return name;
  }

  static String lowerFirst(String name) {
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  /** {@code asset(rows)}: a row of every column, in property order, as an entity. */
  String rowMapper(EntityMapping entity) {
    return rowMapper(entity, inOrder(entity.properties().size()), "");
  }

  /** An entity from a row whose columns are at {@code positions} (property order), named with {@code suffix}. */
  String rowMapper(EntityMapping entity, List<Integer> positions, String suffix) {
    return helper(lowerFirst(String.join("", entity.type().simpleNames())) + suffix, name -> {
      ClassName type = PoetTypes.of(entity.type());
      MethodSpec.Builder method = MethodSpec.methodBuilder(name)
          .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
          .returns(type)
          .addParameter(ROWS, "rows")
          .addException(SQLException.class);
      List<CodeBlock> values = new ArrayList<>();
      for (int i = 0; i < entity.properties().size(); i++) {
        values.add(read(entity.properties().get(i), positions.get(i)));
      }
      if (entity.record()) {
        method.addStatement("return new $T(\n$L)", type, CodeBlock.join(indent(values), ",\n"));
      } else {
        method.addStatement("$T entity = new $T()", type, type);
        for (int i = 0; i < values.size(); i++) {
          method.addStatement(assign("entity", entity.properties().get(i), values.get(i)));
        }
        method.addStatement("return entity");
      }
      return method.build();
    });
  }

  /** {@code hostSummary(rows)}: a row of the projection's columns, in component order, as the record. */
  String projectionMapper(Projection projection) {
    return recordMapper(projection.type(), projection.properties(), inOrder(projection.properties().size()), "");
  }

  /** The positions {@code 1 … count}: a row of exactly the columns read, in order. */
  private static List<Integer> inOrder(int count) {
    return java.util.stream.IntStream.rangeClosed(1, count).boxed().toList();
  }

  /** A record from the columns at {@code positions}, one per component, named with {@code suffix}. */
  String recordMapper(JavaType.Declared type, List<Property> components, List<Integer> positions,
      String suffix) {
    ClassName record = PoetTypes.of(type);
    return helper(lowerFirst(String.join("", record.simpleNames())) + suffix, name -> {
      List<CodeBlock> values = new ArrayList<>();
      for (int i = 0; i < components.size(); i++) {
        values.add(read(components.get(i), positions.get(i)));
      }
      return MethodSpec.methodBuilder(name)
          .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
          .returns(record)
          .addParameter(ROWS, "rows")
          .addException(SQLException.class)
          .addStatement("return new $T(\n$L)", record, CodeBlock.join(indent(values), ",\n"))
          .build();
    });
  }

  /** A read of column {@code index} as the property's type, generating the helpers it needs. */
  CodeBlock read(Property property, int index) {
    if (property.kind() == dev.rowguard.processor.repository.ValueKind.ENUM) {
      enumHelpers(property.enumMapping());
    }
    if (property.kind() == dev.rowguard.processor.repository.ValueKind.REFERENCE) {
      referenceHelper(property.reference());
    }
    return ValueCode.read(property, index);
  }

  /** A bind of the property's value, generating the enum helpers it needs. */
  CodeBlock bind(Property property, Object index, CodeBlock value) {
    if (property.kind() == dev.rowguard.processor.repository.ValueKind.ENUM) {
      enumHelpers(property.enumMapping());
    }
    return ValueCode.bind(property, index, value);
  }

  void enumHelpers(EnumMapping mapping) {
    helper(ValueCode.storedName(mapping), name -> {
      CodeBlock.Builder cases = CodeBlock.builder();
      for (int i = 0; i < mapping.constants().size(); i++) {
        cases.add("case $L -> $S;\n", mapping.constants().get(i), mapping.storedValues().get(i));
      }
      return MethodSpec.methodBuilder(name)
          .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
          .returns(String.class)
          .addParameter(PoetTypes.of(mapping.type()), "value")
          .beginControlFlow("if (value == null)")
          .addStatement("return null")
          .endControlFlow()
          .addCode("return switch (value) {\n$>$L$<};\n", cases.build())
          .build();
    });
    helper(ValueCode.constantName(mapping), name -> {
      CodeBlock.Builder cases = CodeBlock.builder();
      for (int i = 0; i < mapping.constants().size(); i++) {
        cases.add("case $S -> $T.$L;\n", mapping.storedValues().get(i), PoetTypes.of(mapping.type()),
            mapping.constants().get(i));
      }
      cases.add("default -> throw $T.unknownStoredValue(value, $T.class);\n", ValueCode.SUPPORT,
          PoetTypes.of(mapping.type()));
      return MethodSpec.methodBuilder(name)
          .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
          .returns(PoetTypes.of(mapping.type()))
          .addParameter(String.class, "value")
          .beginControlFlow("if (value == null)")
          .addStatement("return null")
          .endControlFlow()
          .addCode("return switch (value) {\n$>$L$<};\n", cases.build())
          .build();
    });
  }

  private void referenceHelper(Reference reference) {
    helper(ValueCode.referenceName(reference), name -> MethodSpec.methodBuilder(name)
        .addJavadoc("A reference holding only the key, as JPA's getReference would give.\n")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(PoetTypes.of(reference.target()))
        .addParameter(PoetTypes.of(reference.idType().boxed()), "id")
        .beginControlFlow("if (id == null)")
        .addStatement("return null")
        .endControlFlow()
        .addStatement("$T reference = new $T()", PoetTypes.of(reference.target()), PoetTypes.of(reference.target()))
        .addStatement(write("reference", reference.id(), CodeBlock.of("id")))
        .addStatement("return reference")
        .build());
  }

  /**
   * {@code bindInsert(statement, entity, tenant, operation)}: checks the entity's tenant keys against the bound
   * tenant, then binds every inserted column, tenant keys from the bound tenant.
   */
  String insertBinder(EntityMapping entity, String tenantColumns) {
    return helper("bind" + String.join("", entity.type().simpleNames()) + "Insert", name -> {
      MethodSpec.Builder method = writerSignature(name, entity);
      List<Property> columns = RepositorySql.insertedColumns(entity);
      for (int i = 0; i < columns.size(); i++) {
        Property property = columns.get(i);
        int tenantIndex = entity.tenantKeys().indexOf(property);
        method.addStatement(tenantIndex >= 0
            ? CodeBlock.of("statement.setObject($L, tenant[$L])", i + 1, tenantIndex)
            : bind(property, i + 1, CodeBlock.of("entity.$L", property.access().read())));
      }
      return method.build();
    });
  }

  /** {@code bindUpdate(…)}: the updated columns, then the tenant keys, the key and the version of the WHERE. */
  String updateBinder(EntityMapping entity, String tenantColumns) {
    return helper("bind" + String.join("", entity.type().simpleNames()) + "Update", name -> {
      MethodSpec.Builder method = writerSignature(name, entity);
      int index = 1;
      for (Property property : RepositorySql.updatedColumns(entity)) {
        method.addStatement(bind(property, index++, CodeBlock.of("entity.$L", property.access().read())));
      }
      bindKey(method, entity, index);
      return method.build();
    });
  }

  /** {@code bindDelete(…)}: the tenant keys, the key and the version of the WHERE. */
  String keyBinder(EntityMapping entity, String tenantColumns) {
    return helper("bind" + String.join("", entity.type().simpleNames()) + "Key", name -> {
      MethodSpec.Builder method = writerSignature(name, entity);
      bindKey(method, entity, 1);
      return method.build();
    });
  }

  private void bindKey(MethodSpec.Builder method, EntityMapping entity, int first) {
    int index = first;
    for (int i = 0; i < entity.tenantKeys().size(); i++) {
      method.addStatement("statement.setObject($L, tenant[$L])", index++, i);
    }
    method.addStatement(bind(entity.id(), index++, CodeBlock.of("entity.$L", entity.id().access().read())));
    if (entity.version().isPresent()) {
      Property version = entity.version().get();
      method.addStatement(bind(version, index, CodeBlock.of("entity.$L", version.access().read())));
    }
  }

  private static MethodSpec.Builder writerSignature(String name, EntityMapping entity) {
    MethodSpec.Builder method = MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addParameter(JDBC_STATEMENT, "statement")
        .addParameter(PoetTypes.of(entity.type()), "entity");
    if (entity.table().tenanted()) {
      method.addParameter(Object[].class, "tenant");
    }
    return method.addException(SQLException.class);
  }

  /** Refuses an entity that carries another tenant's key; written before the connection is taken. */
  static CodeBlock checkTenantKeys(EntityMapping entity, String tenantColumns, String item, String label) {
    CodeBlock.Builder code = CodeBlock.builder();
    List<Property> keys = entity.tenantKeys();
    for (int i = 0; i < keys.size(); i++) {
      code.addStatement("$L.checkCarried($S, $S, $L, $L.$L, tenant)", tenantColumns, label, entity.simpleName(), i,
          item, keys.get(i).access().read());
    }
    return code.build();
  }

  /**
   * {@code written(entity, tenant[, generated])}: the entity as stored: unset tenant keys filled in, and the
   * values the database generated (identity, defaults, version) read back. Classes are updated in place; records
   * are rebuilt.
   */
  String written(EntityMapping entity, boolean withGenerated) {
    List<Property> generated = withGenerated ? RepositorySql.generatedColumns(entity) : List.of();
    return helper("written" + String.join("", entity.type().simpleNames()), name -> {
      MethodSpec.Builder method = resultSignature(name, entity);
      if (withGenerated) {
        method.addParameter(ROWS, "rows"); // The statement's generated keys, positioned on this entity's row.
      }
      Map<Property, CodeBlock> changes = new LinkedHashMap<>();
      for (int i = 0; i < entity.tenantKeys().size(); i++) {
        Property key = entity.tenantKeys().get(i);
        changes.put(key, CodeBlock.of("($T) tenant[$L]", PoetTypes.of(key.type()), i));
      }
      for (int i = 0; i < generated.size(); i++) {
        changes.put(generated.get(i), read(generated.get(i), i + 1));
      }
      return finishResult(method, entity, changes);
    });
  }

  /** {@code updated(entity, tenant)}: after an update, tenant keys filled in and the version one higher. */
  String updated(EntityMapping entity) {
    return helper("updated" + String.join("", entity.type().simpleNames()), name -> {
      MethodSpec.Builder method = resultSignature(name, entity);
      Map<Property, CodeBlock> changes = new LinkedHashMap<>();
      for (int i = 0; i < entity.tenantKeys().size(); i++) {
        Property key = entity.tenantKeys().get(i);
        changes.put(key, CodeBlock.of("($T) tenant[$L]", PoetTypes.of(key.type()), i));
      }
      entity.version().ifPresent(v -> changes.put(v, CodeBlock.of("entity.$L + 1", v.access().read())));
      return finishResult(method, entity, changes);
    });
  }

  private static MethodSpec.Builder resultSignature(String name, EntityMapping entity) {
    TypeVariableName s = TypeVariableName.get("S", PoetTypes.of(entity.type()));
    MethodSpec.Builder method = MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addTypeVariable(s)
        .returns(s)
        .addParameter(s, "entity");
    if (entity.table().tenanted()) {
      method.addParameter(Object[].class, "tenant");
    }
    return method.addException(SQLException.class);
  }

  private MethodSpec finishResult(MethodSpec.Builder method, EntityMapping entity, Map<Property, CodeBlock> changes) {
    if (entity.record()) {
      List<CodeBlock> values = new ArrayList<>();
      for (Property property : entity.properties()) {
        values.add(changes.getOrDefault(property, CodeBlock.of("entity.$L", property.access().read())));
      }
      // A record type has no subtypes, so S is the record itself, and the cast is safe. "unchecked" for javac's
      // warning on it, "all" for ECJ's that S is bounded by a final type, which it has no narrower token for (see
      // InheritedParameters.suppression); javac does not honour "all", and nothing else warns here.
      method.addAnnotation(com.palantir.javapoet.AnnotationSpec.builder(SuppressWarnings.class)
          .addMember("value", "{$S, $S}", "unchecked", "all")
          .build());
      method.addStatement("return (S) new $T(\n$L)", PoetTypes.of(entity.type()),
          CodeBlock.join(indent(values), ",\n"));
    } else {
      for (Map.Entry<Property, CodeBlock> change : changes.entrySet()) {
        Property property = change.getKey();
        if (entity.isTenantKey(property)) {
          method.beginControlFlow("if (entity.$L == null)", property.access().read())
              .addStatement(assign("entity", property, change.getValue()))
              .endControlFlow();
        } else {
          method.addStatement(assign("entity", property, change.getValue()));
        }
      }
      method.addStatement("return entity");
    }
    return method.build();
  }

  private static CodeBlock assign(String target, Property property, CodeBlock value) {
    return write(target, property.access(), value);
  }

  private static CodeBlock write(String target, Access access, CodeBlock value) {
    return access.writeKind() == Access.WriteKind.SETTER
        ? CodeBlock.of("$L.$L($L)", target, access.write(), value)
        : CodeBlock.of("$L.$L = $L", target, access.write(), value);
  }

  private static List<CodeBlock> indent(List<CodeBlock> values) {
    return values.stream().map(v -> CodeBlock.of("$>$>$L$<$<", v)).toList();
  }

  static TypeName listOf(TypeName element) {
    return ParameterizedTypeName.get(ClassName.get(List.class), element);
  }
}
