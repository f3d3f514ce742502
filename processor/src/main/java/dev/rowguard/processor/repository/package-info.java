/**
 * The repository model: what each method of a Jakarta Data repository interface does, in terms of the schema
 * model's tables and columns. Plain immutable values, built by {@code read.RepositoryReader} and rendered by
 * {@code write.RepositoryWriter} ({@link dev.rowguard.processor.repository.RepositoryStub}, for a compilation with
 * errors, by {@code read.RepositoryStubReader} and {@code write.RepositoryStubWriter}); the only non-JDK types are
 * JavaPoet's type and method names, which the writers render verbatim.
 */
package dev.rowguard.processor.repository;
