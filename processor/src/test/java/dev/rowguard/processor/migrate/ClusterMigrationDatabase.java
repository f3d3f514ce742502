package dev.rowguard.processor.migrate;

import dev.rowguard.postgres.CitusClusterAddress;
import dev.rowguard.schema.ddl.PrivilegesSql;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The schema {@value MigrationCompiler#SCHEMA} on the Citus cluster ({@link CitusClusterAddress}), migrated as Flyway
 * would: each file statement by statement, in one transaction unless its {@code .conf} says otherwise, by an owner
 * that is neither a superuser nor BYPASSRLS. The cluster has one database, so each case has the schema to itself in
 * turn: it is dropped when the case closes. The catalog adds each table's distribution and the number of
 * colocation groups to the lines of {@link Catalog}.
 */
final class ClusterMigrationDatabase implements MigrationTarget {
  private static final String OWNER = "rowguard_mig_owner";
  private static final String OWNER_PASSWORD = "rowguard-mig-owner";

  private final DataSource superuser;
  private final DataSource owner;

  private ClusterMigrationDatabase(DataSource superuser, DataSource owner) {
    this.superuser = superuser;
    this.owner = owner;
  }

  static ClusterMigrationDatabase create() {
    CitusClusterAddress cluster = CitusClusterAddress.fromEnvironment();
    DataSource superuser = cluster.superuser();
    dropSchemaAndOwner(superuser);
    // Citus propagates the roles and the database privilege to every node.
    CitusClusterAddress.executeInOneTransaction(superuser, PrivilegesSql.createRole(MigrationDatabase.APP_ROLE)
        + "\nCREATE ROLE " + OWNER + " LOGIN PASSWORD '" + OWNER_PASSWORD + "' NOSUPERUSER NOBYPASSRLS;\n"
        + "GRANT CREATE ON DATABASE " + database(superuser) + " TO " + OWNER + ";\n");
    return new ClusterMigrationDatabase(superuser, cluster.as(OWNER, OWNER_PASSWORD));
  }

  @Override
  public void apply(Path dir, int version) {
    MigrationDatabase.versionFiles(dir, version).forEach(file -> CitusClusterAddress.applyMigration(owner, file));
  }

  @Override
  public void admin(String sql) {
    CitusClusterAddress.executeInOneTransaction(superuser, sql);
  }

  @Override
  public List<String> rows(String query) {
    return MigrationDatabase.rows(superuser, query);
  }

  @Override
  public String catalog(String schema) {
    List<String> lines = new ArrayList<>();
    lines.add(Catalog.of(superuser, schema, MigrationDatabase.APP_ROLE));
    lines.addAll(rows("SELECT 'distribution | ' || c.relname || ' | ' || p.partmethod::text || ' | '"
        + " || coalesce(column_to_column_name(p.logicalrelid, p.partkey), '-')"
        + " FROM pg_dist_partition p JOIN pg_class c ON c.oid = p.logicalrelid"
        + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '" + schema + "' ORDER BY c.relname"));
    List<String> local = rows("SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
        + " WHERE n.nspname = '" + schema + "' AND c.relkind = 'r' AND NOT EXISTS"
        + " (SELECT FROM pg_dist_partition p WHERE p.logicalrelid = c.oid) ORDER BY 1");
    if (!local.isEmpty()) {
      throw new AssertionError("tables of " + schema + " that are neither distributed nor reference tables: " + local);
    }
    lines.addAll(rows("SELECT 'colocation groups of distributed tables | ' || count(DISTINCT p.colocationid)"
        + " FROM pg_dist_partition p JOIN pg_class c ON c.oid = p.logicalrelid"
        + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '" + schema + "' AND p.partmethod = 'h'"));
    return String.join("\n", lines);
  }

  @Override
  public void asOwner(String sql) {
    CitusClusterAddress.executeInOneTransaction(owner, sql);
  }

  @Override
  public void close() {
    dropSchemaAndOwner(superuser);
  }

  private static void dropSchemaAndOwner(DataSource superuser) {
    CitusClusterAddress.executeInOneTransaction(superuser, "DROP SCHEMA IF EXISTS " + MigrationCompiler.SCHEMA
        + " CASCADE;\nDO $rowguard$ BEGIN IF EXISTS (SELECT FROM pg_roles WHERE rolname = '" + OWNER + "') THEN\n"
        + "  EXECUTE 'DROP OWNED BY " + OWNER + "'; EXECUTE 'DROP ROLE " + OWNER + "';\nEND IF; END $rowguard$;\n");
  }

  private static String database(DataSource superuser) {
    try (Connection connection = superuser.getConnection()) {
      return connection.getCatalog();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
