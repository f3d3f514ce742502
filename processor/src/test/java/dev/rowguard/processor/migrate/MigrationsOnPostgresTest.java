package dev.rowguard.processor.migrate;

import static com.google.common.truth.Truth.assertThat;
import static dev.rowguard.processor.migrate.MigrationCompiler.source;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import dev.rowguard.schema.SchemaJson;
import dev.rowguard.schema.ddl.PrivilegesSql;
import dev.rowguard.schema.ddl.SchemaSqlWriter;

import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each change kind on PostgreSQL: version n applied with rows in its tables, the generated migration applied by a
 * non-superuser owner, rows kept (or backfilled as stated), and the catalog equal to a fresh version n + 1.
 */
class MigrationsOnPostgresTest {
  /** A table's constraints (NOT NULL ones aside): name, kind and whether validated. */
  private static final String CONSTRAINTS = "SELECT conname, contype, convalidated FROM pg_constraint"
      + " WHERE conrelid = 'mig.%s'::regclass AND contype <> 'n' ORDER BY conname";

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
  void anAddedColumnGetsItsComment() {
    migration("column_added_with_comment")
        .from(source("Asset", "@Entity public class Asset { @Id UUID id; }"))
        .rows("INSERT INTO mig.asset (id) VALUES ('00000000-0000-0000-0000-000000000001');")
        .to(source("Asset", "@Entity public class Asset { @Id UUID id; /** Where it runs; it's \"documented\". */ String host; }"))
        .expectRows("SELECT host FROM mig.asset", "null")
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

  @Test
  void typesThatKeepEveryValueAreWidened() {
    migration("types_widened")
        .from(source("Asset", "@Entity public class Asset {",
            "  @Id UUID id; @Column(length = 20) String name; @Column(length = 20) String note; int cores;",
            "  LocalDateTime seenAt; }"))
        .rows("INSERT INTO mig.asset (id, name, note, cores, seen_at) VALUES "
            + "('00000000-0000-0000-0000-000000000001', 'db-1', 'n', 8, '2024-05-01 10:00:00');")
        .to(source("Asset", "@Entity public class Asset {",
            "  @Id UUID id; @Column(length = 40) String name; String note; long cores; Instant seenAt; }"))
        .expectRows("SELECT name, note, cores, seen_at AT TIME ZONE 'UTC' FROM mig.asset",
            "db-1|n|8|2024-05-01 10:00:00")
        .run();
  }

  @Test
  void aNarrowingAcknowledgedByNameIsGeneratedAndMarked() {
    String generated = migration("type_narrowed")
        .from(source("Asset", "@Entity public class Asset { @Id UUID id; @Column(length = 40) String name; }"))
        .rows("INSERT INTO mig.asset (id, name) VALUES ('00000000-0000-0000-0000-000000000001', 'db-1');")
        .to(source("Asset", "@Entity public class Asset { @Id UUID id; @Column(length = 10) String name; }"))
        .options("-Arowguard.migrations.allowDataLoss=mig.asset.name")
        .expectRows("SELECT name FROM mig.asset", "db-1")
        .run();
    assertThat(generated).contains("-- DATA LOSS: values of mig.asset.name that varchar(10) cannot hold exactly");
  }

  @Test
  void nullabilityDefaultsAndCommentsChange() {
    migration("nullability_defaults_comments")
        .from(source("Asset", "/** An asset. */ @Entity public class Asset {",
            "  @Id UUID id; Integer cores; @Column(nullable = false) String name;",
            "  @ColumnDefault(\"'new'\") String phase; }"))
        .rows("INSERT INTO mig.asset (id, cores, name) VALUES ('00000000-0000-0000-0000-000000000001', NULL, 'a'),"
            + " ('00000000-0000-0000-0000-000000000002', 4, 'b');")
        .to(source("Asset", "/** A discovered asset. */ @Entity public class Asset {",
            "  @Id UUID id; @ColumnDefault(\"1\") @Column(nullable = false) Integer cores;",
            "  /** What it is called. */ String name; @ColumnDefault(\"'discovered'\") String phase; }"))
        .expectRows("SELECT cores, name FROM mig.asset ORDER BY id", "1|a", "4|b")
        .run();
  }

  @Test
  void enumValuesAddedAndRenamedKeepEveryRowValid() {
    migration("enum_values")
        .from(source("Asset", "@Entity public class Asset { @Id UUID id; Status status;",
            "  @CheckEnum(storedCase = CheckEnum.Case.LOWER) public enum Status { OPEN, CLOSED } }"))
        .rows("INSERT INTO mig.asset (id, status) VALUES ('00000000-0000-0000-0000-000000000001', 'open'),"
            + " ('00000000-0000-0000-0000-000000000002', 'closed');")
        .to(source("Asset", "@Entity public class Asset { @Id UUID id; Status status;",
            "  @CheckEnum(storedCase = CheckEnum.Case.LOWER)",
            "  public enum Status { OPEN, @RenamedFrom(\"closed\") DONE, ARCHIVED } }"))
        .expectRows("SELECT status FROM mig.asset ORDER BY id", "open", "done")
        .run();
  }

  @Test
  void indexesUniqueKeysAndForeignKeysAreAddedWithoutLongLocks() {
    migration("indexes_keys_foreign_keys")
        .from(source("Site", "@Entity public class Site { @Id UUID id; String name; }"),
            source("Asset", "@Entity public class Asset { @Id UUID id; String name; String serial; UUID siteId; }"))
        .rows("INSERT INTO mig.site (id, name) VALUES ('00000000-0000-0000-0000-00000000000a', 'dc');",
            "INSERT INTO mig.asset (id, name, serial) VALUES ('00000000-0000-0000-0000-000000000001', 'db-1', 's1');")
        .to(source("Site", "@Entity public class Site { @Id UUID id; String name; }"),
            source("Asset", "@Entity @Table(indexes = @Index(columnList = \"name\")) public class Asset {",
                "  @Id UUID id; String name; @Column(unique = true) String serial; @ManyToOne Site site; }"))
        .expectRows("SELECT name, serial, site_id FROM mig.asset", "db-1|s1|null")
        .expectRows(CONSTRAINTS.formatted("asset"), "fk_asset_site_id|f|t", "pk_asset|p|t", "uq_asset_serial|u|t")
        .run();
  }

  @Test
  void keysAddedToTablesThatBecomeTenantedAreAttachedBeforeTheForeignKeysThatReferenceThem() {
    String tenant = "'" + EditNeeds.TENANT + "'::uuid";
    String generated = migration("tenant_keys_before_foreign_keys")
        .from(source("Site", "@Entity public class Site { @Id UUID id; String name; }"),
            source("Asset", "@Entity public class Asset { @Id UUID id; String name; @ManyToOne Site site; }"))
        .rows("INSERT INTO mig.site (id, name) VALUES ('00000000-0000-0000-0000-00000000000a', 'dc');",
            "INSERT INTO mig.asset (id, name, site_id) VALUES ('00000000-0000-0000-0000-000000000001', 'db-1',"
                + " '00000000-0000-0000-0000-00000000000a');")
        .to(source("Site", "@Entity @Tenanted public class Site {",
                "  @Id UUID id; @Column(nullable = false) UUID tenantId; String name; }"),
            source("Asset", "@Entity @Tenanted public class Asset {",
                "  @Id UUID id; @Column(nullable = false) UUID tenantId; String name; @ManyToOne Site site; }"),
            source("Rack", "@Entity @Tenanted public class Rack {",
                "  @Id UUID id; @Column(nullable = false) UUID tenantId; @ManyToOne Site site; }"))
        .options("-Arowguard.migrations.backfill=mig.site.tenant_id=" + tenant + ";mig.asset.tenant_id=" + tenant)
        .expectRows("SELECT a.name, s.name, a.tenant_id FROM mig.asset a JOIN mig.site s ON s.id = a.site_id",
            "db-1|dc|" + EditNeeds.TENANT)
        .expectRows(CONSTRAINTS.formatted("site"), "pk_site|p|t", "uq_site_id|u|t")
        .expectRows(CONSTRAINTS.formatted("asset"), "fk_asset_site_id|f|t", "pk_asset|p|t", "uq_asset_id|u|t")
        .run();
    assertThat(generated).contains("==> V2.2__tenant_keys_before_foreign_keys_constraints.sql\n");
    String constraints = generated.substring(generated.indexOf("==> V2.2__"));
    assertThat(constraints).contains("ALTER TABLE mig.site ADD CONSTRAINT uq_site_id UNIQUE USING INDEX uq_site_id;");
    assertThat(constraints.indexOf("UNIQUE USING INDEX uq_site_id"))
        .isLessThan(constraints.indexOf("ADD CONSTRAINT fk_asset_site_id"));
    assertThat(constraints).contains("ALTER TABLE mig.rack ADD CONSTRAINT fk_rack_site_id");
  }

  @Test
  void aChangedApplicationRoleMovesEveryPrivilegeToTheNewRole() {
    String role = "rowguard_ops_app";
    List<JavaFileObject> model = List.of(source("Region", "@Entity public class Region { @Id String code; }"),
        source("Project", "@Entity @Tenanted public class Project {",
            "  @Id UUID id; @Column(nullable = false) UUID tenantId; @ManyToOne Region region; }"));
    assertThat(MigrationCompiler.compile(dir, model, "-Arowguard.migrations.generate=initial schema").errors())
        .isEmpty();
    MigrationCase migration = migration("app_role_changed");
    try (MigrationDatabase database = MigrationDatabase.create("rg_mig_role");
        MigrationDatabase fresh = MigrationDatabase.create("rg_fresh_role")) {
      database.admin(PrivilegesSql.createRole(role)); // Roles are the cluster's: created by its administrator.
      database.apply(dir, 1);
      database.admin("INSERT INTO mig.region (code) VALUES ('eu');");
      Compilation generation = MigrationCompiler.compile(dir, model, "-Arowguard.appRole=" + role,
          "-Arowguard.migrations.generate=app role changed");
      assertWithMessage(MigrationCompiler.messages(generation)).that(generation.errors()).isEmpty();
      migration.assertGolden(migration.versionText(2));
      database.apply(dir, 2);
      assertThat(database.rows("SELECT code FROM mig.region")).containsExactly("eu");
      assertThat(database.rows("SELECT table_name FROM information_schema.role_table_grants"
          + " WHERE table_schema = 'mig' AND grantee = '" + MigrationDatabase.APP_ROLE + "'")).isEmpty();
      assertThat(database.rows("SELECT has_schema_privilege('" + MigrationDatabase.APP_ROLE + "', 'mig', 'USAGE')"))
          .containsExactly("f");
      assertThat(database.rows("SELECT table_name, privilege_type FROM information_schema.role_table_grants"
          + " WHERE table_schema = 'mig' AND grantee = '" + role + "' ORDER BY 1, 2")).containsExactly(
              "project|DELETE", "project|INSERT", "project|SELECT", "project|UPDATE", "region|SELECT").inOrder();
      fresh.asOwner(SchemaSqlWriter.render(SchemaJson.read(MigrationDatabase.read(dir.resolve("rowguard/V2.schema.json"))),
          role));
      assertThat(database.catalog(MigrationCompiler.SCHEMA, role))
          .isEqualTo(fresh.catalog(MigrationCompiler.SCHEMA, role));
    }
    Compilation again = MigrationCompiler.compile(dir, model, "-Arowguard.appRole=" + role);
    assertWithMessage(MigrationCompiler.messages(again)).that(again.diagnostics()).isEmpty();
  }

  @Test
  void aDuplicateKeyFailsTheConcurrentBuildAndTheMigrationCompletesOnceResolved() {
    MigrationCase migration = migration("unique_key_duplicates");
    assertThat(MigrationCompiler.compile(dir, List.of(source("Asset", "@Entity public class Asset { @Id UUID id;"
        + " String serial; }")), "-Arowguard.migrations.generate=initial schema").errors()).isEmpty();
    JavaFileObject unique = source("Asset", "@Entity public class Asset { @Id UUID id; @Column(unique = true)"
        + " String serial; }");
    try (MigrationDatabase database = MigrationDatabase.create("rg_mig_duplicates")) {
      database.apply(dir, 1);
      database.admin("INSERT INTO mig.asset (id, serial) VALUES ('00000000-0000-0000-0000-000000000001', 's1'),"
          + " ('00000000-0000-0000-0000-000000000002', 's1');");
      assertThat(MigrationCompiler.compile(dir, List.of(unique), "-Arowguard.migrations.generate=serial unique")
          .errors()).isEmpty();
      assertThat(migration.versionText(2)).contains("-- A UNIQUE index fails on rows that hold the same key "
          + "(\"could not create unique index\", with the key): drop the INVALID index, resolve those rows, and run "
          + "it again; its constraint is attached in the next file.");
      List<Path> files = MigrationDatabase.versionFiles(dir, 2);
      assertThat(files.stream().map(f -> f.getFileName().toString()).toList()).containsExactly(
          "V2.1__serial_unique_concurrently.sql", "V2.2__serial_unique_constraints.sql").inOrder();
      IllegalStateException failed = assertThrows(IllegalStateException.class, () -> database.apply(files.get(0)));
      assertThat(failed).hasMessageThat().contains("could not create unique index \"uq_asset_serial\"");
      assertThat(database.rows("SELECT indexrelid::regclass, indisvalid FROM pg_index"
          + " WHERE indexrelid = 'mig.uq_asset_serial'::regclass")).containsExactly("mig.uq_asset_serial|f");
      // The recovery the comment states: the INVALID index dropped, the duplicates resolved, the file run again.
      database.asOwner("DROP INDEX mig.uq_asset_serial;");
      database.admin("UPDATE mig.asset SET serial = 's2' WHERE id = '00000000-0000-0000-0000-000000000002';");
      database.apply(files.get(0));
      database.apply(files.get(1));
      assertThat(database.rows(CONSTRAINTS.formatted("asset"))).containsExactly("pk_asset|p|t", "uq_asset_serial|u|t")
          .inOrder();
      assertThat(database.rows("SELECT serial FROM mig.asset ORDER BY id")).containsExactly("s1", "s2").inOrder();
    }
  }

  @Test
  void aNewTenantedTableGetsItsPolicyAndTheSharedTablesBecomeReadOnly() {
    migration("tenanted_table_created")
        .from(source("Region", "@Entity public class Region { @Id String code; }"))
        .rows("INSERT INTO mig.region (code) VALUES ('eu');")
        .to(source("Region", "@Entity public class Region { @Id String code; }"),
            source("Project", "@Entity @Tenanted public class Project {",
                "  @Id UUID id; @Column(nullable = false) UUID tenantId; @ManyToOne Region region; }"))
        .expectRows("SELECT code FROM mig.region", "eu")
        .run();
  }

  @Test
  void aSharedTableBecomesTenantedWithItsKeysBackfilledByTheStatedRule() {
    migration("becomes_tenanted")
        .from(source("Asset", "@Entity public class Asset { @Id UUID id; String name; }"))
        .rows("INSERT INTO mig.asset (id, name) VALUES ('00000000-0000-0000-0000-000000000001', 'db-1');")
        .to(source("Asset", "@Entity @Tenanted public class Asset {",
            "  @Id UUID id; @Column(nullable = false) UUID tenantId; String name; }"))
        .options("-Arowguard.migrations.backfill=mig.asset.tenant_id='00000000-0000-0000-0000-0000000000ff'::uuid")
        .expectRows("SELECT name, tenant_id FROM mig.asset", "db-1|00000000-0000-0000-0000-0000000000ff")
        .run();
  }

  @Test
  void aTenantedTableMadeSharedWhenAcknowledged() {
    String generated = migration("becomes_shared")
        .from(source("Asset", "@Entity @Tenanted public class Asset {",
            "  @Id UUID id; @Column(nullable = false) UUID tenantId; String name; }"))
        .rows("INSERT INTO mig.asset (id, tenant_id, name) VALUES ('00000000-0000-0000-0000-000000000001',"
            + " '00000000-0000-0000-0000-0000000000ff', 'db-1');")
        .to(source("Asset", "@Entity public class Asset {",
            "  @Id UUID id; @Column(nullable = false) UUID tenantId; String name; }"))
        .options("-Arowguard.migrations.allowDataLoss=mig.asset")
        .expectRows("SELECT name FROM mig.asset", "db-1")
        .run();
    assertThat(generated).contains("-- DATA LOSS: the tenant isolation of the rows of mig.asset");
  }

  @Test
  void aRemovedColumnIsKeptNullableAsAPendingDrop() {
    String generated = migration("column_pending_drop")
        .from(source("Asset", "@Entity public class Asset { @Id UUID id; @Column(nullable = false) String name;"
            + " @Column(unique = true) String legacyCode; }"))
        .rows("INSERT INTO mig.asset (id, name, legacy_code) VALUES ('00000000-0000-0000-0000-000000000001',"
            + " 'db-1', 'x');")
        .to(source("Asset", "@Entity public class Asset { @Id UUID id; String label; }"))
        .expectRows("SELECT name, legacy_code FROM mig.asset", "db-1|x")
        .run();
    assertThat(generated).contains("--   column mig.asset.name\n");
  }

  @Test
  void columnsAndTablesAcknowledgedByNameAreDropped() {
    String generated = migration("dropped")
        .from(source("Asset", "@Entity public class Asset { @Id UUID id; String name; String legacyCode; }"),
            source("Note", "@Entity public class Note { @Id UUID id; @ManyToOne Asset asset; }"))
        .rows("INSERT INTO mig.asset (id, name, legacy_code) VALUES ('00000000-0000-0000-0000-000000000001',"
            + " 'db-1', 'x');")
        .to(source("Asset", "@Entity public class Asset { @Id UUID id; String name; }"))
        .options("-Arowguard.migrations.allowDataLoss=mig.asset.legacy_code,mig.note")
        .expectRows("SELECT name FROM mig.asset", "db-1")
        .run();
    assertThat(generated).contains("-- DATA LOSS: every row of table mig.note");
  }
}
