package dev.rowguard.processor.migrate;

/**
 * The Citus target's migrations in every build: generated as the golden files say, and applied on plain
 * PostgreSQL without Citus's own calls (distribution, {@code citus.*} settings), so that everything else they do
 * runs and keeps the rows, and leaves the catalog a fresh {@code schema.sql} of the next version creates.
 */
class CitusMigrationsOnPostgresTest extends CitusMigrationCases {
  @Override
  MigrationTarget database(String prefix) {
    return MigrationDatabase.withoutCitusCalls(prefix);
  }
}
