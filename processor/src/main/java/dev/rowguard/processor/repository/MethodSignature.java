package dev.rowguard.processor.repository;

import java.util.List;

/**
 * The signature a generated class overrides an interface method with, type variables of the interface resolved.
 *
 * @param name the method name
 * @param typeParameters the method's own type variables
 * @param returnType what it returns
 * @param parameters its parameters, named so that the names do not depend on the compiler
 * @param varargs whether the last parameter is variable-arity
 * @param thrown the checked exceptions it declares
 * @param suppressedWarning the {@code @SuppressWarnings} token the override needs to compile cleanly, or {@code
 *     null}
 */
public record MethodSignature(String name, List<TypeParameter> typeParameters, JavaType returnType,
    List<Parameter> parameters, boolean varargs, List<JavaType> thrown, String suppressedWarning) {
  public MethodSignature {
    typeParameters = List.copyOf(typeParameters);
    parameters = List.copyOf(parameters);
    thrown = List.copyOf(thrown);
  }

  /** One parameter. */
  public record Parameter(String name, JavaType type) {}

  /** A type variable a method or class declares, with its bounds ({@code Object} left out). */
  public record TypeParameter(String name, List<JavaType> bounds) {
    public TypeParameter {
      bounds = List.copyOf(bounds);
    }
  }
}
