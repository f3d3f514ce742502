package dev.rowguard.processor.repository;

import com.palantir.javapoet.MethodSpec;

/**
 * One method of a repository interface and what it does.
 *
 * @param signature the overriding signature (no body), type variables of the interface resolved
 * @param operation what the generated body does
 */
public record RepositoryMethod(MethodSpec signature, Operation operation) {
  public String name() {
    return signature.name();
  }
}
