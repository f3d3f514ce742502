package dev.rowguard.processor.repository;


/**
 * The target of a {@code @ManyToOne} property: written as the target's key, read back as a new target instance
 * holding only its key (as JPA's {@code getReference} would).
 *
 * @param target the referenced entity class
 * @param id how to reach the target's key property
 * @param idKind how the key travels through JDBC
 * @param idType the key's Java type
 */
public record Reference(JavaType.Declared target, Access id, ValueKind idKind, JavaType idType) {}
