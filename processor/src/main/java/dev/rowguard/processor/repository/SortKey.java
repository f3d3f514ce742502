package dev.rowguard.processor.repository;

/** One ORDER BY term fixed at compile time ({@code OrderByHostnameDesc}, {@code @OrderBy("hostname")}). */
public record SortKey(Property property, boolean descending, boolean ignoreCase) {}
