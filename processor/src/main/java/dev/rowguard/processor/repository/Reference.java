package dev.rowguard.processor.repository;

import com.palantir.javapoet.ClassName;

/**
 * The target of a {@code @ManyToOne} property: written as the target's key, read back as a new target instance
 * holding only its key (as JPA's {@code getReference} would).
 *
 * @param target the referenced entity class
 * @param id how to reach the target's key property
 * @param idKind how the key travels through JDBC
 * @param idType the key's Java type
 */
public record Reference(ClassName target, Access id, ValueKind idKind, com.palantir.javapoet.TypeName idType) {}
