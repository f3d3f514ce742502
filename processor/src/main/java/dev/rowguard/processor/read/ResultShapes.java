package dev.rowguard.processor.read;

import dev.rowguard.processor.diagnostics.Location;
import dev.rowguard.processor.diagnostics.Message;
import dev.rowguard.processor.repository.EntityMapping;
import dev.rowguard.processor.repository.JavaType;
import dev.rowguard.processor.repository.Operation.Cardinality;
import dev.rowguard.processor.repository.Operation.Write;
import dev.rowguard.processor.repository.Projection;
import dev.rowguard.processor.repository.Property;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;

/**
 * The rules for what repository methods may return, for every kind of method in one place: finders (entity,
 * projection, containers), counts, exists, deletes, lifecycle writes, and the containers of {@code @SqlQuery}.
 * Each reports on the method what it returns and what it may return instead.
 */
final class ResultShapes {
  private static final Map<String, Cardinality> CONTAINERS = Map.of("java.util.Optional", Cardinality.OPTIONAL,
      "java.util.List", Cardinality.LIST, "java.util.stream.Stream", Cardinality.STREAM,
      JakartaData.PAGE, Cardinality.PAGE);
  private static final String[] NUMBERS = {"long", "java.lang.Long", "int", "java.lang.Integer"};

  /** What a finder reads: the entity's rows, maybe through a projection, into a container. */
  record Shape(EntityMapping entity, Projection projection, Cardinality cardinality) {}

  /** A lifecycle parameter or result: an entity, {@code S extends Entity}, or a List of either. */
  record EntityArgument(TypeElement entity, boolean many) {}

  private final RepositoryScope scope;

  ResultShapes(RepositoryScope scope) {
    this.scope = scope;
  }

  /** The cardinality of a container a {@code @SqlQuery} may return (no Page: native SQL is not paged). */
  static Optional<Cardinality> sqlQueryContainer(String qualifiedName) {
    Cardinality cardinality = CONTAINERS.get(qualifiedName);
    return cardinality == Cardinality.PAGE ? Optional.empty() : Optional.ofNullable(cardinality);
  }

  /** {@code void}, {@code int}, {@code long}, {@code boolean} or a wrapper: a write's row count, or one value. */
  static boolean countLike(TypeMirror returns) {
    return returns.getKind() == TypeKind.VOID
        || JavaTypes.isNamed(returns, "int", "long", "boolean", "java.lang.Integer", "java.lang.Long",
            "java.lang.Boolean");
  }

  Optional<Shape> find(ExecutableElement method, TypeMirror returns) {
    Cardinality cardinality = Cardinality.ONE;
    TypeMirror element = returns;
    if (returns instanceof DeclaredType declared && !declared.getTypeArguments().isEmpty()) {
      String container = JavaTypes.qualifiedName(declared);
      if (!CONTAINERS.containsKey(container)) {
        fail(method, container.equals(JakartaData.CURSORED_PAGE) ? Message.CURSORED_PAGE_RESULT
            : Message.FIND_RESULT, returns);
        return Optional.empty();
      }
      cardinality = CONTAINERS.get(container);
      element = declared.getTypeArguments().get(0);
    }
    if (element.getKind() != TypeKind.DECLARED) {
      fail(method, Message.FIND_ELEMENT, returns);
      return Optional.empty();
    }
    TypeElement elementType = (TypeElement) ((DeclaredType) element).asElement();
    Optional<TypeElement> primary = scope.primary();
    if (AnnotationValues.has(elementType, Jpa.ENTITY)) {
      if (primary.isPresent() && !primary.get().equals(elementType)) {
        fail(method, Message.OTHER_ENTITY_RESULT, returns, primary.get().getSimpleName(),
            elementType.getSimpleName());
        return Optional.empty();
      }
      Cardinality entityRows = cardinality;
      return scope.entityMapping(elementType, Location.of(method))
          .map(entity -> new Shape(entity, null, entityRows));
    }
    Optional<EntityMapping> entity = scope.primaryOrFail(method);
    if (entity.isEmpty()) {
      return Optional.empty();
    }
    Cardinality rows = cardinality;
    return projection(method, returns, elementType, entity.get())
        .map(projection -> new Shape(entity.get(), projection, rows));
  }

  /** A record whose components are entity properties, by name and type. */
  private Optional<Projection> projection(ExecutableElement method, TypeMirror returns, TypeElement type,
      EntityMapping entity) {
    if (type.getKind() != ElementKind.RECORD) {
      fail(method, Message.NOT_A_PROJECTION, returns, entity.simpleName(), entity.simpleName());
      return Optional.empty();
    }
    List<Property> properties = new ArrayList<>();
    for (Element component : type.getRecordComponents()) {
      String name = component.getSimpleName().toString();
      Optional<Property> property = entity.property(name);
      if (property.isEmpty() || !property.get().type().equals(ModelTypes.of(component.asType()))) {
        fail(method, Message.PROJECTION_COMPONENT, returns, name, type.getSimpleName(), entity.simpleName(),
            property.map(p -> " of the same type (it is " + p.type() + ")").orElse(""));
        return Optional.empty();
      }
      properties.add(property.get());
    }
    return Optional.of(new Projection(ModelTypes.of(type), properties));
  }

  Optional<JavaType> count(ExecutableElement method, TypeMirror returns) {
    if (JavaTypes.isNamed(returns, NUMBERS)) {
      return Optional.of(ModelTypes.of(returns));
    }
    fail(method, Message.COUNT_RESULT, returns);
    return Optional.empty();
  }

  boolean exists(ExecutableElement method, TypeMirror returns) {
    if (JavaTypes.isNamed(returns, "boolean", "java.lang.Boolean")) {
      return true;
    }
    fail(method, Message.EXISTS_RESULT, returns);
    return false;
  }

  Optional<JavaType> delete(ExecutableElement method, TypeMirror returns) {
    if (returns.getKind() == TypeKind.VOID || JavaTypes.isNamed(returns, NUMBERS)) {
      return Optional.of(ModelTypes.of(returns));
    }
    fail(method, Message.DELETE_RESULT, returns);
    return Optional.empty();
  }

  /** What a lifecycle write returns: nothing, the row count (update, delete) or what it was given. */
  Optional<Write.Result> write(ExecutableElement method, TypeMirror returns, Write.Kind kind,
      EntityArgument argument) {
    boolean counts = kind == Write.Kind.UPDATE || kind == Write.Kind.DELETE;
    if (returns.getKind() == TypeKind.VOID) {
      return Optional.of(Write.Result.VOID);
    } else if (counts && JavaTypes.isNamed(returns, "int", "java.lang.Integer")) {
      return Optional.of(Write.Result.INT_COUNT);
    } else if (counts && JavaTypes.isNamed(returns, "long", "java.lang.Long")) {
      return Optional.of(Write.Result.LONG_COUNT);
    } else if (kind != Write.Kind.DELETE && entityArgument(returns)
        .filter(r -> r.many() == argument.many() && r.entity().equals(argument.entity())).isPresent()) {
      return Optional.of(Write.Result.ENTITIES);
    }
    switch (kind) {
      case INSERT, SAVE -> fail(method, Message.INSERT_RESULT, returns, kind.name().toLowerCase());
      case UPDATE -> fail(method, Message.UPDATE_RESULT, returns);
      case DELETE -> fail(method, Message.DELETE_RESULT, returns);
    }
    return Optional.empty();
  }

  /** An entity, {@code S extends Entity}, or a List of either. */
  static Optional<EntityArgument> entityArgument(TypeMirror type) {
    boolean many = false;
    if (type instanceof DeclaredType declared && JavaTypes.qualifiedName(declared).equals("java.util.List")
        && declared.getTypeArguments().size() == 1) {
      many = true;
      type = declared.getTypeArguments().get(0);
    }
    if (type instanceof TypeVariable variable) {
      type = variable.getUpperBound();
    } else if (type.getKind() == TypeKind.WILDCARD) {
      TypeMirror bound = ((WildcardType) type).getExtendsBound();
      type = bound == null ? type : bound;
    }
    if (type instanceof DeclaredType declared && AnnotationValues.has(declared.asElement(), Jpa.ENTITY)) {
      return Optional.of(new EntityArgument((TypeElement) declared.asElement(), many));
    }
    return Optional.empty();
  }

  private void fail(ExecutableElement method, Message message, Object... details) {
    scope.fail(method, Location.of(method), message, details);
  }
}
