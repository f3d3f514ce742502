package dev.rowguard.processor.read;

import dev.rowguard.processor.diagnostics.Location;
import dev.rowguard.processor.diagnostics.Message;
import dev.rowguard.processor.diagnostics.Reporter;
import dev.rowguard.processor.repository.Access;
import dev.rowguard.processor.repository.EntityMapping;
import dev.rowguard.processor.repository.EnumMapping;
import dev.rowguard.processor.repository.JavaType;
import dev.rowguard.processor.repository.Property;
import dev.rowguard.processor.repository.Reference;
import dev.rowguard.processor.repository.ValueKind;
import dev.rowguard.schema.Column;
import dev.rowguard.schema.ForeignKey;
import dev.rowguard.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads how generated code reaches an entity's properties from a given package: records through their canonical
 * constructor and accessors; classes through a no-argument constructor and getters and setters, or fields the
 * package can see. Anything it cannot reach without reflection is reported on the field, saying what to add.
 */
public final class EntityMappingReader {
  private final Elements elements;
  private final Types types;
  private final Reporter reporter;

  public EntityMappingReader(Elements elements, Types types, Reporter reporter) {
    this.elements = elements;
    this.types = types;
    this.reporter = reporter;
  }

  /**
   * The mapping of {@code entity}, whose table is {@code table}, for code generated in {@code pkg} on behalf of
   * {@code repository} (named in messages); empty after reporting what is unreachable.
   */
  public Optional<EntityMapping> read(TypeElement entity, Table table, String pkg, String repository) {
    boolean record = entity.getKind() == ElementKind.RECORD;
    boolean ok = true;
    if (!visible(entity, pkg)) {
      reporter.report(Location.of(entity), Message.ENTITY_NOT_PUBLIC, repository, entity.getSimpleName(),
          packageOf(entity));
      return Optional.empty();
    }
    if (!record && !hasVisibleNoArgConstructor(entity, pkg)) {
      reporter.report(Location.of(entity), Message.NO_VISIBLE_CONSTRUCTOR, repository, entity.getSimpleName());
      ok = false;
    }
    List<Property> properties = new ArrayList<>();
    for (Column column : table.columns()) {
      Optional<VariableElement> field = field(entity, column.field());
      if (field.isEmpty()) {
        continue; // Read by EntityReader from the same fields: cannot happen for a table it produced.
      }
      Optional<Access> access = record
          ? Optional.of(new Access(column.field() + "()", null, Access.WriteKind.CONSTRUCTOR))
          : classAccess(entity, field.get(), pkg, repository);
      Optional<Property> property = access.flatMap(a -> property(table, column, field.get(), a, pkg, repository));
      if (property.isEmpty()) {
        ok = false;
      } else {
        properties.add(property.get());
      }
    }
    if (record && !recordFullyMapped(entity, table, repository)) {
      ok = false;
    }
    return ok ? Optional.of(new EntityMapping(ModelTypes.of(entity), table, record, properties)) : Optional.empty();
  }

  private Optional<Property> property(Table table, Column column, VariableElement field, Access access, String pkg,
      String repository) {
    TypeMirror type = field.asType();
    JavaType typeName = ModelTypes.of(type);
    Optional<ForeignKey> reference = table.foreignKeys().stream()
        .filter(fk -> field.getSimpleName().contentEquals(fk.field() == null ? "" : fk.field()))
        .findFirst();
    if (reference.isPresent() && type.getKind() == TypeKind.DECLARED) {
      return reference((TypeElement) ((DeclaredType) type).asElement(), pkg, repository, field)
          .map(r -> new Property(field.getSimpleName().toString(), column, typeName, ValueKind.REFERENCE, access,
              null, r));
    }
    if (type.getKind() == TypeKind.DECLARED
        && ((DeclaredType) type).asElement().getKind() == ElementKind.ENUM) {
      TypeElement enumType = (TypeElement) ((DeclaredType) type).asElement();
      List<String> constants = enumType.getEnclosedElements().stream()
          .filter(e -> e.getKind() == ElementKind.ENUM_CONSTANT)
          .map(e -> e.getSimpleName().toString())
          .toList();
      EnumMapping mapping = new EnumMapping(ModelTypes.of(enumType), constants,
          EnumValues.writtenValues(field, enumType, elements));
      return Optional.of(new Property(field.getSimpleName().toString(), column, typeName, ValueKind.ENUM, access,
          mapping, null));
    }
    return Optional.of(new Property(field.getSimpleName().toString(), column, typeName, kind(column, type), access,
        null, null));
  }

  private static ValueKind kind(Column column, TypeMirror type) {
    if (column.sqlType().equals("jsonb")) {
      return ValueKind.JSONB;
    }
    if (type.getKind().isPrimitive()) {
      return ValueKind.PRIMITIVE;
    }
    if (type.getKind() == TypeKind.ARRAY) {
      return ValueKind.BYTES;
    }
    return switch (ColumnTypes.qualifiedName(type)) {
      case "java.lang.String" -> ValueKind.STRING;
      case "java.time.Instant" -> ValueKind.INSTANT;
      case "java.math.BigDecimal" -> ValueKind.BIG_DECIMAL;
      default -> ValueKind.OBJECT;
    };
  }

  /** A reference is read back as a new target holding only its key, so the target must be a settable class. */
  private Optional<Reference> reference(TypeElement target, String pkg, String repository, VariableElement field) {
    if (target.getKind() == ElementKind.RECORD) {
      reporter.report(Location.of(field), Message.REFERENCE_TO_RECORD, repository, field.getSimpleName(),
          target.getSimpleName(), field.getSimpleName(), target.getSimpleName());
      return Optional.empty();
    }
    if (!visible(target, pkg) || !hasVisibleNoArgConstructor(target, pkg)) {
      reporter.report(Location.of(field), Message.REFERENCE_NEEDS_CONSTRUCTOR, repository, field.getSimpleName(),
          target.getSimpleName(), target.getSimpleName());
      return Optional.empty();
    }
    Optional<VariableElement> id = allFields(target).stream()
        .filter(f -> AnnotationValues.has(f, Jpa.ID))
        .findFirst();
    if (id.isEmpty()) {
      return Optional.empty(); // The target reports its missing @Id.
    }
    Optional<Access> access = classAccess(target, id.get(), pkg, repository);
    if (access.isEmpty()) {
      return Optional.empty();
    }
    TypeMirror idType = id.get().asType();
    ValueKind idKind = idType.getKind().isPrimitive() ? ValueKind.PRIMITIVE
        : ColumnTypes.isString(idType) ? ValueKind.STRING : ValueKind.OBJECT;
    return Optional.of(new Reference(ModelTypes.of(target), access.get(), idKind, ModelTypes.of(idType)));
  }

  /** Getter or visible field to read; setter or visible non-final field to write. */
  private Optional<Access> classAccess(TypeElement entity, VariableElement field, String pkg, String repository) {
    String name = field.getSimpleName().toString();
    String capitalized = Character.toUpperCase(name.charAt(0)) + name.substring(1);
    List<ExecutableElement> methods = ElementFilter.methodsIn(elements.getAllMembers(entity));
    boolean fieldVisible = visible(field, pkg);
    Optional<String> getter = methods.stream()
        .filter(m -> m.getParameters().isEmpty() && visible(m, pkg) && !m.getModifiers().contains(Modifier.STATIC))
        .filter(m -> m.getSimpleName().contentEquals("get" + capitalized)
            || (field.asType().getKind() == TypeKind.BOOLEAN && m.getSimpleName().contentEquals("is" + capitalized)))
        .filter(m -> types.isSameType(m.getReturnType(), field.asType()))
        .map(m -> m.getSimpleName() + "()")
        .findFirst();
    Optional<String> setter = methods.stream()
        .filter(m -> m.getParameters().size() == 1 && visible(m, pkg) && !m.getModifiers().contains(Modifier.STATIC))
        .filter(m -> m.getSimpleName().contentEquals("set" + capitalized))
        .filter(m -> types.isSameType(m.getParameters().get(0).asType(), field.asType()))
        .map(m -> m.getSimpleName().toString())
        .findFirst();
    String read = getter.orElse(fieldVisible ? name : null);
    if (read == null) {
      reporter.report(Location.of(field), Message.FIELD_NOT_READABLE, repository, name, entity.getSimpleName(),
          capitalized, packageOf(entity));
      return Optional.empty();
    }
    if (setter.isPresent()) {
      return Optional.of(new Access(read, setter.get(), Access.WriteKind.SETTER));
    }
    if (fieldVisible && !field.getModifiers().contains(Modifier.FINAL)) {
      return Optional.of(new Access(read, name, Access.WriteKind.FIELD));
    }
    reporter.report(Location.of(field), Message.FIELD_NOT_WRITABLE, repository, name, entity.getSimpleName(),
        field.getModifiers().contains(Modifier.FINAL) ? "final" : "private", capitalized,
        ModelTypes.of(field.asType()));
    return Optional.empty();
  }

  /** Records are built through the canonical constructor, so every component must be a column. */
  private boolean recordFullyMapped(TypeElement entity, Table table, String repository) {
    for (Element component : entity.getRecordComponents()) {
      String name = component.getSimpleName().toString();
      if (table.columns().stream().noneMatch(c -> name.equals(c.field()))) {
        reporter.report(Location.of(component), Message.RECORD_COMPONENT_NOT_COLUMN, repository,
            entity.getSimpleName(), name, entity.getSimpleName());
        return false;
      }
    }
    return true;
  }

  private boolean hasVisibleNoArgConstructor(TypeElement type, String pkg) {
    return ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
        .anyMatch(c -> c.getParameters().isEmpty() && visible(c, pkg));
  }

  private Optional<VariableElement> field(TypeElement entity, String name) {
    return allFields(entity).stream().filter(f -> f.getSimpleName().contentEquals(name)).findFirst();
  }

  private List<VariableElement> allFields(TypeElement type) {
    return ElementFilter.fieldsIn(elements.getAllMembers(type));
  }

  private boolean visible(Element element, String pkg) {
    if (element.getModifiers().contains(Modifier.PUBLIC)) {
      return true;
    }
    return !element.getModifiers().contains(Modifier.PRIVATE) && packageOf(element).equals(pkg);
  }

  private String packageOf(Element element) {
    return elements.getPackageOf(element).getQualifiedName().toString();
  }
}
