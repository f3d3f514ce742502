package dev.rowguard.processor.read;

import dev.rowguard.annotations.Check;
import dev.rowguard.annotations.ColumnDefault;
import dev.rowguard.annotations.Jsonb;
import dev.rowguard.annotations.Tenanted;
import dev.rowguard.processor.diagnostics.Location;
import dev.rowguard.processor.diagnostics.Message;
import dev.rowguard.processor.diagnostics.Origins;
import dev.rowguard.processor.diagnostics.Reporter;
import dev.rowguard.schema.CheckConstraint;
import dev.rowguard.schema.Column;
import dev.rowguard.schema.ForeignKey;
import dev.rowguard.schema.Key;
import dev.rowguard.schema.Table;
import dev.rowguard.schema.Tenancy;
import dev.rowguard.schema.TenantKeyColumn;
import dev.rowguard.schema.sql.Identifiers;
import dev.rowguard.schema.sql.FragmentProblem;
import dev.rowguard.schema.sql.SqlFragments;
import dev.rowguard.schema.sql.SqlLiterals;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Reads one {@code @Entity} class or record into a {@link Table} of the schema model. Constraint and index
 * names are left {@code null} unless the user gave them; they are derived later. Problems that leave nothing
 * to model (an unsupported type, an enum stored by ordinal) are reported here and the column is left out, so
 * that the rest of the entity is still read and checked.
 */
public final class EntityReader {
  private final Elements elements;
  private final Reporter reporter;
  private final Origins origins;
  private final TableNames tableNames;
  private final List<TenantKeyColumn> tenantLevels;
  private final Set<String> entityNames;
  private final EnumValues enumValues;
  private final Javadocs javadocs;
  private final TableConstraintsReader tableConstraints;
  /** The key column of each referenced entity, read once however many references point at it. */
  private final Map<String, Optional<Column>> idColumns = new HashMap<>();

  /**
   * @param tenantLevels the project's tenant keys, outermost first
   * @param entityNames every entity of the model, by qualified name
   * @param javadocs where table and column comments come from
   */
  public EntityReader(Elements elements, Reporter reporter, Origins origins, TableNames tableNames,
      List<TenantKeyColumn> tenantLevels, Set<String> entityNames, boolean jpaCompatibility, Javadocs javadocs) {
    this.elements = elements;
    this.reporter = reporter;
    this.origins = origins;
    this.tableNames = tableNames;
    this.tenantLevels = tenantLevels;
    this.entityNames = entityNames;
    this.enumValues = new EnumValues(elements, reporter, jpaCompatibility);
    this.tableConstraints = new TableConstraintsReader(elements, reporter);
    this.javadocs = javadocs;
  }

  public Optional<Table> read(TypeElement type) {
    String entity = type.getQualifiedName().toString();
    Optional<AnnotationValues> table = AnnotationValues.find(type, Jpa.TABLE, elements);
    Optional<AnnotationValues> entityAnnotation = AnnotationValues.find(type, Jpa.ENTITY, elements);
    origins.putTable(entity, Location.of(type,
        table.or(() -> entityAnnotation).map(AnnotationValues::mirror).orElse(null)));

    if (type.getKind() != ElementKind.CLASS && type.getKind() != ElementKind.RECORD) {
      reporter.report(Location.of(type, entityAnnotation.map(AnnotationValues::mirror).orElse(null)),
          Message.UNSUPPORTED_MAPPING, "Entity", type.getSimpleName(), "an entity must be a class or a record");
      return Optional.empty();
    }
    Optional<TypeElement> entitySuperclass = EntityFields.superclasses(type).stream()
        .filter(s -> AnnotationValues.has(s, Jpa.ENTITY))
        .findFirst();
    if (entitySuperclass.isPresent()) {
      reporter.report(Location.of(type), Message.UNSUPPORTED_MAPPING, "Entity", type.getSimpleName(),
          "entity inheritance is not supported (" + entitySuperclass.get().getSimpleName()
              + " is an @Entity); make the superclass a @MappedSuperclass");
      return Optional.empty();
    }

    TableBuilder builder = new TableBuilder(entity, tableNames.of(type), origins);
    List<VariableElement> ids = new ArrayList<>();
    for (VariableElement field : EntityFields.persistent(type)) {
      if (AnnotationValues.has(field, Jpa.ID)) {
        ids.add(field);
      }
      readField(type, field, builder);
    }
    Key primaryKey = primaryKey(type, ids, builder);
    tableConstraints.read(type, table, builder);
    refuseInvalidChecks(builder);
    String comment = DocComments.description(javadocs.of(type));
    Tenancy tenancy = tenancy(type).orElse(null);
    return Optional.of(new Table(builder.name, entity, comment, tenancy, builder.columns, primaryKey,
        builder.uniqueKeys, builder.foreignKeys, builder.checks, builder.indexes));
  }

  /** The tenant keys of a {@code @Tenanted} entity: the levels it names, or all of them. */
  private Optional<Tenancy> tenancy(TypeElement type) {
    Optional<AnnotationValues> tenanted = AnnotationValues.find(type, Tenanted.class.getCanonicalName(), elements);
    if (tenanted.isEmpty()) {
      return Optional.empty();
    }
    List<String> declared = tenantLevels.stream().map(TenantKeyColumn::column).toList();
    List<String> named = tenanted.get().strings("keys");
    if (named.isEmpty()) {
      return Optional.of(new Tenancy(tenantLevels));
    }
    Location location = Location.of(type, tenanted.get().mirror());
    for (String key : named) {
      if (!declared.contains(key)) {
        reporter.report(location, Message.UNKNOWN_TENANT_KEY, type.getSimpleName(), key, declared);
        return Optional.empty();
      }
    }
    if (!named.equals(declared.subList(0, Math.min(named.size(), declared.size())))) {
      reporter.report(location, Message.TENANT_KEYS_NOT_OUTERMOST, type.getSimpleName(), named,
          declared.subList(0, Math.min(named.size(), declared.size())));
      return Optional.empty();
    }
    return Optional.of(new Tenancy(tenantLevels.subList(0, named.size())));
  }

  private Key primaryKey(TypeElement type, List<VariableElement> ids, TableBuilder builder) {
    if (ids.isEmpty()) {
      reporter.report(origins.table(builder.entity), Message.MISSING_ID, type.getQualifiedName());
      return null;
    }
    if (ids.size() > 1) {
      reporter.report(Location.of(ids.get(1)), Message.COMPOSITE_ID, type.getQualifiedName(),
          ids.stream().map(f -> f.getSimpleName().toString()).toList());
      return null;
    }
    String idColumn = builder.columnOfField.get(ids.get(0).getSimpleName().toString());
    return idColumn == null ? null : new Key(null, List.of(idColumn));
  }

  private void readField(TypeElement owner, VariableElement field, TableBuilder builder) {
    String fieldName = field.getSimpleName().toString();
    for (String unsupported : List.of(Jpa.MANY_TO_MANY, Jpa.ELEMENT_COLLECTION, Jpa.EMBEDDED, Jpa.EMBEDDED_ID)) {
      Optional<AnnotationValues> annotation = AnnotationValues.find(field, unsupported, elements);
      if (annotation.isPresent()) {
        reporter.report(Location.of(field, annotation.get().mirror()), Message.UNSUPPORTED_MAPPING,
            simpleName(unsupported), fieldName,
            "Rowguard maps one field to one column; model the relation as an entity with @ManyToOne fields, "
                + "or store the value in a @Jsonb column");
        return;
      }
    }
    Optional<AnnotationValues> oneToMany = AnnotationValues.find(field, Jpa.ONE_TO_MANY, elements);
    if (oneToMany.isPresent()) {
      if (oneToMany.get().nonBlank("mappedBy").isEmpty()) {
        reporter.report(Location.of(field, oneToMany.get().mirror()), Message.UNSUPPORTED_MAPPING, "OneToMany",
            fieldName, "only the inverse side (mappedBy) is supported; map the foreign key with @ManyToOne on the "
                + "other entity");
      }
      return;
    }
    Optional<AnnotationValues> manyToOne = AnnotationValues.find(field, Jpa.MANY_TO_ONE, elements)
        .or(() -> AnnotationValues.find(field, Jpa.ONE_TO_ONE, elements));
    if (manyToOne.isPresent()) {
      readReference(owner, field, manyToOne.get(), builder);
    } else {
      readBasic(owner, field, builder);
    }
  }

  private void readBasic(TypeElement owner, VariableElement field, TableBuilder builder) {
    String fieldName = field.getSimpleName().toString();
    Optional<AnnotationValues> column = AnnotationValues.find(field, Jpa.COLUMN, elements);
    Location location = Location.of(field, column.map(AnnotationValues::mirror).orElse(null));
    String name = column.flatMap(c -> c.nonBlank("name")).orElse(Identifiers.snakeCase(fieldName));
    TypeMirror type = field.asType();
    if (type.getKind() == TypeKind.ERROR) {
      return; // javac already reports the unresolved type.
    }
    List<String> allowedValues = List.of();
    String sqlType;
    if (AnnotationValues.has(field, Jsonb.class.getCanonicalName())) {
      if (!ColumnTypes.isString(type)) {
        reporter.report(Location.of(field), Message.JSONB_TYPE, fieldName, type);
        return;
      }
      sqlType = "jsonb";
    } else if (EntityFields.enumType(type).isPresent()) {
      Optional<List<String>> values = enumValues.allowedValues(field, EntityFields.enumType(type).get());
      if (values.isEmpty()) {
        return;
      }
      allowedValues = values.get();
      Optional<Integer> length = column.filter(c -> c.isSet("length")).map(c -> c.integer("length"));
      String longest = allowedValues.stream().max(Comparator.comparingInt(String::length)).orElse("");
      if (length.isPresent() && length.get() < longest.length()) {
        reporter.report(location, Message.ENUM_LENGTH, length.get(), fieldName, longest, longest.length());
        return;
      }
      sqlType = length.map(n -> "varchar(" + n + ")").orElse("text");
      builder.checks.add(new CheckConstraint(null, name, SqlLiterals.in(name, allowedValues)));
    } else {
      Optional<String> mapped = basicSqlType(type, column);
      if (mapped.isEmpty()) {
        reporter.report(Location.of(field), Message.UNSUPPORTED_TYPE, fieldName, type, ColumnTypes.SUPPORTED);
        return;
      }
      sqlType = mapped.get();
      if (ColumnTypes.isLocalDateTime(type)) {
        reporter.report(Location.of(field), Message.LOCAL_DATE_TIME, fieldName);
      }
    }
    column.filter(c -> c.isSet("columnDefinition")).ifPresent(c -> reporter.report(location,
        Message.IGNORED_ATTRIBUTE, "@Column(columnDefinition) on '" + fieldName + "'",
        "the column type is derived from the field; use @Jsonb, @ColumnDefault or @Check for what it expressed"));

    boolean id = AnnotationValues.has(field, Jpa.ID);
    boolean version = AnnotationValues.has(field, Jpa.VERSION);
    boolean notNull = type.getKind().isPrimitive() || id || version
        || column.filter(c -> c.isSet("nullable") && !c.bool("nullable")).isPresent()
        || AnnotationValues.find(field, Jpa.BASIC, elements).filter(b -> !b.bool("optional")).isPresent();
    String defaultSql = AnnotationValues.find(field, ColumnDefault.class.getCanonicalName(), elements)
        .flatMap(d -> defaultClause(fieldName, d, field)).orElse(null);
    boolean identity = false;
    Optional<AnnotationValues> generated = AnnotationValues.find(field, Jpa.GENERATED_VALUE, elements);
    if (generated.isPresent()) {
      String strategy = generated.get().enumName("strategy");
      if (ColumnTypes.isIntegral(type) && (strategy.equals("IDENTITY") || strategy.equals("AUTO"))) {
        identity = true;
      } else if (ColumnTypes.isUuid(type) && (strategy.equals("AUTO") || strategy.equals("UUID"))) {
        defaultSql = "gen_random_uuid()";
      } else {
        reporter.report(Location.of(field, generated.get().mirror()), Message.GENERATED_VALUE, strategy, fieldName,
            type);
      }
    }
    builder.addColumn(fieldName, location, new Column(name, fieldName, type.toString(), sqlType, !notNull, defaultSql,
        identity, version, allowedValues, comment(owner, field)));
    if (column.filter(c -> c.bool("unique")).isPresent()) {
      builder.addUnique(new Key(null, List.of(name)), location);
    }
    for (AnnotationValues check : AnnotationValues.findRepeated(field, Check.class.getCanonicalName(),
        Check.List.class.getCanonicalName(), elements)) {
      CheckConstraint constraint =
          new CheckConstraint(null, check.nonBlank("name").orElse(name), check.string("value"));
      builder.addCheck(constraint, check.location(field),
          "field '" + fieldName + "' of " + owner.getSimpleName());
    }
  }

  /**
   * The DEFAULT of a {@code @ColumnDefault}, or nothing when its text is not one expression a DEFAULT allows: it
   * is pasted into schema.sql and the generated SQL, so anything else could end the clause and add statements.
   */
  private Optional<String> defaultClause(String fieldName, AnnotationValues columnDefault, VariableElement field) {
    String fragment = columnDefault.string("value");
    Optional<FragmentProblem> problem = SqlFragments.defaultProblem(fragment);
    if (problem.isPresent()) {
      reporter.report(Location.of(field, columnDefault.mirror()), Message.DEFAULT_EXPRESSION, fragment, fieldName,
          problem.get().detail());
      return Optional.empty();
    }
    return Optional.of(SqlFragments.defaultClause(fragment));
  }

  /**
   * Drops every user-written CHECK whose text is not one expression over this table's columns, reporting it on its
   * annotation. Read once all columns are known, since a check may name a column declared after it.
   */
  private void refuseInvalidChecks(TableBuilder builder) {
    Set<String> columns = builder.columns.stream().map(Column::name).collect(Collectors.toSet());
    for (TableBuilder.WrittenCheck written : builder.writtenChecks) {
      String fragment = written.constraint().expression();
      Optional<FragmentProblem> problem = SqlFragments.checkProblem(fragment, columns);
      if (problem.isPresent()) {
        reporter.report(written.location(), Message.CHECK_EXPRESSION, fragment, written.declaredOn(),
            problem.get().detail(), builder.name);
        builder.checks.removeIf(c -> c == written.constraint());
      }
    }
  }

  private void readReference(
      TypeElement owner, VariableElement field, AnnotationValues relation, TableBuilder builder) {
    String fieldName = field.getSimpleName().toString();
    String kind = simpleName(relation.mirror().getAnnotationType().toString());
    Optional<AnnotationValues> joinColumn = AnnotationValues.find(field, Jpa.JOIN_COLUMN, elements);
    Location location = Location.of(field, joinColumn.orElse(relation).mirror());
    if (field.asType().getKind() == TypeKind.ERROR) {
      return; // javac already reports the unresolved type.
    }
    if (field.asType().getKind() != TypeKind.DECLARED) {
      reporter.report(Location.of(field, relation.mirror()), Message.RELATION_TARGET_NOT_ENTITY, kind, fieldName,
          field.asType());
      return;
    }
    TypeElement target = (TypeElement) ((DeclaredType) field.asType()).asElement();
    if (!AnnotationValues.has(target, Jpa.ENTITY)) {
      reporter.report(Location.of(field, relation.mirror()), Message.RELATION_TARGET_NOT_ENTITY, kind, fieldName,
          target.getQualifiedName());
      return;
    }
    if (!entityNames.contains(target.getQualifiedName().toString())) {
      reporter.report(Location.of(field, relation.mirror()), Message.RELATION_TARGET_NOT_IN_SCHEMA, kind, fieldName,
          target.getQualifiedName());
      return;
    }
    Optional<Column> targetId =
        idColumns.computeIfAbsent(target.getQualifiedName().toString(), name -> idColumn(target));
    if (targetId.isEmpty()) {
      return; // The target entity reports its own missing or unsupported @Id.
    }
    String name = joinColumn.flatMap(j -> j.nonBlank("name"))
        .orElse(Identifiers.snakeCase(fieldName) + "_" + targetId.get().name());
    boolean notNull = joinColumn.filter(j -> j.isSet("nullable") && !j.bool("nullable")).isPresent()
        || !relation.bool("optional")
        || AnnotationValues.has(field, Jpa.ID);
    builder.addColumn(fieldName, location, new Column(name, fieldName, field.asType().toString(),
        targetId.get().sqlType(), !notNull, null, false, false, List.of(), comment(owner, field)));
    ForeignKey foreignKey =
        new ForeignKey(null, List.of(name), tableNames.of(target), List.of(targetId.get().name()), fieldName);
    builder.foreignKeys.add(foreignKey);
    origins.putConstraint(builder.entity, foreignKey, location);
    if (kind.equals("OneToOne") || joinColumn.filter(j -> j.bool("unique")).isPresent()) {
      builder.addUnique(new Key(null, List.of(name)), location);
    }
  }

  /** The column of a (target) entity's single {@code @Id}, read without reporting. */
  private Optional<Column> idColumn(TypeElement entity) {
    List<VariableElement> ids = EntityFields.persistent(entity).stream()
        .filter(f -> AnnotationValues.has(f, Jpa.ID))
        .toList();
    if (ids.size() != 1) {
      return Optional.empty();
    }
    VariableElement id = ids.get(0);
    Optional<AnnotationValues> column = AnnotationValues.find(id, Jpa.COLUMN, elements);
    String name = column.flatMap(c -> c.nonBlank("name")).orElse(Identifiers.snakeCase(id.getSimpleName().toString()));
    return basicSqlType(id.asType(), column)
        .map(sqlType -> new Column(name, id.getSimpleName().toString(), id.asType().toString(), sqlType, false, null,
            false, false, List.of(), null));
  }

  /** The SQL type of a basic column, with the length, precision and scale its {@code @Column} gives. */
  private static Optional<String> basicSqlType(TypeMirror type, Optional<AnnotationValues> column) {
    int length = column.filter(c -> c.isSet("length")).map(c -> c.integer("length")).orElse(0);
    int precision = column.map(c -> c.integer("precision")).orElse(0);
    int scale = column.map(c -> c.integer("scale")).orElse(0);
    return ColumnTypes.sqlType(type, length, precision, scale);
  }

  private String comment(TypeElement owner, VariableElement field) {
    if (owner.getKind() == ElementKind.RECORD && field.getEnclosingElement().equals(owner)) {
      return DocComments.param(javadocs.of(owner), field.getSimpleName().toString());
    }
    return DocComments.description(javadocs.of(field));
  }

  private static String simpleName(String qualifiedName) {
    return qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
  }
}
