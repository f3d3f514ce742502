package dev.rowguard.processor.migrate;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Citus target's migrations in every build: generated as the golden files say, and applied on plain
 * PostgreSQL without Citus's own calls (distribution, {@code citus.*} settings), so that everything else they do
 * runs and keeps the rows, and leaves the catalog a fresh {@code schema.sql} of the next version creates.
 */
class CitusMigrationsOnPostgresTest {
  @TempDir Path dir;

  private CitusMigrationCases cases() {
    return new CitusMigrationCases(dir, MigrationDatabase::withoutCitusCalls);
  }

  @Test
  void newTablesJoinTheColocationGroup() {
    cases().newTablesJoinTheColocationGroup();
  }

  @Test
  void theFirstTenantedTablesOpenTheGroup() {
    cases().theFirstTenantedTablesOpenTheGroup();
  }

  @Test
  void keysIndexesAndChecksOnADistributedTable() {
    cases().keysIndexesAndChecksOnADistributedTable();
  }

  @Test
  void renamesOnDistributedTables() {
    cases().renamesOnDistributedTables();
  }

  @Test
  void aBackfilledColumnOnEveryShard() {
    cases().aBackfilledColumnOnEveryShard();
  }
}
