package dev.rowguard.processor.migrate;

/**
 * The Citus target's migrations as generated, on the Citus cluster of {@code ROWGUARD_CITUS_URL} ({@code -Pcitus}):
 * version 1 applied with rows, version 2 applied by a non-superuser owner statement by statement as Flyway runs it,
 * the rows kept, and the catalog (with each table's distribution and one colocation group) equal to the one a fresh
 * {@code schema.sql} of version 2 creates on the cluster.
 */
class CitusMigrationsOnClusterTest extends CitusMigrationCases {
  @Override
  MigrationTarget database(String prefix) {
    return ClusterMigrationDatabase.create();
  }
}
