package dev.rowguard.processor.repository;

import java.util.List;

/**
 * One repository interface and the class generated for it.
 *
 * @param repository the interface
 * @param implementation the generated class, {@code <Interface>Jdbc} in the interface's package
 * @param methods every abstract method, in declaration order (inherited ones first)
 */
public record RepositoryModel(
    JavaType.Declared repository, JavaType.Declared implementation, List<RepositoryMethod> methods) {
  public RepositoryModel {
    methods = List.copyOf(methods);
  }

  /** The class generated for {@code repository}: {@code AssetRepository} → {@code AssetRepositoryJdbc}. */
  public static JavaType.Declared implementationOf(JavaType.Declared repository) {
    return new JavaType.Declared(
        repository.packageName(), List.of(String.join("_", repository.simpleNames()) + "Jdbc"), List.of());
  }
}
