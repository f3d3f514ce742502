package dev.rowguard.processor.migrate;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.rowguard.processor.migrate.MigrationCompiler.compile;
import static dev.rowguard.processor.migrate.MigrationCompiler.source;

import com.google.testing.compile.Compilation;
import dev.rowguard.schema.migrate.Checksums;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The migration diagnostics, each asserted with its tag and text, and its file and line where it has one. */
class MigrationDiagnosticsTest {
  private static final JavaFileObject V1 = source("Asset",
      "@Entity public class Asset {",
      "  @Id UUID id;",
      "  String name;",
      "  @Column(length = 40) String serial;",
      "  Status status;",
      "  @CheckEnum public enum Status { OPEN, CLOSED }",
      "}");

  @TempDir Path dir;

  @BeforeEach
  void generateTheFirstVersion() {
    assertThat(compile(dir, List.of(V1), "-Arowguard.migrations.generate=initial schema")).succeeded();
  }

  private static JavaFileObject asset(String... members) {
    String[] lines = new String[members.length + 2];
    lines[0] = "@Entity public class Asset {";
    System.arraycopy(members, 0, lines, 1, members.length);
    lines[lines.length - 1] = "}";
    return source("Asset", lines);
  }

  /** javac indents the lines after the first of a message, so each line is asserted on its own. */
  private static void assertErrorLines(Compilation compilation, JavaFileObject file, String... lines) {
    assertErrorLinesOn("public class Asset", compilation, file, lines);
  }

  private static void assertErrorLinesOn(String onLine, Compilation compilation, JavaFileObject file,
      String... lines) {
    for (String line : lines) {
      assertThat(compilation).hadErrorContaining(line).inFile(file).onLineContaining(onLine);
    }
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void theFirstGenerationWritesTheWholeSchemaItsSnapshotAndChecksums() throws IOException {
    assertThat(Files.readString(dir.resolve("V1__initial_schema.sql")))
        .contains("CREATE TABLE mig.asset (");
    assertThat(Files.exists(dir.resolve("rowguard/V1.schema.json"))).isTrue();
    assertThat(Files.readString(dir.resolve("rowguard/checksums.sha256")))
        .containsMatch("(?m)^[0-9a-f]{64}  V1__initial_schema.sql$");
    assertThat(Files.readString(dir.resolve("rowguard/V1.settings"))).contains("\nappRole=rowguard_app\n");
    assertThat(Files.readString(dir.resolve("rowguard/checksums.sha256")))
        .containsMatch("(?m)^[0-9a-f]{64}  rowguard/V1.settings$");
  }

  @Test
  void aChangedApplicationRoleIsDriftOnTheEntity() {
    assertErrorLines(compile(dir, List.of(V1), "-Arowguard.appRole=asset_app"), V1,
        "[RowguardMigrationDrift] the entities differ from the schema that the migrations in "
            + dir.toAbsolutePath() + " lead to (version 1); 1 change:",
        "application role rowguard_app -> asset_app: privileges revoked from rowguard_app and granted to asset_app",
        "Generate the migration, review it and commit the folder: "
            + "mvn compile -Drowguard.generate=\"application role rowguard_app asset_app privileges revoked");
  }

  @Test
  void aVersionWithoutSettingsWasGeneratedForTheDefaultRole() throws IOException {
    Files.delete(dir.resolve("rowguard/V1.settings"));
    Path manifest = dir.resolve(Checksums.FILE);
    Files.writeString(manifest, Files.readString(manifest).replaceAll("(?m)^.*rowguard/V1.settings\n", ""));
    assertThat(compile(dir, List.of(V1))).succeededWithoutWarnings();
    assertThat(compile(dir, List.of(V1), "-Arowguard.appRole=rowguard_app")).succeededWithoutWarnings();
    assertErrorLines(compile(dir, List.of(V1), "-Arowguard.appRole=asset_app"), V1,
        "application role rowguard_app -> asset_app");
  }

  @Test
  void aRecordedRoleIsComparedAsRecorded() {
    assertThat(compile(dir, List.of(V1), "-Arowguard.appRole=asset_app",
        "-Arowguard.migrations.generate=asset app")).succeeded();
    assertThat(compile(dir, List.of(V1), "-Arowguard.appRole=asset_app")).succeededWithoutWarnings();
    assertErrorLines(compile(dir, List.of(V1)), V1, "application role asset_app -> rowguard_app");
  }

  @Test
  void anUnchangedModelIsSilent() {
    Compilation compilation = compile(dir, List.of(V1));
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void driftListsEveryChangeAndTheCommandOnTheEntity() {
    JavaFileObject changed = asset("  @Id UUID id;", "  String name;", "  @Column(length = 80) String serial;",
        "  String owner;", "  Status status;", "  @CheckEnum public enum Status { OPEN, CLOSED, ARCHIVED }");
    assertErrorLines(compile(dir, List.of(changed)), changed,
        "[RowguardMigrationDrift] the entities differ from the schema that the migrations in "
            + dir.toAbsolutePath() + " lead to (version 1); 3 changes:",
        "column mig.asset.owner added (text, nullable)",
        "column mig.asset.serial type varchar(40) -> varchar(80)",
        "values of mig.asset.status: added 'ARCHIVED'",
        "Generate the migration, review it and commit the folder: "
            + "mvn compile -Drowguard.generate=\"column mig asset owner added\"");
  }

  @Test
  void aRemovedNullableColumnIsOnlyAPendingDropWarning() {
    Compilation compilation = compile(dir, List.of(asset("  @Id UUID id;", "  @Column(length = 40) String serial;",
        "  Status status;", "  @CheckEnum public enum Status { OPEN, CLOSED }")));
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining("[RowguardPendingDrop] the entities no longer have column "
        + "mig.asset.name; the database keeps it until a migration drops it, so code that still reads it keeps "
        + "working. Once no deployed code uses it, generate the drop: mvn compile "
        + "-Drowguard.generate=\"drop mig.asset.name\" -Drowguard.allowDataLoss=mig.asset.name");
  }

  @Test
  void anEditedMigrationIsAnErrorNamingTheFileAndTheChecksumToRecord() throws IOException {
    Path file = dir.resolve("V1__initial_schema.sql");
    Files.writeString(file, Files.readString(file) + "\n-- a hand edit\n");
    assertThat(compile(dir, List.of(V1)))
        .hadErrorContaining("[RowguardMigrationChecksum] V1__initial_schema.sql in " + dir.toAbsolutePath()
            + " is not the file Rowguard generated: its checksum is ");
  }

  @Test
  void aMigrationWithoutAChecksumIsAnError() throws IOException {
    Files.writeString(dir.resolve("V2__by_hand.sql"), "SELECT 1;\n");
    assertThat(compile(dir, List.of(V1)))
        .hadErrorContaining("[RowguardMigrationUnrecorded] V2__by_hand.sql in " + dir.toAbsolutePath()
            + " has no line in rowguard/checksums.sha256");
  }

  @Test
  void aRecordedMigrationThatIsGoneIsAnError() throws IOException {
    Files.delete(dir.resolve("V1__initial_schema.sql"));
    assertThat(compile(dir, List.of(V1)))
        .hadErrorContaining("[RowguardMigrationMissing] V1__initial_schema.sql is recorded in "
            + "rowguard/checksums.sha256 but is not in " + dir.toAbsolutePath());
  }

  @Test
  void aNotNullColumnWithoutADefaultIsRefusedWithWhatToDo() {
    JavaFileObject changed = asset("  @Id UUID id;", "  String name;", "  @Column(length = 40) String serial;",
        "  @Column(nullable = false) String owner;", "  Status status;",
        "  @CheckEnum public enum Status { OPEN, CLOSED }");
    assertErrorLinesOn("String owner", compile(dir, List.of(changed), "-Arowguard.migrations.generate=add owner"),
        changed,
        "[RowguardMigrationRefused] migration 'add owner' cannot be generated, and nothing was written:",
        "mig.asset.owner: a NOT NULL column without a default cannot be added to a table that "
            + "has rows; give it a default with @ColumnDefault, or state how to fill the existing rows with "
            + "-Arowguard.migrations.backfill=mig.asset.owner=<SQL expression>");
    assertThat(Files.exists(dir.resolve("rowguard/V2.schema.json"))).isFalse();
  }

  @Test
  void aNullableColumnMadeNotNullWithoutADefaultOrBackfillIsRefusedOnTheField() {
    JavaFileObject changed = asset("  @Id UUID id;", "  @Column(nullable = false) String name;",
        "  @Column(length = 40) String serial;", "  Status status;", "  @CheckEnum public enum Status { OPEN, CLOSED }");
    assertErrorLinesOn("String name", compile(dir, List.of(changed), "-Arowguard.migrations.generate=name required"),
        changed,
        "[RowguardMigrationRefused] migration 'name required' cannot be generated, and nothing was written:",
        "mig.asset.name: a nullable column cannot become NOT NULL without a value for the rows that hold NULL; "
            + "give it a default with @ColumnDefault, state how to fill those rows with "
            + "-Arowguard.migrations.backfill=mig.asset.name=<SQL expression>, or keep it nullable");
    assertThat(Files.exists(dir.resolve("rowguard/V2.schema.json"))).isFalse();
    assertThat(compile(dir, List.of(changed), "-Arowguard.migrations.generate=name required",
        "-Arowguard.migrations.backfill=mig.asset.name='unnamed'")).succeeded();
  }

  @Test
  void aNarrowingAndARemovedEnumValueAreRefusedWithTheirAllowDataLossEntry() {
    JavaFileObject changed = asset("  @Id UUID id;", "  String name;", "  @Column(length = 10) String serial;",
        "  Status status;", "  @CheckEnum public enum Status { OPEN }");
    assertErrorLinesOn("String serial", compile(dir, List.of(changed), "-Arowguard.migrations.generate=narrow"),
        changed,
        "[RowguardMigrationRefused] migration 'narrow' cannot be generated, and nothing was written:",
        "mig.asset.serial: changing its type from varchar(40) to varchar(10) may change or "
            + "reject stored values; acknowledge it with -Arowguard.migrations.allowDataLoss=mig.asset.serial",
        "mig.asset.status: the enum no longer accepts 'CLOSED', which rows may hold; keep the value with "
            + "@CheckEnum(legacyValues = ...), map it with @RenamedFrom on the constant that replaces it, or "
            + "acknowledge the loss with -Arowguard.migrations.allowDataLoss=mig.asset.status");
  }

  @Test
  void aKeyRetypedToATypeWithoutAConversionIsRefusedEvenWhenAcknowledged() {
    JavaFileObject changed = asset("  @Id long id;", "  String name;", "  @Column(length = 40) String serial;",
        "  Status status;", "  @CheckEnum public enum Status { OPEN, CLOSED }");
    assertErrorLinesOn("long id", compile(dir, List.of(changed), "-Arowguard.migrations.generate=long key",
        "-Arowguard.migrations.allowDataLoss=mig.asset.id"), changed,
        "[RowguardMigrationRefused] migration 'long key' cannot be generated, and nothing was written:",
        "mig.asset.id: PostgreSQL cannot convert uuid to bigint, whatever the values; keep its type, or add a "
            + "column of the new type under another name, fill it in a migration written by hand, and remove this one");
    assertThat(Files.exists(dir.resolve("rowguard/V2.schema.json"))).isFalse();
  }

  @Test
  void generationNamesTheFileAndEachStep() {
    JavaFileObject changed = asset("  @Id UUID id;", "  String name;", "  @Column(length = 40) String serial;",
        "  String owner;", "  Status status;", "  @CheckEnum public enum Status { OPEN, CLOSED }");
    Compilation compilation = compile(dir, List.of(changed), "-Arowguard.migrations.generate=Add owner");
    assertThat(compilation).succeeded();
    assertThat(compilation).hadNoteContaining("[RowguardMigrationWritten] wrote V2__add_owner.sql in "
        + dir.toAbsolutePath() + "; review it, then commit the folder:");
    assertThat(compilation).hadNoteContaining("column mig.asset.owner added (text, nullable)");
    assertThat(compile(dir, List.of(changed), "-Arowguard.migrations.generate=again"))
        .hadNoteContaining("[RowguardMigrationUpToDate] nothing to generate for 'again': the migrations in "
            + dir.toAbsolutePath() + " already lead to this model");
  }

  @Test
  void aRelativeFolderIsRefused() {
    assertThat(compile(dir, List.of(V1), "-Arowguard.migrations.dir=src/main/resources/db/migration"))
        .hadErrorContaining("[RowguardMigrationFolder] the migrations folder src/main/resources/db/migration cannot "
            + "be used: the path is relative");
  }
}
