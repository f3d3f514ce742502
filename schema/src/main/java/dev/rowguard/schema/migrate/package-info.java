/**
 * Schema evolution without a compiler or a database: the differ takes the model the committed migrations lead
 * to and the model of this build, and plans the changes between them ({@link SchemaDiff}), each as readable,
 * lock-aware SQL steps; {@link MigrationScript} renders a plan as Flyway migration files.
 */
package dev.rowguard.schema.migrate;
