package dev.rowguard.schema;

/**
 * One tenant key of a tenanted table.
 *
 * @param column the key column, e.g. {@code client_account_id}
 * @param setting the PostgreSQL setting that carries the bound value, e.g. {@code rowguard.client_account_id}
 * @param sqlType the column's PostgreSQL type, e.g. {@code uuid}
 * @param table the table whose primary key the key holds ({@code migration.client_account}), or {@code null}
 */
public record TenantKeyColumn(String column, String setting, String sqlType, QualifiedName table) {}
