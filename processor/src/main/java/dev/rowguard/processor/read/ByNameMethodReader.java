package dev.rowguard.processor.read;

import dev.rowguard.processor.diagnostics.Location;
import dev.rowguard.processor.diagnostics.Message;
import dev.rowguard.processor.repository.Condition;
import dev.rowguard.processor.repository.EntityMapping;
import dev.rowguard.processor.repository.Operation;
import dev.rowguard.processor.repository.Operation.Cardinality;
import dev.rowguard.processor.repository.Property;
import dev.rowguard.processor.repository.Query;
import dev.rowguard.processor.repository.SortKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ExecutableType;

/**
 * Reads queries by method name ({@code findBy…}, {@code countBy…}, {@code existsBy…}, {@code deleteBy…}): the
 * name is parsed against the entity's properties ({@link MethodNameParser}), its operands are the parameters
 * that do not shape results, in order.
 */
final class ByNameMethodReader {
  private final RepositoryScope scope;
  private final ResultShapes results;
  private final QueryParameters parameters;

  ByNameMethodReader(RepositoryScope scope, ResultShapes results, QueryParameters parameters) {
    this.scope = scope;
    this.results = results;
    this.parameters = parameters;
  }

  Optional<Operation> read(ExecutableElement method, ExecutableType type) {
    String name = method.getSimpleName().toString();
    Optional<ResultShapes.Shape> shape = name.startsWith("find") ? results.find(method, type.getReturnType())
        : scope.primaryOrFail(method).map(e -> new ResultShapes.Shape(e, null, Cardinality.ONE));
    if (shape.isEmpty()) {
      return Optional.empty();
    }
    EntityMapping entity = shape.get().entity();
    MethodName parsed;
    try {
      parsed = new MethodNameParser(QueryParameters.names(entity)).parse(name);
    } catch (MethodNameException e) {
      scope.fail(method, Location.of(method), e.problem(), e.details());
      return Optional.empty();
    }
    Optional<Query> query = query(method, type, entity, parsed);
    if (query.isEmpty()) {
      return Optional.empty();
    }
    return switch (parsed.action()) {
      case FIND -> Optional.of(new Operation.Find(query.get(), shape.get().projection(), shape.get().cardinality()));
      case COUNT -> results.count(method, type.getReturnType()).map(t -> new Operation.Count(query.get(), t));
      case EXISTS -> results.exists(method, type.getReturnType())
          ? Optional.of(new Operation.Exists(query.get())) : Optional.empty();
      case DELETE -> results.delete(method, type.getReturnType()).map(t -> new Operation.DeleteWhere(query.get(), t));
    };
  }

  private Optional<Query> query(ExecutableElement method, ExecutableType type, EntityMapping entity,
      MethodName parsed) {
    List<? extends VariableElement> all = method.getParameters();
    QueryParameters.Specials specials = parameters.specials();
    List<Integer> operands = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      if (!specials.accept(all.get(i), type.getParameterTypes().get(i))) {
        operands.add(i);
      }
    }
    int needed = parsed.conditions().stream().mapToInt(t -> t.operator().arity()).sum();
    if (needed != operands.size()) {
      scope.fail(method, Location.of(method), Message.NAME_PARAMETER_COUNT, needed, parsed.conditions().stream()
          .map(t -> t.property() + " " + t.operator().name().toLowerCase(Locale.ROOT).replace('_', ' ')
              + (t.operator().arity() == 2 ? " (2)" : t.operator().arity() == 0 ? " (none)" : ""))
          .collect(Collectors.joining(", ")), operands.size());
      return Optional.empty();
    }
    boolean ok = specials.valid(method);
    List<Condition> conditions = new ArrayList<>();
    int next = 0;
    for (MethodName.Term term : parsed.conditions()) {
      Property property = entity.property(term.property()).orElseThrow();
      List<String> names = new ArrayList<>();
      for (int k = 0; k < term.operator().arity(); k++) {
        int index = operands.get(next++);
        VariableElement parameter = all.get(index);
        ok &= parameters.checkOperand(method, parameter, type.getParameterTypes().get(index), property,
            term.operator());
        names.add(InheritedParameters.name(parameter));
      }
      conditions.add(new Condition(property, term.operator(), term.negated(), term.ignoreCase(), names,
          term.orWithPrevious()));
    }
    List<SortKey> order = new ArrayList<>();
    for (MethodName.Order term : parsed.orderBy()) {
      order.add(new SortKey(entity.property(term.property()).orElseThrow(), term.descending(), term.ignoreCase()));
    }
    Optional<List<SortKey>> annotated = parameters.staticOrder(method, entity);
    if (!ok || annotated.isEmpty()) {
      return Optional.empty();
    }
    if (!annotated.get().isEmpty() && !order.isEmpty()) {
      scope.fail(method, Location.of(method), Message.ORDERED_TWICE);
      return Optional.empty();
    }
    order.addAll(annotated.get());
    return Optional.of(new Query(entity, conditions, order, specials.dynamicOrder, parsed.first(),
        specials.pageRequest, specials.limit));
  }
}
