package dev.rowguard.processor.read;

import dev.rowguard.processor.diagnostics.Location;
import dev.rowguard.processor.diagnostics.Message;
import dev.rowguard.processor.repository.Condition;
import dev.rowguard.processor.repository.EntityMapping;
import dev.rowguard.processor.repository.Operation;
import dev.rowguard.processor.repository.Operator;
import dev.rowguard.processor.repository.Property;
import dev.rowguard.processor.repository.Query;
import dev.rowguard.processor.repository.SortKey;
import dev.rowguard.schema.sql.Suggestions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeMirror;

/**
 * Reads {@code @Find} methods: each parameter is an equality on the property its name or {@code @By} gives, the
 * result shape says what is selected. The conditions-from-parameters part also serves {@code @Delete} with
 * parameters.
 */
final class FindMethodReader {
  private final RepositoryScope scope;
  private final ResultShapes results;
  private final QueryParameters parameters;

  FindMethodReader(RepositoryScope scope, ResultShapes results, QueryParameters parameters) {
    this.scope = scope;
    this.results = results;
    this.parameters = parameters;
  }

  Optional<Operation> read(ExecutableElement method, ExecutableType type) {
    Optional<ResultShapes.Shape> shape = results.find(method, type.getReturnType());
    if (shape.isEmpty()) {
      return Optional.empty();
    }
    return parameterQuery(method, type, shape.get().entity(), true)
        .map(query -> new Operation.Find(query, shape.get().projection(), shape.get().cardinality()));
  }

  /** Conditions from parameters; {@code reading} is false for a delete, which takes no paging or ordering. */
  Optional<Query> parameterQuery(ExecutableElement method, ExecutableType type, EntityMapping entity,
      boolean reading) {
    List<Condition> conditions = new ArrayList<>();
    QueryParameters.Specials specials = parameters.specials();
    boolean ok = true;
    for (int i = 0; i < method.getParameters().size(); i++) {
      VariableElement parameter = method.getParameters().get(i);
      TypeMirror parameterType = type.getParameterTypes().get(i);
      if (specials.accept(parameter, parameterType)) {
        if (!reading) {
          ok = false;
          scope.fail(method, Location.of(parameter), Message.DELETE_TAKES_NO_SPECIAL,
              JavaTypes.simpleName(parameterType));
        }
        continue;
      }
      String name = InheritedParameters.name(parameter);
      String propertyName = AnnotationValues.find(parameter, JakartaData.BY, scope.elements)
          .map(by -> by.string("value"))
          .orElse(name);
      Optional<Property> property = QueryParameters.property(entity, propertyName);
      if (property.isEmpty()) {
        ok = false;
        List<String> names = QueryParameters.names(entity);
        scope.fail(method, Location.of(parameter), Message.PARAMETER_PROPERTY, name, entity.simpleName(), names,
            Suggestions.didYouMeanSentence(propertyName, names));
        continue;
      }
      ok &= parameters.checkOperand(method, parameter, parameterType, property.get(), Operator.EQUAL);
      conditions.add(new Condition(property.get(), Operator.EQUAL, false, false, List.of(name), false));
    }
    ok &= specials.valid(method);
    Optional<List<SortKey>> order = parameters.staticOrder(method, entity);
    if (!ok || order.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Query(entity, conditions, order.get(), specials.dynamicOrder, 0, specials.pageRequest,
        specials.limit));
  }
}
