package dev.rowguard.schema.query;

import dev.rowguard.schema.Column;

/**
 * One column of a statement's result, in select-list order; {@code *} and {@code a.*} are expanded from the
 * model.
 *
 * @param label the name PostgreSQL gives it (its alias, else the column's name, folded as PostgreSQL folds), or
 *     {@code null} when that name is not known here: an expression without alias ({@code count(*)}), or the
 *     columns of a subquery or CTE under {@code *}
 * @param sqlType its PostgreSQL type when known (the column's, a cast's, {@code bigint} for {@code count}), else
 *     {@code null}
 * @param column the model column it is read from, or {@code null} when it is not plainly one
 */
public record ResultColumn(String label, String sqlType, Column column) {}
