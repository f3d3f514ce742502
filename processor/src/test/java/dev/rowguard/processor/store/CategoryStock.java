package dev.rowguard.processor.store;

/** A report row computed by native SQL. */
public record CategoryStock(Product.Category category, long products, long stock) {}
