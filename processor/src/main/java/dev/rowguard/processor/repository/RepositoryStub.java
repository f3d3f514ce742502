package dev.rowguard.processor.repository;

import java.util.List;

/**
 * A repository whose implementation cannot be generated because the compilation has Rowguard errors, and the
 * class that stands in for it: same name and constructor, every method throwing with the reason. It exists so
 * that user code naming {@code <Interface>Jdbc} still compiles and the build output shows Rowguard's errors
 * rather than javac's {@code cannot find symbol} at every use.
 *
 * @param repository the interface
 * @param typeVariables the interface's type variables when it is generic, declared again by the stub
 * @param implementation the stub class, named as the real implementation would be
 * @param methods every abstract method, in the order the real implementation would have them
 */
public record RepositoryStub(JavaType.Declared repository, List<MethodSignature.TypeParameter> typeVariables,
    JavaType.Declared implementation,
    List<Method> methods) {
  public RepositoryStub {
    typeVariables = List.copyOf(typeVariables);
    methods = List.copyOf(methods);
  }

  /**
   * One stubbed method.
   *
   * @param signature the overriding signature (no body), as for a generated method
   * @param reason why it was not generated: the Rowguard errors reported on it, or a pointer to the build output
   */
  public record Method(MethodSignature signature, String reason) {}
}
