package dev.rowguard.processor.read;

import dev.rowguard.processor.diagnostics.Location;
import dev.rowguard.processor.diagnostics.Message;
import dev.rowguard.processor.diagnostics.Reporter;
import dev.rowguard.processor.repository.EntityMapping;
import dev.rowguard.schema.Table;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * What the readers of one repository interface share: the interface, its entity, the entity mappings read so far
 * and whether anything was reported. Every problem goes through {@link #fail}, so the interface is not implemented
 * once any method could not be read.
 */
final class RepositoryScope {
  final Elements elements;
  final Types types;
  final TypeElement repository;
  final DeclaredType repositoryType;
  private final Reporter reporter;
  private final Map<String, Table> tablesByEntity;
  private final EntityMappingReader mappingReader;
  private final String pkg;
  private final Map<String, Optional<EntityMapping>> mappings = new HashMap<>();
  /** The {@code T} of {@code DataRepository<T, K>}, once read; empty when the interface names none. */
  private Optional<TypeElement> primary = Optional.empty();
  private boolean failed;

  RepositoryScope(Elements elements, Types types, Reporter reporter, Map<String, Table> tablesByEntity,
      TypeElement repository) {
    this.elements = elements;
    this.types = types;
    this.reporter = reporter;
    this.tablesByEntity = tablesByEntity;
    this.repository = repository;
    this.repositoryType = (DeclaredType) repository.asType();
    this.mappingReader = new EntityMappingReader(elements, types, reporter);
    this.pkg = elements.getPackageOf(repository).getQualifiedName().toString();
  }

  /** Reads the entity of {@code DataRepository<T, K>} when the interface extends it. */
  void readPrimaryEntity() {
    Deque<TypeMirror> pending = new ArrayDeque<>(types.directSupertypes(repositoryType));
    while (!pending.isEmpty()) {
      TypeMirror supertype = pending.pop();
      if (supertype instanceof DeclaredType declared
          && JavaTypes.qualifiedName(declared).equals(JakartaData.DATA_REPOSITORY)) {
        TypeMirror entity = declared.getTypeArguments().isEmpty() ? null : declared.getTypeArguments().get(0);
        if (entity instanceof DeclaredType entityType) {
          TypeElement element = (TypeElement) entityType.asElement();
          primary = entityMapping(element, Location.of(repository)).map(m -> element);
        }
        return;
      }
      pending.addAll(types.directSupertypes(supertype));
    }
  }

  Optional<TypeElement> primary() {
    return primary;
  }

  /** The method as a member of this interface: the interface's type arguments substituted. */
  ExecutableType memberType(ExecutableElement method) {
    return (ExecutableType) types.asMemberOf(repositoryType, method);
  }

  /** The repository's entity, or a report on the method that it has none. */
  Optional<EntityMapping> primaryOrFail(ExecutableElement method) {
    if (primary.isEmpty()) {
      fail(method, Location.of(method), Message.NO_REPOSITORY_ENTITY);
      return Optional.empty();
    }
    return mapping(primary.get());
  }

  Optional<EntityMapping> mapping(TypeElement entity) {
    return entityMapping(entity, Location.of(repository));
  }

  /** The mapping of {@code entity}, read once per interface; a class that is no entity is reported at {@code at}. */
  Optional<EntityMapping> entityMapping(TypeElement entity, Location at) {
    String name = entity.getQualifiedName().toString();
    if (mappings.containsKey(name)) {
      return mappings.get(name);
    }
    Table table = tablesByEntity.get(name);
    Optional<EntityMapping> mapping;
    if (table == null) {
      fail(at, AnnotationValues.has(entity, Jpa.ENTITY) ? Message.ENTITY_NOT_COMPILED : Message.NOT_AN_ENTITY,
          repository.getSimpleName(), entity.getSimpleName());
      mapping = Optional.empty();
    } else {
      mapping = mappingReader.read(entity, table, pkg, repository.getSimpleName().toString());
      failed |= mapping.isEmpty();
    }
    mappings.put(name, mapping);
    return mapping;
  }

  /** Reports a problem of {@code method}, whose label comes first in every method message, at {@code at}. */
  void fail(ExecutableElement method, Location at, Message message, Object... details) {
    Object[] args = new Object[details.length + 1];
    args[0] = label(method);
    System.arraycopy(details, 0, args, 1, details.length);
    fail(at, message, args);
  }

  void fail(Location at, Message message, Object... args) {
    failed = true;
    reporter.report(at, message, args);
  }

  /** Marks the interface as not implementable; what made it so was reported where it was found. */
  void markFailed() {
    failed = true;
  }

  boolean failed() {
    return failed;
  }

  /** {@code Assets.findByHostname(String)}: how messages name a method. */
  String label(ExecutableElement method) {
    return repository.getSimpleName() + "." + method.getSimpleName() + "("
        + method.getParameters().stream().map(p -> JavaTypes.simpleName(p.asType()))
            .collect(Collectors.joining(", ")) + ")";
  }
}
