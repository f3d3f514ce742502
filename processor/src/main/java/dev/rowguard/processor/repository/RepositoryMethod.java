package dev.rowguard.processor.repository;


/**
 * One method of a repository interface and what it does.
 *
 * @param signature the overriding signature (no body), type variables of the interface resolved
 * @param operation what the generated body does
 */
public record RepositoryMethod(MethodSignature signature, Operation operation) {
  public String name() {
    return signature.name();
  }
}
