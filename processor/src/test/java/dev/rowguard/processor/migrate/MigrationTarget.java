package dev.rowguard.processor.migrate;

import java.nio.file.Path;
import java.util.List;

/**
 * A database a migration case runs on: the development server ({@link MigrationDatabase}) or a Citus cluster
 * ({@link ClusterMigrationDatabase}). Migrations are applied by a schema owner that is neither a superuser nor
 * BYPASSRLS; rows are inserted and read by the administrative login.
 */
interface MigrationTarget extends AutoCloseable {
  /** Applies every file of one version in Flyway's order. */
  void apply(Path dir, int version);

  /** Runs a script as the administrative login, in one transaction. */
  void admin(String sql);

  /** A query's rows as the administrative login, each as its columns joined by {@code |}. */
  List<String> rows(String query);

  /** What the database holds for one schema, as lines two databases can be compared by ({@link Catalog}). */
  String catalog(String schema);

  /** Runs a script as the schema owner, in one transaction. */
  void asOwner(String sql);

  @Override
  void close();
}
