package dev.rowguard.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import dev.rowguard.processor.repository.EntityMapping;
import dev.rowguard.processor.repository.Operation;
import dev.rowguard.processor.repository.Property;
import dev.rowguard.processor.repository.RepositoryModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * The class-level members the method renderers of one repository ask for, each created once: SQL constants,
 * the {@code TenantColumns} of each tenanted entity (and of native statements that bind other keys), the columns
 * read back after writes, and the helpers that turn a {@code Sort} into a column.
 */
final class ClassMembers {
  private static final ClassName TENANT_COLUMNS = ClassName.get("dev.rowguard.runtime", "TenantColumns");
  private static final ClassName SORT = ClassName.get("jakarta.data", "Sort");

  private final RepositoryModel model;
  private final Map<String, FieldSpec> constants = new LinkedHashMap<>();
  private final Map<String, String> sqlByConstant = new LinkedHashMap<>();
  private final Set<EntityMapping> tenanted = new LinkedHashSet<>();
  private final Map<String, MethodSpec> orderHelpers = new LinkedHashMap<>();

  ClassMembers(RepositoryModel model) {
    this.model = model;
  }

  /** Every field name, which no parameter may hide. */
  Set<String> fieldNames() {
    Set<String> names = new LinkedHashSet<>(constants.keySet());
    List.copyOf(tenanted).forEach(entity -> names.add(tenantConstant(entity)));
    names.add("dataSource");
    return names;
  }

  void addFields(TypeSpec.Builder type) {
    for (EntityMapping entity : tenanted) {
      type.addField(tenantColumnsField(tenantConstant(entity), entity.tenantKeys().stream()
          .map(key -> new Operation.Native.TenantKey(key.column().name(), key.type().boxed()))
          .toList()));
    }
    constants.values().forEach(type::addField);
  }

  void addMethods(TypeSpec.Builder type) {
    orderHelpers.values().forEach(type::addMethod);
  }

  /** The entity's {@code TenantColumns} constant: {@code TENANT}, or {@code ASSET_TENANT} beside others. */
  String tenantConstant(EntityMapping entity) {
    tenanted.add(entity);
    return manyEntities() ? upperSnake(entity.simpleName()) + "_TENANT" : "TENANT";
  }

  /** A method's own {@code TenantColumns} constant, for a native statement that binds other keys. */
  String tenantConstant(String methodName, List<Operation.Native.TenantKey> keys) {
    String name = upperSnake(methodName) + "_TENANT";
    constants.put(name, tenantColumnsField(name, keys));
    return name;
  }

  /**
   * {@code TenantColumns.of("client_account_id", UUID.class)}, then one {@code .and(…)} a line for deeper keys,
   * outermost first.
   */
  private static FieldSpec tenantColumnsField(String name, List<Operation.Native.TenantKey> keys) {
    StringBuilder format = new StringBuilder("$T.of($S, $T.class)$>$>");
    List<Object> args = new ArrayList<>(List.of(TENANT_COLUMNS, keys.get(0).column(),
        PoetTypes.of(keys.get(0).type())));
    for (int i = 1; i < keys.size(); i++) {
      format.append("\n.and($S, $T.class)");
      args.add(keys.get(i).column());
      args.add(PoetTypes.of(keys.get(i).type()));
    }
    format.append("$<$<");
    return FieldSpec.builder(TENANT_COLUMNS, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer(CodeBlock.of(format.toString(), args.toArray()))
        .build();
  }

  /** Whether the repository works on several entities, so that constants need the entity in their names. */
  boolean manyEntities() {
    return model.methods().stream().map(m -> m.operation().entity().type()).distinct().count() > 1;
  }

  /** A constant holding SQL text, named after the method (suffixed when overloads differ in SQL). */
  String sqlConstant(String methodName, String suffix, String sql) {
    String base = upperSnake(methodName) + suffix;
    String name = base;
    for (int n = 2; sqlByConstant.containsKey(name) && !sqlByConstant.get(name).equals(sql); n++) {
      name = base + "_" + n;
    }
    sqlByConstant.put(name, sql);
    constants.put(name, FieldSpec.builder(String.class, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer(SqlText.literal(sql))
        .build());
    return name;
  }

  /** {@code ASSET_GENERATED}: the columns the database fills in, read back after an insert or save. */
  String generatedColumns(EntityMapping entity) {
    String name = upperSnake(entity.simpleName()) + "_GENERATED";
    constants.put(name, FieldSpec.builder(String[].class, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("Columns the database fills in (identity, defaults, version), read back after a write.\n")
        .initializer("{$L}", CodeBlock.join(RepositorySql.generatedColumns(entity).stream()
            .map(p -> CodeBlock.of("$S", p.column().name())).toList(), ", "))
        .build());
    return name;
  }

  /** {@code assetOrderTerm(sort)}: a Sort's property as a column, from a fixed list, so no text reaches the SQL. */
  String orderHelper(EntityMapping entity) {
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
