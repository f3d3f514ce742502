package dev.rowguard.processor.store;

import java.math.BigDecimal;

/** A projection: only the columns a price list needs. */
public record ProductSummary(String sku, String name, BigDecimal price) {}
