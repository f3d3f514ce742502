package dev.rowguard.processor.migrate;

import static com.google.common.truth.Truth.assertThat;
import static dev.rowguard.processor.migrate.MigrationCompiler.source;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The migrations of the Citus target, one change kind each, run on plain PostgreSQL without Citus's own calls
 * ({@link CitusMigrationsOnPostgresTest}, in every build) and as generated on a Citus cluster ({@link
 * CitusMigrationsOnClusterTest}, {@code -Pcitus}). Both compare the generated files with the same golden files.
 */
abstract class CitusMigrationCases {
  static final String CITUS = "-Arowguard.target=citus";
  private static final String TENANT_A = "00000000-0000-0000-0000-0000000000aa";
  private static final String TENANT_B = "00000000-0000-0000-0000-0000000000bb";

  @TempDir Path dir;

  /** A database for each name prefix. */
  abstract MigrationTarget database(String prefix);

  private MigrationCase migration(String name) {
    return new MigrationCase("citus_" + name, dir).everyBuild(CITUS).on(this::database);
  }

  /**
   * New tenanted tables join the colocation group the cluster has, new shared tables become reference tables, and
   * their foreign keys are added once they are distributed; a column is added and a dropped table goes.
   */
  @Test
  void newTablesJoinTheColocationGroup() {
    String generated = migration("new_tables")
        .from(source("Region", "@Entity public class Region { @Id String code; String name; }"),
            source("Legacy", "@Entity public class Legacy { @Id UUID id; }"),
            source("Project", "@Entity @Tenanted public class Project {",
                "  @Id UUID id; @Column(nullable = false) UUID tenantId; String name; @ManyToOne Region region; }"))
        .rows("INSERT INTO mig.region (code, name) VALUES ('eu', 'Europe');",
            "INSERT INTO mig.project (id, tenant_id, name, region_code) VALUES "
                + "('00000000-0000-0000-0000-000000000001', '"
                + TENANT_A + "', 'apollo', 'eu'), ('00000000-0000-0000-0000-000000000002', '" + TENANT_B
                + "', 'gemini', NULL);")
        .to(source("Region", "@Entity public class Region { @Id String code; String name; }"),
            source("Label", "@Entity public class Label { @Id UUID id; String text; }"),
            source("Project", "@Entity @Tenanted public class Project {",
                "  @Id UUID id; @Column(nullable = false) UUID tenantId; String name; String owner;",
                "  @ManyToOne Region region; }"),
            source("Task", "@Entity @Tenanted public class Task {",
                "  @Id UUID id; @Column(nullable = false) UUID tenantId; String title;",
                "  @ManyToOne Project project; @ManyToOne Region region; @ManyToOne Label label; }"))
        .options("-Arowguard.migrations.allowDataLoss=mig.legacy")
        .expectRows("SELECT tenant_id, name, region_code, owner FROM mig.project ORDER BY id",
            TENANT_A + "|apollo|eu|null", TENANT_B + "|gemini|null|null")
        .run();
    assertThat(generated).contains("SELECT create_reference_table('mig.label');");
    assertThat(generated).contains(
        "SELECT create_distributed_table('mig.task', 'tenant_id', colocate_with => 'mig.project');");
    assertThat(generated.indexOf("create_distributed_table('mig.task'"))
        .isLessThan(generated.indexOf("ADD CONSTRAINT fk_task_project_id"));
  }

  /** The first tenanted tables of a cluster open the colocation group, the next ones follow the first. */
  @Test
  void theFirstTenantedTablesOpenTheGroup() {
    String generated = migration("first_tenanted_tables")
        .from(source("Region", "@Entity public class Region { @Id String code; }"))
        .rows("INSERT INTO mig.region (code) VALUES ('eu');")
        .to(source("Region", "@Entity public class Region { @Id String code; }"),
            source("Project", "@Entity @Tenanted public class Project {",
                "  @Id UUID id; @Column(nullable = false) UUID tenantId; @ManyToOne Region region; }"),
            source("Task", "@Entity @Tenanted public class Task {",
                "  @Id UUID id; @Column(nullable = false) UUID tenantId; @ManyToOne Project project; }"))
        .expectRows("SELECT code FROM mig.region", "eu")
        .run();
    assertThat(generated).contains(
        "SELECT create_distributed_table('mig.project', 'tenant_id', colocate_with => 'none');");
    assertThat(generated).contains(
        "SELECT create_distributed_table('mig.task', 'tenant_id', colocate_with => 'mig.project');");
    assertThat(generated).contains("CREATE FUNCTION mig.rowguard_tenant_id() RETURNS uuid");
  }

  /**
   * On an existing distributed table: a unique key built concurrently and attached, an index built concurrently,
   * a foreign key to a reference table added NOT VALID and validated, enum values renamed and added.
   */
  @Test
  void keysIndexesAndChecksOnADistributedTable() {
    migration("keys_and_checks")
        .from(source("Region", "@Entity public class Region { @Id String code; }"),
            source("Asset", "@Entity @Tenanted public class Asset {",
                "  @Id UUID id; @Column(nullable = false) UUID tenantId; String name; String serial;",
                "  String regionCode;",
                "  Status status;",
                "  @CheckEnum(storedCase = CheckEnum.Case.LOWER) public enum Status { OPEN, CLOSED } }"))
        .rows("INSERT INTO mig.region (code) VALUES ('eu');",
            "INSERT INTO mig.asset (id, tenant_id, name, serial, region_code, status) VALUES "
                + "('00000000-0000-0000-0000-000000000001', '" + TENANT_A + "', 'db-1', 's1', 'eu', 'closed'),"
                + " ('00000000-0000-0000-0000-000000000002', '" + TENANT_B + "', 'db-2', 's1', NULL, 'open');")
        .to(source("Region", "@Entity public class Region { @Id String code; }"),
            source("Asset", "@Entity @Tenanted @Table(indexes = @Index(columnList = \"name\"))",
                "public class Asset {",
                "  @Id UUID id; @Column(nullable = false) UUID tenantId; String name;",
                "  @Column(unique = true) String serial; @ManyToOne @JoinColumn(name = \"region_code\") Region region;",
                "  Status status;",
                "  @CheckEnum(storedCase = CheckEnum.Case.LOWER)",
                "  public enum Status { OPEN, @RenamedFrom(\"closed\") DONE, ARCHIVED } }"))
        .expectRows("SELECT tenant_id, serial, region_code, status FROM mig.asset ORDER BY id",
            TENANT_A + "|s1|eu|done", TENANT_B + "|s1|null|open")
        .run();
  }

  /**
   * Renamed tables and a renamed column: the keys and indexes are renamed through their indexes, the CHECK
   * constraints and foreign keys (which Citus does not rename) are dropped and added again, and the rows stay on
   * their shards.
   */
  @Test
  void renamesOnDistributedTables() {
    migration("renames")
        .from(source("Site", "@Entity @Tenanted public class Site {",
                "  @Id UUID id; @Column(nullable = false) UUID tenantId; @Column(unique = true) String name;",
                "  Kind kind; @CheckEnum public enum Kind { DC, EDGE } }"),
            source("Asset", "@Entity @Tenanted public class Asset {",
                "  @Id UUID id; @Column(nullable = false) UUID tenantId; String hostName; @ManyToOne Site site; }"))
        .rows("INSERT INTO mig.site (id, tenant_id, name, kind) VALUES ('00000000-0000-0000-0000-00000000000a', '"
                + TENANT_A + "', 'fra', 'DC');",
            "INSERT INTO mig.asset (id, tenant_id, host_name, site_id) VALUES "
                + "('00000000-0000-0000-0000-000000000001', '"
                + TENANT_A + "', 'db-1', '00000000-0000-0000-0000-00000000000a');")
        .to(source("Location", "@Entity @Tenanted @RenamedFrom(\"site\") public class Location {",
                "  @Id UUID id; @Column(nullable = false) UUID tenantId; @Column(unique = true) String name;",
                "  Kind kind; @CheckEnum public enum Kind { DC, EDGE } }"),
            source("Device", "@Entity @Tenanted @RenamedFrom(\"asset\") public class Device {",
                "  @Id UUID id; @Column(nullable = false) UUID tenantId; @RenamedFrom(\"host_name\") String fqdn;",
                "  @ManyToOne @JoinColumn(name = \"site_id\") Location site; }"))
        .expectRows("SELECT a.fqdn, l.name, l.kind FROM mig.device a JOIN mig.location l"
            + " ON l.tenant_id = a.tenant_id AND l.id = a.site_id", "db-1|fra|DC")
        .run();
  }

  /** A NOT NULL column backfilled on every shard by the owner (FORCE lifted around the update), and a default. */
  @Test
  void aBackfilledColumnOnEveryShard() {
    migration("backfill")
        .from(source("Asset", "@Entity @Tenanted public class Asset {",
            "  @Id UUID id; @Column(nullable = false) UUID tenantId; String name; }"))
        .rows("INSERT INTO mig.asset (id, tenant_id, name) VALUES ('00000000-0000-0000-0000-000000000001', '"
            + TENANT_A + "', 'db-1'), ('00000000-0000-0000-0000-000000000002', '" + TENANT_B + "', 'db-2');")
        .to(source("Asset", "@Entity @Tenanted public class Asset {",
            "  @Id UUID id; @Column(nullable = false) UUID tenantId; String name;",
            "  @Column(nullable = false) int cores; @ColumnDefault(\"'active'\") String phase; }"))
        .options("-Arowguard.migrations.backfill=mig.asset.cores=length(name)")
        .expectRows("SELECT name, cores, phase FROM mig.asset ORDER BY id", "db-1|4|active", "db-2|4|active")
        .run();
  }
}
