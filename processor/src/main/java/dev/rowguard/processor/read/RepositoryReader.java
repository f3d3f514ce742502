package dev.rowguard.processor.read;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import dev.rowguard.annotations.SqlQuery;
import dev.rowguard.processor.diagnostics.Location;
import dev.rowguard.processor.diagnostics.Message;
import dev.rowguard.processor.diagnostics.Reporter;
import dev.rowguard.processor.repository.Condition;
import dev.rowguard.processor.repository.EntityMapping;
import dev.rowguard.processor.repository.Operation;
import dev.rowguard.processor.repository.Operation.Cardinality;
import dev.rowguard.processor.repository.Operation.Write;
import dev.rowguard.processor.repository.Operator;
import dev.rowguard.processor.repository.Projection;
import dev.rowguard.processor.repository.Property;
import dev.rowguard.processor.repository.Query;
import dev.rowguard.processor.repository.RepositoryMethod;
import dev.rowguard.processor.repository.RepositoryModel;
import dev.rowguard.processor.repository.SortKey;
import dev.rowguard.processor.repository.ValueKind;
import dev.rowguard.processor.validate.Suggestions;
import dev.rowguard.schema.Table;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads one {@code @Repository} interface into a {@link RepositoryModel}: for each abstract method (inherited
 * ones included), the operation its name, annotations, parameters and return type ask for. Every method outside
 * the supported subset is reported on the method, saying what is unsupported; the others are still read, so one
 * build shows every problem. Native {@code @SqlQuery} methods are read by {@link SqlQueryReader}.
 */
public final class RepositoryReader {
  private final Elements elements;
  private final Types types;
  private final Reporter reporter;
  private final Map<String, Table> tablesByEntity;
  private final EntityMappingReader mappingReader;
  private final SqlQueryReader sqlQueryReader;

  public RepositoryReader(Elements elements, Types types, Reporter reporter, Map<String, Table> tablesByEntity,
      SqlQueryReader sqlQueryReader) {
    this.elements = elements;
    this.types = types;
    this.reporter = reporter;
    this.tablesByEntity = tablesByEntity;
    this.mappingReader = new EntityMappingReader(elements, types, reporter);
    this.sqlQueryReader = sqlQueryReader;
  }

  /** The repository's model, or empty when something was reported. */
  public Optional<RepositoryModel> read(TypeElement repository) {
    if (repository.getKind() != ElementKind.INTERFACE) {
      reporter.report(Location.of(repository), Message.REPOSITORY_NOT_INTERFACE, repository.getQualifiedName());
      return Optional.empty();
    }
    return new InterfaceReading(repository).read();
  }

  /** The state of reading one interface: its entity mappings and whether anything failed. */
  private final class InterfaceReading {
    private final TypeElement repository;
    private final DeclaredType repositoryType;
    private final String pkg;
    private final Map<String, Optional<EntityMapping>> mappings = new HashMap<>();
    private boolean failed;

    InterfaceReading(TypeElement repository) {
      this.repository = repository;
      this.repositoryType = (DeclaredType) repository.asType();
      this.pkg = elements.getPackageOf(repository).getQualifiedName().toString();
    }

    Optional<RepositoryModel> read() {
      if (!repository.getTypeParameters().isEmpty()) {
        fail(Location.of(repository), Message.REPOSITORY_METHOD, repository.getSimpleName(),
            "a generic repository interface cannot be implemented for one entity; declare one interface per entity");
        return Optional.empty();
      }
      Optional<TypeElement> primary = primaryEntity();
      List<RepositoryMethod> methods = new ArrayList<>();
      for (ExecutableElement method : InterfaceMethods.abstractMethods(repository, elements, types)) {
        try {
          method(method, primary).ifPresent(methods::add);
        } catch (RuntimeException e) {
          fail(Location.of(method), Message.INTERNAL_ERROR, label(method), e);
        }
      }
      if (failed) {
        return Optional.empty();
      }
      ClassName name = ClassName.get(repository);
      return Optional.of(new RepositoryModel(name, RepositoryModel.implementationOf(name), methods));
    }

    /** The {@code T} of {@code DataRepository<T, K>} when the interface extends it. */
    private Optional<TypeElement> primaryEntity() {
      Deque<TypeMirror> pending = new ArrayDeque<>(types.directSupertypes(repositoryType));
      while (!pending.isEmpty()) {
        TypeMirror supertype = pending.pop();
        if (supertype instanceof DeclaredType declared
            && qualifiedName(declared).equals(JakartaData.DATA_REPOSITORY)) {
          TypeMirror entity = declared.getTypeArguments().isEmpty() ? null : declared.getTypeArguments().get(0);
          if (entity instanceof DeclaredType entityType) {
            TypeElement element = (TypeElement) entityType.asElement();
            return entityMapping(element, Location.of(repository)).map(m -> element);
          }
          return Optional.empty();
        }
        pending.addAll(types.directSupertypes(supertype));
      }
      return Optional.empty();
    }

    private Optional<RepositoryMethod> method(ExecutableElement method, Optional<TypeElement> primary) {
      MethodSpec signature = named(MethodSpec.overriding(method, repositoryType, types).build(), method);
      ExecutableType type = (ExecutableType) types.asMemberOf(repositoryType, method);
      Location location = Location.of(method);
      if (AnnotationValues.has(method, JakartaData.QUERY)) {
        fail(location, Message.JDQL_QUERY, label(method));
        return Optional.empty();
      }
      if (AnnotationValues.has(method, SqlQuery.class.getCanonicalName())) {
        Optional<Operation> operation = primary.flatMap(this::mapping)
            .flatMap(entity -> sqlQueryReader.read(method, type, entity, label(method), this::mapping));
        if (primary.isEmpty()) {
          fail(location, Message.REPOSITORY_ENTITY, label(method), "@SqlQuery methods need the repository's entity; "
              + "extend BasicRepository<Entity, Key> or CrudRepository<Entity, Key>");
        }
        return finish(signature, operation);
      }
      Optional<String> lifecycle = lifecycleAnnotation(method);
      if (lifecycle.isPresent()) {
        return finish(signature, lifecycle(method, type, lifecycle.get(), primary));
      }
      if (AnnotationValues.has(method, JakartaData.FIND)) {
        return finish(signature, annotatedFind(method, type, primary));
      }
      if (MethodNameParser.looksLikeQuery(method.getSimpleName().toString())) {
        return finish(signature, byName(method, type, primary));
      }
      fail(location, Message.REPOSITORY_METHOD, label(method), "it is not a query by method name (findBy…, "
          + "findFirst<n>By…, countBy…, existsBy…, deleteBy…) and has none of @Find, @Insert, @Update, @Delete, "
          + "@Save, @SqlQuery; add one, or make it a default method");
      return Optional.empty();
    }

    /**
     * The override with {@link InheritedParameters}' names, so that it does not depend on the compiler, and the
     * {@code @SuppressWarnings} its signature needs to compile cleanly.
     */
    private MethodSpec named(MethodSpec signature, ExecutableElement method) {
      List<String> names = InheritedParameters.names(method);
      List<ParameterSpec> parameters = new ArrayList<>();
      for (int i = 0; i < names.size(); i++) {
        ParameterSpec parameter = signature.parameters().get(i);
        parameters.add(ParameterSpec.builder(parameter.type(), names.get(i))
            .addModifiers(parameter.modifiers())
            .addAnnotations(parameter.annotations())
            .build());
      }
      MethodSpec.Builder builder = MethodSpec.methodBuilder(signature.name());
      InheritedParameters.suppression(method, (ExecutableType) types.asMemberOf(repositoryType, method))
          .ifPresent(token -> builder.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class)
              .addMember("value", "$S", token)
              .build()));
      return builder
          .addAnnotations(signature.annotations())
          .addModifiers(signature.modifiers())
          .addTypeVariables(signature.typeVariables())
          .returns(signature.returnType())
          .addParameters(parameters)
          .varargs(signature.varargs())
          .addExceptions(signature.exceptions())
          .build();
    }

    private Optional<RepositoryMethod> finish(MethodSpec signature, Optional<Operation> operation) {
      if (operation.isEmpty()) {
        failed = true;
        return Optional.empty();
      }
      return Optional.of(new RepositoryMethod(signature, operation.get()));
    }

    /** The lifecycle annotation, or what BasicRepository's and CrudRepository's own methods stand for. */
    private Optional<String> lifecycleAnnotation(ExecutableElement method) {
      for (String annotation : List.of(JakartaData.INSERT, JakartaData.UPDATE, JakartaData.DELETE, JakartaData.SAVE)) {
        if (AnnotationValues.has(method, annotation)) {
          return Optional.of(annotation);
        }
      }
      if (!builtIn(method)) {
        return Optional.empty();
      }
      return switch (method.getSimpleName().toString()) {
        case "save", "saveAll" -> Optional.of(JakartaData.SAVE);
        case "insert", "insertAll" -> Optional.of(JakartaData.INSERT);
        case "update", "updateAll" -> Optional.of(JakartaData.UPDATE);
        case "delete", "deleteAll", "deleteById" -> Optional.of(JakartaData.DELETE);
        default -> Optional.empty();
      };
    }

    private boolean builtIn(ExecutableElement method) {
      String owner = ((TypeElement) method.getEnclosingElement()).getQualifiedName().toString();
      return owner.equals(JakartaData.BASIC_REPOSITORY) || owner.equals(JakartaData.CRUD_REPOSITORY);
    }

    // ---- lifecycle methods: @Insert, @Update, @Delete, @Save ----

    private Optional<Operation> lifecycle(
        ExecutableElement method, ExecutableType type, String annotation, Optional<TypeElement> primary) {
      String simple = annotation.substring(annotation.lastIndexOf('.') + 1);
      Write.Kind kind = Write.Kind.valueOf(simple.toUpperCase(java.util.Locale.ROOT));
      List<? extends VariableElement> parameters = method.getParameters();
      if (parameters.size() == 1) {
        Optional<EntityArgument> argument = entityArgument(type.getParameterTypes().get(0));
        if (argument.isPresent()) {
          return write(method, type, kind, argument.get(), InheritedParameters.name(parameters.get(0)));
        }
      }
      if (kind == Write.Kind.DELETE) {
        return deleteByParameters(method, type, primary); // @Delete with key or property parameters.
      }
      fail(Location.of(method), Message.REPOSITORY_METHOD, label(method), "@" + simple + " takes exactly one "
          + "parameter: an entity, or a List of entities" + primary.map(p -> " (" + p.getSimpleName() + ")").orElse(""));
      return Optional.empty();
    }

    private Optional<Operation> write(ExecutableElement method, ExecutableType type, Write.Kind kind,
        EntityArgument argument, String parameter) {
      Optional<EntityMapping> entity = entityMapping(argument.entity(), Location.of(method));
      if (entity.isEmpty()) {
        return Optional.empty();
      }
      TypeMirror returns = type.getReturnType();
      Write.Result result;
      if (returns.getKind() == TypeKind.VOID) {
        result = Write.Result.VOID;
      } else if ((kind == Write.Kind.UPDATE || kind == Write.Kind.DELETE) && isNamed(returns, "int", "java.lang.Integer")) {
        result = Write.Result.INT_COUNT;
      } else if ((kind == Write.Kind.UPDATE || kind == Write.Kind.DELETE) && isNamed(returns, "long", "java.lang.Long")) {
        result = Write.Result.LONG_COUNT;
      } else if (kind != Write.Kind.DELETE && entityArgument(returns)
          .filter(r -> r.many() == argument.many() && r.entity().equals(argument.entity())).isPresent()) {
        result = Write.Result.ENTITIES;
      } else {
        fail(Location.of(method), Message.QUERY_RESULT, label(method), returns, "a " + kind.name().toLowerCase()
            + " method returns void, " + (kind == Write.Kind.UPDATE || kind == Write.Kind.DELETE ? "int or long (the "
            + "number of rows), " : "") + (kind == Write.Kind.DELETE ? "" : "or what it was given (the entity or the "
            + "List, with generated values filled in)"));
        return Optional.empty();
      }
      return Optional.of(new Write(kind, entity.get(), parameter, argument.many(), result));
    }

    private Optional<Operation> deleteByParameters(
        ExecutableElement method, ExecutableType type, Optional<TypeElement> primary) {
      Optional<EntityMapping> entity = primaryOrFail(method, primary);
      if (entity.isEmpty()) {
        return Optional.empty();
      }
      Optional<Query> query = parameterQuery(method, type, entity.get(), false);
      Optional<TypeName> result = deleteResult(method, type);
      if (query.isEmpty() || result.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new Operation.DeleteWhere(query.get(), result.get()));
    }

    // ---- @Find ----

    private Optional<Operation> annotatedFind(
        ExecutableElement method, ExecutableType type, Optional<TypeElement> primary) {
      Optional<ResultShape> shape = findResult(method, type, primary);
      if (shape.isEmpty()) {
        return Optional.empty();
      }
      Optional<Query> query = parameterQuery(method, type, shape.get().entity(), true);
      return query.map(q -> new Operation.Find(q, shape.get().projection(), shape.get().cardinality()))
          .flatMap(find -> checkPaging(method, find));
    }

    /** Conditions from parameters: each is an equality on the property its name or {@code @By} gives. */
    private Optional<Query> parameterQuery(
        ExecutableElement method, ExecutableType type, EntityMapping entity, boolean reading) {
      List<Condition> conditions = new ArrayList<>();
      Specials specials = new Specials();
      boolean ok = true;
      for (int i = 0; i < method.getParameters().size(); i++) {
        VariableElement parameter = method.getParameters().get(i);
        TypeMirror parameterType = type.getParameterTypes().get(i);
        if (specials.accept(parameter, parameterType)) {
          if (!reading) {
            ok = false;
            fail(Location.of(parameter), Message.QUERY_PARAMETER, label(method), "a delete takes no "
                + simpleName(parameterType) + " parameter");
          }
          continue;
        }
        String propertyName = AnnotationValues.find(parameter, JakartaData.BY, elements)
            .map(by -> by.string("value"))
            .orElse(InheritedParameters.name(parameter));
        Optional<Property> property = propertyName.equals(JakartaData.ID)
            ? Optional.of(entity.id())
            : entity.property(propertyName);
        if (property.isEmpty()) {
          ok = false;
          fail(Location.of(parameter), Message.QUERY_PARAMETER, label(method), "parameter '"
              + InheritedParameters.name(parameter) + "' names no property of " + entity.simpleName()
              + " (properties: " + names(entity) + ")." + Suggestions.didYouMean(propertyName, names(entity))
              + " Rename it, or annotate it @By(\"<property>\")");
          continue;
        }
        ok &= checkOperand(method, parameter, parameterType, property.get(), Operator.EQUAL);
        conditions.add(new Condition(property.get(), Operator.EQUAL, false, false,
            List.of(InheritedParameters.name(parameter)), false));
      }
      ok &= specials.valid(method);
      List<SortKey> order = staticOrder(method, entity);
      if (!ok || order == null) {
        return Optional.empty();
      }
      return Optional.of(new Query(entity, conditions, order, specials.dynamicOrder, 0, specials.pageRequest,
          specials.limit));
    }

    // ---- query by method name ----

    private Optional<Operation> byName(ExecutableElement method, ExecutableType type, Optional<TypeElement> primary) {
      String name = method.getSimpleName().toString();
      boolean find = name.startsWith("find");
      Optional<ResultShape> shape = find ? findResult(method, type, primary)
          : primaryOrFail(method, primary).map(e -> new ResultShape(e, null, Cardinality.ONE));
      if (shape.isEmpty()) {
        return Optional.empty();
      }
      EntityMapping entity = shape.get().entity();
      MethodName parsed;
      try {
        parsed = new MethodNameParser(names(entity)).parse(name);
      } catch (IllegalArgumentException e) {
        fail(Location.of(method), Message.QUERY_METHOD_NAME, label(method), e.getMessage());
        return Optional.empty();
      }
      Optional<Query> query = nameQuery(method, type, entity, parsed);
      if (query.isEmpty()) {
        return Optional.empty();
      }
      return switch (parsed.action()) {
        case FIND -> checkPaging(method,
            new Operation.Find(query.get(), shape.get().projection(), shape.get().cardinality()));
        case COUNT -> countResult(method, type).map(t -> new Operation.Count(query.get(), t));
        case EXISTS -> {
          if (!isNamed(type.getReturnType(), "boolean", "java.lang.Boolean")) {
            fail(Location.of(method), Message.QUERY_RESULT, label(method), type.getReturnType(),
                "an existsBy method returns boolean");
            yield Optional.empty();
          }
          yield Optional.of(new Operation.Exists(query.get()));
        }
        case DELETE -> deleteResult(method, type).map(t -> new Operation.DeleteWhere(query.get(), t));
      };
    }

    private Optional<Query> nameQuery(
        ExecutableElement method, ExecutableType type, EntityMapping entity, MethodName parsed) {
      List<? extends VariableElement> parameters = method.getParameters();
      Specials specials = new Specials();
      List<Integer> operands = new ArrayList<>();
      for (int i = 0; i < parameters.size(); i++) {
        if (!specials.accept(parameters.get(i), type.getParameterTypes().get(i))) {
          operands.add(i);
        }
      }
      int needed = parsed.conditions().stream().mapToInt(t -> t.operator().arity()).sum();
      if (needed != operands.size()) {
        fail(Location.of(method), Message.QUERY_PARAMETER, label(method), "its name needs " + needed
            + " parameter(s) (" + parsed.conditions().stream()
                .map(t -> t.property() + " " + t.operator().name().toLowerCase().replace('_', ' ')
                    + (t.operator().arity() == 2 ? " (2)" : t.operator().arity() == 0 ? " (none)" : ""))
                .collect(Collectors.joining(", "))
            + "), but it has " + operands.size() + " besides PageRequest, Limit, Order and Sort");
        return Optional.empty();
      }
      boolean ok = specials.valid(method);
      if (parsed.action() != MethodName.Action.FIND && specials.any()) {
        fail(Location.of(method), Message.QUERY_PARAMETER, label(method),
            "only find methods take PageRequest, Limit, Order or Sort parameters");
        ok = false;
      }
      List<Condition> conditions = new ArrayList<>();
      int next = 0;
      for (MethodName.Term term : parsed.conditions()) {
        Property property = entity.property(term.property()).orElseThrow();
        List<String> names = new ArrayList<>();
        for (int k = 0; k < term.operator().arity(); k++) {
          int index = operands.get(next++);
          VariableElement parameter = parameters.get(index);
          ok &= checkOperand(method, parameter, type.getParameterTypes().get(index), property, term.operator());
          names.add(InheritedParameters.name(parameter));
        }
        if ((term.operator().textual() || term.ignoreCase()) && property.kind() != ValueKind.STRING) {
          fail(Location.of(method), Message.QUERY_METHOD_NAME, label(method), term.property() + " is not text ("
              + readable(property.type()) + "), so it cannot be compared with " + (term.ignoreCase() ? "IgnoreCase"
              : term.operator().name().toLowerCase()));
          ok = false;
        }
        if ((term.operator() == Operator.TRUE || term.operator() == Operator.FALSE)
            && !property.type().box().equals(TypeName.BOOLEAN.box())) {
          fail(Location.of(method), Message.QUERY_METHOD_NAME, label(method), term.property() + " is not boolean ("
              + property.type() + "), so it cannot be True or False");
          ok = false;
        }
        conditions.add(new Condition(property, term.operator(), term.negated(), term.ignoreCase(), names,
            term.orWithPrevious()));
      }
      List<SortKey> order = new ArrayList<>();
      for (MethodName.Order term : parsed.orderBy()) {
        order.add(new SortKey(entity.property(term.property()).orElseThrow(), term.descending(), term.ignoreCase()));
      }
      List<SortKey> annotated = staticOrder(method, entity);
      if (!ok || annotated == null) {
        return Optional.empty();
      }
      if (!annotated.isEmpty() && !order.isEmpty()) {
        fail(Location.of(method), Message.QUERY_METHOD_NAME, label(method),
            "it is ordered both by its name (OrderBy…) and by @OrderBy; keep one");
        return Optional.empty();
      }
      order.addAll(annotated);
      return Optional.of(new Query(entity, conditions, order, specials.dynamicOrder, parsed.first(),
          specials.pageRequest, specials.limit));
    }

    /** {@code @OrderBy} terms, or null after reporting an unknown property. */
    private List<SortKey> staticOrder(ExecutableElement method, EntityMapping entity) {
      List<SortKey> order = new ArrayList<>();
      for (AnnotationValues orderBy : AnnotationValues.findRepeated(method, JakartaData.ORDER_BY,
          JakartaData.ORDER_BY_LIST, elements)) {
        String name = orderBy.string("value");
        Optional<Property> property = name.equals(JakartaData.ID) ? Optional.of(entity.id()) : entity.property(name);
        if (property.isEmpty()) {
          fail(orderBy.location(method), Message.QUERY_METHOD_NAME, label(method), "@OrderBy(\"" + name
              + "\") names no property of " + entity.simpleName() + " (properties: " + names(entity) + ")"
              + Suggestions.didYouMean(name, names(entity)));
          return null;
        }
        order.add(new SortKey(property.get(), orderBy.bool("descending"), orderBy.bool("ignoreCase")));
      }
      return order;
    }

    private Optional<Operation> checkPaging(ExecutableElement method, Operation.Find find) {
      Query query = find.query();
      boolean page = find.cardinality() == Cardinality.PAGE;
      if (page != (query.pageRequest() != null)) {
        fail(Location.of(method), Message.QUERY_PARAMETER, label(method), page
            ? "it returns a Page, so it needs a PageRequest parameter"
            : "it takes a PageRequest, so it returns Page<" + resultName(find) + ">");
        return Optional.empty();
      }
      if (query.limit() != null && (page || query.first() > 0)) {
        fail(Location.of(method), Message.QUERY_PARAMETER, label(method),
            "a Limit cannot be combined with a PageRequest or First<n>; keep one");
        return Optional.empty();
      }
      return Optional.of(find);
    }

    private String resultName(Operation.Find find) {
      return find.projection() != null ? find.projection().type().simpleName() : find.query().entity().simpleName();
    }

    // ---- parameters ----

    /** Whether a parameter fits the operator applied to a property; reported on the parameter when not. */
    private boolean checkOperand(ExecutableElement method, VariableElement parameter, TypeMirror parameterType,
        Property property, Operator operator) {
      TypeName expectedType = operator.textual() ? ClassName.get(String.class) : property.type();
      String expected = readable(expectedType);
      String actual = simpleName(parameterType);
      if (operator == Operator.IN) {
        Optional<TypeMirror> element = collectionElement(parameterType);
        if (element.isPresent() && TypeName.get(element.get()).box().equals(expectedType.box())) {
          return true;
        }
        fail(Location.of(parameter), Message.QUERY_PARAMETER, label(method), "parameter '"
            + InheritedParameters.name(parameter) + "' is " + actual + ", but In on " + property.name()
            + " takes a Collection<" + readable(expectedType.box()) + ">");
        return false;
      }
      if (TypeName.get(parameterType).box().equals(expectedType.box())) {
        return true;
      }
      fail(Location.of(parameter), Message.QUERY_PARAMETER, label(method), "parameter '"
          + InheritedParameters.name(parameter) + "' is " + actual + ", but " + property.name() + " is " + expected
          + (operator.textual() ? " (a pattern is text)" : "") + "; declare it as " + expected);
      return false;
    }

    private Optional<TypeMirror> collectionElement(TypeMirror type) {
      if (type.getKind() == TypeKind.ARRAY) {
        TypeMirror component = ((ArrayType) type).getComponentType();
        return component.getKind().isPrimitive() ? Optional.empty() : Optional.of(component);
      }
      TypeElement collection = elements.getTypeElement("java.util.Collection");
      if (type instanceof DeclaredType declared && !declared.getTypeArguments().isEmpty()
          && types.isAssignable(types.erasure(type), types.erasure(collection.asType()))) {
        return Optional.of(declared.getTypeArguments().get(0));
      }
      return Optional.empty();
    }

    /** PageRequest, Limit, Order, Sort and Sort[] parameters, which shape results instead of restricting rows. */
    private final class Specials {
      String pageRequest;
      String limit;
      final List<Query.DynamicOrder> dynamicOrder = new ArrayList<>();
      final List<String> problems = new ArrayList<>();

      boolean accept(VariableElement parameter, TypeMirror type) {
        String name = InheritedParameters.name(parameter);
        String typeName = type.getKind() == TypeKind.ARRAY
            ? qualifiedNameOrEmpty(((ArrayType) type).getComponentType()) + "[]"
            : qualifiedNameOrEmpty(type);
        switch (typeName) {
          case JakartaData.PAGE_REQUEST -> {
            if (pageRequest != null) {
              problems.add("it takes two PageRequest parameters");
            }
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

      boolean any() {
        return pageRequest != null || limit != null || !dynamicOrder.isEmpty();
      }

      boolean valid(ExecutableElement method) {
        for (String problem : problems) {
          fail(Location.of(method), Message.QUERY_PARAMETER, label(method), problem);
        }
        return problems.isEmpty();
      }
    }

    // ---- results ----

    private record ResultShape(EntityMapping entity, Projection projection, Cardinality cardinality) {}

    private Optional<ResultShape> findResult(ExecutableElement method, ExecutableType type, Optional<TypeElement> primary) {
      TypeMirror returns = type.getReturnType();
      Cardinality cardinality = Cardinality.ONE;
      TypeMirror element = returns;
      if (returns instanceof DeclaredType declared && !declared.getTypeArguments().isEmpty()) {
        String container = qualifiedName(declared);
        Map<String, Cardinality> containers = Map.of("java.util.Optional", Cardinality.OPTIONAL,
            "java.util.List", Cardinality.LIST, "java.util.stream.Stream", Cardinality.STREAM,
            JakartaData.PAGE, Cardinality.PAGE);
        if (!containers.containsKey(container)) {
          fail(Location.of(method), Message.QUERY_RESULT, label(method), returns, "a find method returns the "
              + "entity, Optional, List, Stream or Page of it (or of a record projection)"
              + (container.equals(JakartaData.CURSORED_PAGE) ? "; cursor-based paging is not supported" : ""));
          return Optional.empty();
        }
        cardinality = containers.get(container);
        element = declared.getTypeArguments().get(0);
      }
      if (element.getKind() != TypeKind.DECLARED) {
        fail(Location.of(method), Message.QUERY_RESULT, label(method), returns,
            "a find method returns entities or record projections");
        return Optional.empty();
      }
      TypeElement elementType = (TypeElement) ((DeclaredType) element).asElement();
      if (AnnotationValues.has(elementType, Jpa.ENTITY)) {
        if (primary.isPresent() && !primary.get().equals(elementType)) {
          fail(Location.of(method), Message.QUERY_RESULT, label(method), returns, "this repository's entity is "
              + primary.get().getSimpleName() + "; query " + elementType.getSimpleName() + " in its own repository");
          return Optional.empty();
        }
        final Cardinality finalCardinality = cardinality;
        return entityMapping(elementType, Location.of(method))
            .map(entity -> new ResultShape(entity, null, finalCardinality));
      }
      Optional<EntityMapping> entity = primaryOrFail(method, primary);
      if (entity.isEmpty()) {
        return Optional.empty();
      }
      if (elementType.getKind() != ElementKind.RECORD) {
        fail(Location.of(method), Message.QUERY_RESULT, label(method), returns, "a find method returns "
            + entity.get().simpleName() + " or a record whose components are " + entity.get().simpleName()
            + " properties");
        return Optional.empty();
      }
      List<Property> properties = new ArrayList<>();
      for (Element component : elementType.getRecordComponents()) {
        String name = component.getSimpleName().toString();
        Optional<Property> property = entity.get().property(name);
        if (property.isEmpty() || !property.get().type().equals(TypeName.get(component.asType()))) {
          fail(Location.of(method), Message.QUERY_RESULT, label(method), returns, "component '" + name + "' of "
              + elementType.getSimpleName() + " is not a property of " + entity.get().simpleName()
              + property.map(p -> " of the same type (it is " + p.type() + ")").orElse("")
              + "; a projection's components are entity properties, by name and type");
          return Optional.empty();
        }
        properties.add(property.get());
      }
      return Optional.of(new ResultShape(entity.get(),
          new Projection(ClassName.get(elementType), properties), cardinality));
    }

    private Optional<TypeName> countResult(ExecutableElement method, ExecutableType type) {
      TypeMirror returns = type.getReturnType();
      if (isNamed(returns, "long", "java.lang.Long", "int", "java.lang.Integer")) {
        return Optional.of(TypeName.get(returns));
      }
      fail(Location.of(method), Message.QUERY_RESULT, label(method), returns, "a countBy method returns long or int");
      return Optional.empty();
    }

    private Optional<TypeName> deleteResult(ExecutableElement method, ExecutableType type) {
      TypeMirror returns = type.getReturnType();
      if (returns.getKind() == TypeKind.VOID || isNamed(returns, "long", "java.lang.Long", "int", "java.lang.Integer")) {
        return Optional.of(TypeName.get(returns));
      }
      fail(Location.of(method), Message.QUERY_RESULT, label(method), returns,
          "a delete method returns void, or int or long (the number of rows deleted)");
      return Optional.empty();
    }

    // ---- entities ----

    private record EntityArgument(TypeElement entity, boolean many) {}

    /** An entity, {@code S extends Entity}, or a List of either. */
    private Optional<EntityArgument> entityArgument(TypeMirror type) {
      boolean many = false;
      if (type instanceof DeclaredType declared && qualifiedName(declared).equals("java.util.List")
          && declared.getTypeArguments().size() == 1) {
        many = true;
        type = declared.getTypeArguments().get(0);
      }
      if (type instanceof TypeVariable variable) {
        type = variable.getUpperBound();
      } else if (type.getKind() == TypeKind.WILDCARD) {
        TypeMirror bound = ((javax.lang.model.type.WildcardType) type).getExtendsBound();
        type = bound == null ? type : bound;
      }
      if (type instanceof DeclaredType declared && AnnotationValues.has(declared.asElement(), Jpa.ENTITY)) {
        return Optional.of(new EntityArgument((TypeElement) declared.asElement(), many));
      }
      return Optional.empty();
    }

    private Optional<EntityMapping> primaryOrFail(ExecutableElement method, Optional<TypeElement> primary) {
      if (primary.isEmpty()) {
        fail(Location.of(method), Message.REPOSITORY_ENTITY, label(method), "the repository names no entity, so "
            + "this method has none; extend BasicRepository<Entity, Key> or CrudRepository<Entity, Key>");
        return Optional.empty();
      }
      return mapping(primary.get());
    }

    private Optional<EntityMapping> mapping(TypeElement entity) {
      return entityMapping(entity, Location.of(repository));
    }

    private Optional<EntityMapping> entityMapping(TypeElement entity, Location location) {
      String name = entity.getQualifiedName().toString();
      if (mappings.containsKey(name)) {
        return mappings.get(name);
      }
      Table table = tablesByEntity.get(name);
      Optional<EntityMapping> mapping;
      if (table == null) {
        fail(location, Message.REPOSITORY_ENTITY, repository.getSimpleName(), entity.getSimpleName()
            + (AnnotationValues.has(entity, Jpa.ENTITY) ? " is not an entity of this compilation"
                : " is not an @Entity"));
        mapping = Optional.empty();
      } else {
        mapping = mappingReader.read(entity, table, pkg, repository.getSimpleName().toString());
        if (mapping.isEmpty()) {
          failed = true;
        }
      }
      mappings.put(name, mapping);
      return mapping;
    }

    private void fail(Location location, Message message, Object... args) {
      failed = true;
      reporter.report(location, message, args);
    }

    private String label(ExecutableElement method) {
      return repository.getSimpleName() + "." + method.getSimpleName() + "("
          + method.getParameters().stream().map(p -> simpleName(p.asType())).collect(Collectors.joining(", ")) + ")";
    }
  }

  private static List<String> names(EntityMapping entity) {
    return entity.properties().stream().map(Property::name).toList();
  }

  private static boolean isNamed(TypeMirror type, String... names) {
    String name = type.getKind().isPrimitive() ? type.toString() : qualifiedNameOrEmpty(type);
    return List.of(names).contains(name);
  }

  private static String qualifiedName(DeclaredType type) {
    return ((TypeElement) type.asElement()).getQualifiedName().toString();
  }

  private static String qualifiedNameOrEmpty(TypeMirror type) {
    return type instanceof DeclaredType declared ? qualifiedName(declared) : "";
  }

  private static String simpleName(TypeMirror type) {
    return readable(type.toString());
  }

  /** A type without package names, as users write it in the interface: {@code List<String>}. */
  private static String readable(Object type) {
    return type.toString().replaceAll("\\b[a-z][a-z0-9_]*\\.", "");
  }

}
