/**
 * The repository model: what each method of a Jakarta Data repository interface does, in terms of the schema
 * model's tables and columns. Plain immutable values, built by {@code read.RepositoryReader} and rendered by
 * {@code write.RepositoryWriter} ({@link dev.rowguard.processor.repository.RepositoryStub}, for a compilation with
 * errors, by {@code read.RepositoryStubReader} and {@code write.RepositoryStubWriter}). Java types and signatures
 * are the model's own ({@link dev.rowguard.processor.repository.JavaType}, {@link
 * dev.rowguard.processor.repository.MethodSignature}): read once from the compiler's, rendered by the writers.
 */
package dev.rowguard.processor.repository;
