package dev.rowguard.processor.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.UUID;

/** A store: the tenant. Shared, so every tenant may read the list. */
@Entity
public record Store(@Id UUID id, @Column(length = 100, nullable = false) String name) {}
