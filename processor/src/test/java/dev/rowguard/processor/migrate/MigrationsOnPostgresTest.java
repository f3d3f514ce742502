package dev.rowguard.processor.migrate;

import static com.google.common.truth.Truth.assertThat;
import static dev.rowguard.processor.migrate.MigrationCompiler.source;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each change kind on PostgreSQL: version n applied with rows in its tables, the generated migration applied by a
 * non-superuser owner, rows kept (or backfilled as stated), and the catalog equal to a fresh version n + 1.
 */
class MigrationsOnPostgresTest {
  @TempDir Path dir;

  private MigrationCase migration(String name) {
    return new MigrationCase(name, dir);
  }

  @Test
  void columnsAddedNullableAndNotNullWithADefault() {
    migration("columns_added")
        .from(source("Asset", "@Entity public class Asset { @Id UUID id; String name; }"))
        .rows("INSERT INTO mig.asset (id, name) VALUES ('00000000-0000-0000-0000-000000000001', 'db-1');")
        .to(source("Asset", "@Entity public class Asset {",
            "  @Id UUID id; String name; String owner;",
            "  @ColumnDefault(\"0\") @Column(nullable = false) int cores;",
            "}"))
        .expectRows("SELECT name, owner, cores FROM mig.asset", "db-1|null|0")
        .run();
  }

  @Test
  void aRenamedColumnKeepsItsValues() {
    migration("column_renamed")
        .from(source("Asset", "@Entity public class Asset { @Id UUID id; String hostName; }"))
        .rows("INSERT INTO mig.asset (id, host_name) VALUES ('00000000-0000-0000-0000-000000000001', 'db-1');")
        .to(source("Asset", "@Entity public class Asset { @Id UUID id; @RenamedFrom(\"host_name\") String fqdn; }"))
        .expectRows("SELECT fqdn FROM mig.asset", "db-1")
        .run();
  }

  @Test
  void aRenamedTableKeepsItsRowsAndItsConstraintsFollowTheName() {
    migration("table_renamed")
        .from(source("Asset", "@Entity @Table(indexes = @Index(columnList = \"name\")) public class Asset {",
            "  @Id UUID id; @Column(unique = true) String name; }"))
        .rows("INSERT INTO mig.asset (id, name) VALUES ('00000000-0000-0000-0000-000000000001', 'db-1');")
        .to(source("Server", "@Entity @RenamedFrom(\"asset\") @Table(indexes = @Index(columnList = \"name\"))",
            "public class Server { @Id UUID id; @Column(unique = true) String name; }"))
        .expectRows("SELECT name FROM mig.server", "db-1")
        .run();
  }
}
