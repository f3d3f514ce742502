package dev.rowguard.processor.read;

import dev.rowguard.processor.diagnostics.Location;
import dev.rowguard.processor.diagnostics.Message;
import dev.rowguard.processor.repository.EntityMapping;
import dev.rowguard.processor.repository.JavaType;
import dev.rowguard.processor.repository.Operation;
import dev.rowguard.processor.repository.Operation.Write;
import dev.rowguard.processor.repository.Query;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ExecutableType;

/**
 * Reads lifecycle methods, {@code @Insert}, {@code @Update}, {@code @Delete} and {@code @Save}, and what the
 * built-in methods of {@code BasicRepository} and {@code CrudRepository} stand for: a write of the entity (or List
 * of entities) given, or, for {@code @Delete} with key or property parameters, a delete of the rows they match.
 */
final class LifecycleMethodReader {
  private final RepositoryScope scope;
  private final ResultShapes results;
  private final FindMethodReader parameterQueries;

  LifecycleMethodReader(RepositoryScope scope, ResultShapes results, FindMethodReader parameterQueries) {
    this.scope = scope;
    this.results = results;
    this.parameterQueries = parameterQueries;
  }

  /** The lifecycle operation the method asks for, or empty when it is no lifecycle method. */
  static Optional<Write.Kind> kind(ExecutableElement method) {
    for (Write.Kind kind : Write.Kind.values()) {
      if (AnnotationValues.has(method, annotation(kind))) {
        return Optional.of(kind);
      }
    }
    String owner = ((TypeElement) method.getEnclosingElement()).getQualifiedName().toString();
    if (!owner.equals(JakartaData.BASIC_REPOSITORY) && !owner.equals(JakartaData.CRUD_REPOSITORY)) {
      return Optional.empty();
    }
    return switch (method.getSimpleName().toString()) {
      case "save", "saveAll" -> Optional.of(Write.Kind.SAVE);
      case "insert", "insertAll" -> Optional.of(Write.Kind.INSERT);
      case "update", "updateAll" -> Optional.of(Write.Kind.UPDATE);
      case "delete", "deleteAll", "deleteById" -> Optional.of(Write.Kind.DELETE);
      default -> Optional.empty();
    };
  }

  private static String annotation(Write.Kind kind) {
    return switch (kind) {
      case INSERT -> JakartaData.INSERT;
      case UPDATE -> JakartaData.UPDATE;
      case DELETE -> JakartaData.DELETE;
      case SAVE -> JakartaData.SAVE;
    };
  }

  Optional<Operation> read(ExecutableElement method, ExecutableType type, Write.Kind kind) {
    List<? extends VariableElement> parameters = method.getParameters();
    if (parameters.size() == 1) {
      Optional<ResultShapes.EntityArgument> argument =
          ResultShapes.entityArgument(type.getParameterTypes().get(0));
      if (argument.isPresent()) {
        return write(method, type, kind, argument.get(), InheritedParameters.name(parameters.get(0)));
      }
    }
    if (kind == Write.Kind.DELETE) {
      return deleteByParameters(method, type);
    }
    String simple = kind.name().charAt(0) + kind.name().substring(1).toLowerCase(Locale.ROOT);
    scope.fail(method, Location.of(method), Message.LIFECYCLE_PARAMETERS, simple,
        scope.primary().map(p -> " (" + p.getSimpleName() + ")").orElse(""));
    return Optional.empty();
  }

  private Optional<Operation> write(ExecutableElement method, ExecutableType type, Write.Kind kind,
      ResultShapes.EntityArgument argument, String parameter) {
    Optional<EntityMapping> entity = scope.entityMapping(argument.entity(), Location.of(method));
    if (entity.isEmpty()) {
      return Optional.empty();
    }
    return results.write(method, type.getReturnType(), kind, argument)
        .map(result -> new Write(kind, entity.get(), parameter, argument.many(), result));
  }

  private Optional<Operation> deleteByParameters(ExecutableElement method, ExecutableType type) {
    Optional<EntityMapping> entity = scope.primaryOrFail(method);
    if (entity.isEmpty()) {
      return Optional.empty();
    }
    Optional<Query> query = parameterQueries.parameterQuery(method, type, entity.get(), false);
    Optional<JavaType> result = results.delete(method, type.getReturnType());
    if (query.isEmpty() || result.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Operation.DeleteWhere(query.get(), result.get()));
  }
}
