package dev.rowguard.processor.migrate;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.rowguard.processor.migrate.MigrationCompiler.compile;
import static dev.rowguard.processor.migrate.MigrationCompiler.source;

import com.google.testing.compile.Compilation;
import dev.rowguard.schema.migrate.Checksums;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A history as {@code rowguard-cli align} starts it on an adopted database: no V1 (Flyway's baseline is the
 * database as it was), a {@code V2__align_with_model.sql}, the snapshot of the model it leads to and the manifest.
 * The processor continues from it: no drift for the same entities, the next change drifts from version 2.
 */
class AlignedHistoryTest {
  private static final JavaFileObject ASSET = source("Asset",
      "@Entity public class Asset {",
      "  @Id UUID id;",
      "  String name;",
      "}");

  @Test
  void theProcessorContinuesFromAnAlignedHistory(@TempDir Path scratch, @TempDir Path dir) throws IOException {
    assertThat(compile(scratch, List.of(ASSET), "-Arowguard.migrations.generate=initial schema")).succeeded();
    String snapshot = Files.readString(scratch.resolve("rowguard/V1.schema.json"), StandardCharsets.UTF_8);
    String migration = "-- V2__align_with_model.sql: 1 change.\nALTER TABLE mig.asset ADD COLUMN name text;\n";
    Files.createDirectories(dir.resolve("rowguard"));
    Files.writeString(dir.resolve("V2__align_with_model.sql"), migration, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("rowguard/V2.schema.json"), snapshot, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve(Checksums.FILE), new Checksums(Map.of())
        .with("V2__align_with_model.sql", migration).with("rowguard/V2.schema.json", snapshot).render());

    assertThat(compile(dir, List.of(ASSET))).succeededWithoutWarnings();

    JavaFileObject changed = source("Asset", "@Entity public class Asset {", "  @Id UUID id;", "  String name;",
        "  String owner;", "}");
    Compilation drifted = compile(dir, List.of(changed));
    assertThat(drifted).hadErrorContaining("lead to (version 2); 1 change:");
  }
}
