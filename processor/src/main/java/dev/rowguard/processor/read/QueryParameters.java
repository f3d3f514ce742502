package dev.rowguard.processor.read;

import dev.rowguard.processor.diagnostics.Location;
import dev.rowguard.processor.diagnostics.Message;
import dev.rowguard.processor.repository.EntityMapping;
import dev.rowguard.processor.repository.JavaType;
import dev.rowguard.processor.repository.Operator;
import dev.rowguard.processor.repository.Property;
import dev.rowguard.processor.repository.Query;
import dev.rowguard.processor.repository.SortKey;
import dev.rowguard.schema.sql.Suggestions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * What the query readers (by name, {@code @Find}, {@code @Delete} by parameters) share about parameters: the ones
 * that shape results rather than restrict rows, whether an operand fits its property, and {@code @OrderBy}.
 */
final class QueryParameters {
  private final RepositoryScope scope;

  QueryParameters(RepositoryScope scope) {
    this.scope = scope;
  }

  /** PageRequest, Limit, Order, Sort and Sort[] parameters of one method, collected as they are met. */
  final class Specials {
    String pageRequest;
    String limit;
    final List<Query.DynamicOrder> dynamicOrder = new ArrayList<>();
    private boolean twoPageRequests;

    /** Whether the parameter is one of them (and so not an operand). */
    boolean accept(VariableElement parameter, TypeMirror type) {
      String name = InheritedParameters.name(parameter);
      String typeName = type.getKind() == TypeKind.ARRAY
          ? JavaTypes.qualifiedNameOrEmpty(((ArrayType) type).getComponentType()) + "[]"
          : JavaTypes.qualifiedNameOrEmpty(type);
      switch (typeName) {
        case JakartaData.PAGE_REQUEST -> {
          twoPageRequests |= pageRequest != null;
          pageRequest = name;
        }
        case JakartaData.LIMIT -> limit = name;
        case JakartaData.ORDER -> dynamicOrder.add(new Query.DynamicOrder(name, Query.DynamicOrder.Kind.ORDER));
        case JakartaData.SORT -> dynamicOrder.add(new Query.DynamicOrder(name, Query.DynamicOrder.Kind.SORT));
        case JakartaData.SORT + "[]" ->
            dynamicOrder.add(new Query.DynamicOrder(name, Query.DynamicOrder.Kind.SORT_ARRAY));
        default -> {
          return false;
        }
      }
      return true;
    }

    /** Whether they can all be used together; reported on the method when not. */
    boolean valid(ExecutableElement method) {
      if (twoPageRequests) {
        scope.fail(method, Location.of(method), Message.TWO_PAGE_REQUESTS);
      }
      return !twoPageRequests;
    }
  }

  Specials specials() {
    return new Specials();
  }

  /** Whether a parameter fits the operator applied to a property; reported on the parameter when not. */
  boolean checkOperand(ExecutableElement method, VariableElement parameter, TypeMirror parameterType,
      Property property, Operator operator) {
    JavaType expectedType = operator.textual() ? JavaType.Declared.of(String.class) : property.type();
    String expected = JavaTypes.readable(expectedType);
    String actual = JavaTypes.simpleName(parameterType);
    String name = InheritedParameters.name(parameter);
    if (operator == Operator.IN) {
      Optional<TypeMirror> element = collectionElement(parameterType);
      if (element.isPresent() && ModelTypes.of(element.get()).sameBoxed(expectedType)) {
        return true;
      }
      scope.fail(method, Location.of(parameter), Message.IN_PARAMETER_TYPE, name, actual, property.name(),
          JavaTypes.readable(expectedType.boxed()));
      return false;
    }
    if (ModelTypes.of(parameterType).sameBoxed(expectedType)) {
      return true;
    }
    scope.fail(method, Location.of(parameter), Message.PARAMETER_TYPE, name, actual, property.name(), expected,
        operator.textual() ? " (a pattern is text)" : "", expected);
    return false;
  }

  private Optional<TypeMirror> collectionElement(TypeMirror type) {
    if (type.getKind() == TypeKind.ARRAY) {
      TypeMirror component = ((ArrayType) type).getComponentType();
      return component.getKind().isPrimitive() ? Optional.empty() : Optional.of(component);
    }
    TypeElement collection = scope.elements.getTypeElement("java.util.Collection");
    if (type instanceof DeclaredType declared && !declared.getTypeArguments().isEmpty()
        && scope.types.isAssignable(scope.types.erasure(type), scope.types.erasure(collection.asType()))) {
      return Optional.of(declared.getTypeArguments().get(0));
    }
    return Optional.empty();
  }

  /** The property a name stands for: {@code id(this)} is the key. */
  static Optional<Property> property(EntityMapping entity, String name) {
    return name.equals(JakartaData.ID) ? Optional.of(entity.id()) : entity.property(name);
  }

  static List<String> names(EntityMapping entity) {
    return entity.properties().stream().map(Property::name).toList();
  }

  /** {@code @OrderBy} terms, or empty after reporting one that names no property. */
  Optional<List<SortKey>> staticOrder(ExecutableElement method, EntityMapping entity) {
    List<SortKey> order = new ArrayList<>();
    for (AnnotationValues orderBy : AnnotationValues.findRepeated(method, JakartaData.ORDER_BY,
        JakartaData.ORDER_BY_LIST, scope.elements)) {
      String name = orderBy.string("value");
      Optional<Property> property = property(entity, name);
      if (property.isEmpty()) {
        scope.fail(method, orderBy.location(method), Message.ORDER_BY_PROPERTY, name, entity.simpleName(),
            names(entity), Suggestions.didYouMeanSentence(name, names(entity)));
        return Optional.empty();
      }
      order.add(new SortKey(property.get(), orderBy.bool("descending"), orderBy.bool("ignoreCase")));
    }
    return Optional.of(order);
  }
}
