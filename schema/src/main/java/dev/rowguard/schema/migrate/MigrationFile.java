package dev.rowguard.schema.migrate;

/**
 * One file of the migrations folder.
 *
 * @param name the file name, e.g. {@code V2__add_status.sql}
 * @param content its text
 */
public record MigrationFile(String name, String content) {}
