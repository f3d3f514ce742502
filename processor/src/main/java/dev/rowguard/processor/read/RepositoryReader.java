package dev.rowguard.processor.read;

import dev.rowguard.annotations.SqlQuery;
import dev.rowguard.processor.diagnostics.Location;
import dev.rowguard.processor.diagnostics.Message;
import dev.rowguard.processor.diagnostics.Reporter;
import dev.rowguard.processor.diagnostics.RepositoryOrigins;
import dev.rowguard.processor.repository.JavaType;
import dev.rowguard.processor.repository.Operation;
import dev.rowguard.processor.repository.Operation.Write;
import dev.rowguard.processor.repository.RepositoryMethod;
import dev.rowguard.processor.repository.RepositoryModel;
import dev.rowguard.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads one {@code @Repository} interface into a {@link RepositoryModel}: each abstract method (inherited ones
 * included) goes to the reader of its kind: {@code @SqlQuery} ({@link SqlQueryReader}), lifecycle
 * ({@link LifecycleMethodReader}), {@code @Find} ({@link FindMethodReader}) or query by method name
 * ({@link ByNameMethodReader}); what they may return is {@link ResultShapes}' to say. A method outside the
 * supported subset is reported on the method and the others are still read, so one build shows every problem.
 * Rules over the model as a whole are the repository validator's.
 */
public final class RepositoryReader {
  private final Elements elements;
  private final Types types;
  private final Reporter reporter;
  private final Map<String, Table> tablesByEntity;
  private final SqlQueryReader sqlQueryReader;

  public RepositoryReader(Elements elements, Types types, Reporter reporter, Map<String, Table> tablesByEntity,
      SqlQueryReader sqlQueryReader) {
    this.elements = elements;
    this.types = types;
    this.reporter = reporter;
    this.tablesByEntity = tablesByEntity;
    this.sqlQueryReader = sqlQueryReader;
  }

  /** The repository's model, its methods' origins recorded in {@code origins}; empty when something was reported. */
  public Optional<RepositoryModel> read(TypeElement repository, RepositoryOrigins origins) {
    if (repository.getKind() != ElementKind.INTERFACE) {
      reporter.report(Location.of(repository), Message.REPOSITORY_NOT_INTERFACE, repository.getQualifiedName());
      return Optional.empty();
    }
    RepositoryScope scope = new RepositoryScope(elements, types, reporter, tablesByEntity, repository);
    if (!repository.getTypeParameters().isEmpty()) {
      scope.fail(Location.of(repository), Message.GENERIC_REPOSITORY, repository.getSimpleName());
      return Optional.empty();
    }
    scope.readPrimaryEntity();
    Readers readers = new Readers(scope);
    List<RepositoryMethod> methods = new ArrayList<>();
    for (ExecutableElement method : InterfaceMethods.abstractMethods(repository, elements, types)) {
      try {
        Optional<Operation> operation = readers.read(method);
        if (operation.isEmpty()) {
          scope.markFailed();
          continue;
        }
        RepositoryMethod read = new RepositoryMethod(MethodSignatures.override(method, scope), operation.get());
        origins.put(read, Location.of(method), scope.label(method));
        methods.add(read);
      } catch (RuntimeException e) {
        scope.fail(Location.of(method), Message.INTERNAL_ERROR, scope.label(method), e);
      }
    }
    if (scope.failed()) {
      return Optional.empty();
    }
    JavaType.Declared name = ModelTypes.of(repository);
    return Optional.of(new RepositoryModel(name, RepositoryModel.implementationOf(name), methods));
  }

  /** The readers of one interface, one per method kind, sharing its scope. */
  private final class Readers {
    private final RepositoryScope scope;
    private final LifecycleMethodReader lifecycle;
    private final FindMethodReader find;
    private final ByNameMethodReader byName;

    Readers(RepositoryScope scope) {
      this.scope = scope;
      ResultShapes results = new ResultShapes(scope);
      QueryParameters parameters = new QueryParameters(scope);
      this.find = new FindMethodReader(scope, results, parameters);
      this.lifecycle = new LifecycleMethodReader(scope, results, find);
      this.byName = new ByNameMethodReader(scope, results, parameters);
    }

    Optional<Operation> read(ExecutableElement method) {
      ExecutableType type = scope.memberType(method);
      if (AnnotationValues.has(method, JakartaData.QUERY)) {
        scope.fail(method, Location.of(method), Message.JDQL_QUERY);
        return Optional.empty();
      }
      if (AnnotationValues.has(method, SqlQuery.class.getCanonicalName())) {
        if (scope.primary().isEmpty()) {
          scope.fail(method, Location.of(method), Message.SQL_QUERY_NEEDS_ENTITY);
          return Optional.empty();
        }
        return scope.mapping(scope.primary().get()).flatMap(entity ->
            sqlQueryReader.read(method, type, entity, scope.label(method), scope::mapping));
      }
      Optional<Write.Kind> kind = LifecycleMethodReader.kind(method);
      if (kind.isPresent()) {
        return lifecycle.read(method, type, kind.get());
      }
      if (AnnotationValues.has(method, JakartaData.FIND)) {
        return find.read(method, type);
      }
      if (MethodNameParser.looksLikeQuery(method.getSimpleName().toString())) {
        return byName.read(method, type);
      }
      scope.fail(method, Location.of(method), Message.UNSUPPORTED_METHOD);
      return Optional.empty();
    }
  }
}
