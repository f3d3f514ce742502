package dev.rowguard.schema;

/**
 * One tenant key of a tenanted table.
 *
 * @param column the key column, e.g. {@code client_account_id}
 * @param setting the PostgreSQL setting that carries the bound value, e.g. {@code rowguard.client_account_id}
 * @param sqlType the column's PostgreSQL type, e.g. {@code uuid}
 */
public record TenantKeyColumn(String column, String setting, String sqlType) {}
