package dev.rowguard.processor.store;

import dev.rowguard.annotations.Tenanted;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.time.Instant;
import java.util.UUID;

/** A customer's review of a product: a record, with a reference to a class entity. */
@Entity
@Tenanted
public record Review(
    @Id UUID id,
    @Column(nullable = false) UUID storeId,
    @ManyToOne(optional = false) Product product,
    int rating,
    @Column(length = 2000) String body,
    Instant postedAt) {}
