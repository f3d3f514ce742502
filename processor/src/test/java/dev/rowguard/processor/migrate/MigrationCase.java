package dev.rowguard.processor.migrate;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import dev.rowguard.schema.SchemaJson;
import dev.rowguard.schema.ddl.SchemaSqlWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * One change kind end to end: version 1 generated on an empty folder and applied, rows inserted, version 2
 * generated from the edited entities (its files equal to the golden file), applied, the rows asserted, and the
 * catalog compared with a fresh database that ran the {@code schema.sql} of the model version 2 leads to. A build
 * of the edited entities is then silent (only pending drops warn).
 */
final class MigrationCase {
  private static final boolean UPDATE = Boolean.getBoolean("rowguard.updateGoldens");
  static final Path GOLDEN = Path.of("src/test/resources/migrations");

  private final String name;
  private final Path dir;
  private List<JavaFileObject> first = List.of();
  private final List<String> rows = new ArrayList<>();
  private List<JavaFileObject> second = List.of();
  private String[] options = new String[0];
  private String[] everyBuild = new String[0];
  private Function<String, MigrationTarget> databases = MigrationDatabase::create;
  /** Queries and the rows each must return after version 2, in order. */
  private final Map<String, List<String>> expectations = new LinkedHashMap<>();

  MigrationCase(String name, Path dir) {
    this.name = name;
    this.dir = dir;
  }

  MigrationCase from(JavaFileObject... sources) {
    first = List.of(sources);
    return this;
  }

  MigrationCase rows(String... inserts) {
    rows.addAll(List.of(inserts));
    return this;
  }

  MigrationCase to(JavaFileObject... sources) {
    second = List.of(sources);
    return this;
  }

  MigrationCase options(String... generationOptions) {
    options = generationOptions;
    return this;
  }

  /** Options of every build of the case (the target), besides those of the second generation. */
  MigrationCase everyBuild(String... buildOptions) {
    everyBuild = buildOptions;
    return this;
  }

  /** Where the case runs: a database for each name prefix (default: the development server's). */
  MigrationCase on(Function<String, MigrationTarget> factory) {
    databases = factory;
    return this;
  }

  MigrationCase expectRows(String sql, String... expected) {
    expectations.put(sql, List.of(expected));
    return this;
  }

  /** Runs the case; returns the generated version 2 files as one text (for further assertions). */
  String run() {
    generate(first, "initial schema");
    String generated;
    String migratedCatalog;
    try (MigrationTarget migrated = databases.apply("rg_mig_" + name)) {
      migrated.apply(dir, 1);
      if (!rows.isEmpty()) {
        migrated.admin(String.join("\n", rows));
      }
      String[] generation = new String[options.length + 1];
      generation[0] = "-Arowguard.migrations.generate=" + name.replace('_', ' ');
      System.arraycopy(options, 0, generation, 1, options.length);
      Compilation compilation = compile(second, generation);
      assertWithMessage(MigrationCompiler.messages(compilation)).that(compilation.errors()).isEmpty();
      generated = versionText(2);
      assertGolden(generated);
      migrated.apply(dir, 2);
      expectations.forEach((query, expected) ->
          assertWithMessage(query).that(migrated.rows(query)).containsExactlyElementsIn(expected).inOrder());
      migratedCatalog = migrated.catalog(MigrationCompiler.SCHEMA);
    }
    // One after the other: a cluster holds one database, so the fresh schema takes the migrated one's place.
    try (MigrationTarget fresh = databases.apply("rg_fresh_" + name)) {
      String snapshot = read(dir.resolve("rowguard/V2.schema.json"));
      fresh.asOwner(SchemaSqlWriter.render(SchemaJson.read(snapshot), MigrationDatabase.APP_ROLE));
      assertThat(migratedCatalog).isEqualTo(fresh.catalog(MigrationCompiler.SCHEMA));
    }
    Compilation again = compile(second);
    assertWithMessage(MigrationCompiler.messages(again)).that(again.errors()).isEmpty();
    for (Diagnostic<? extends JavaFileObject> warning : again.warnings()) {
      assertThat(warning.getMessage(null)).startsWith("[RowguardPendingDrop]");
    }
    return generated;
  }

  private Compilation compile(List<JavaFileObject> sources, String... generation) {
    List<String> all = new ArrayList<>(List.of(everyBuild));
    all.addAll(List.of(generation));
    return MigrationCompiler.compile(dir, sources, all.toArray(String[]::new));
  }

  private void generate(List<JavaFileObject> sources, String description) {
    Compilation compilation = compile(sources, "-Arowguard.migrations.generate=" + description);
    assertWithMessage(MigrationCompiler.messages(compilation)).that(compilation.errors()).isEmpty();
  }

  /** The files of one version, each under a line with its name. */
  String versionText(int version) {
    StringBuilder text = new StringBuilder();
    for (Path file : MigrationDatabase.versionFiles(dir, version)) {
      text.append("==> ").append(file.getFileName()).append('\n').append(read(file));
      if (Files.exists(Path.of(file + ".conf"))) {
        text.append("==> ").append(file.getFileName()).append(".conf\n").append(read(Path.of(file + ".conf")));
      }
    }
    return text.toString();
  }

  void assertGolden(String actual) {
    Path golden = GOLDEN.resolve(name + ".sql");
    try {
      if (UPDATE || !Files.exists(golden)) {
        Files.createDirectories(GOLDEN);
        Files.writeString(golden, actual, StandardCharsets.UTF_8);
        if (!UPDATE) {
          throw new AssertionError("golden file " + golden + " did not exist and was written; review and commit it");
        }
      }
      assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    return MigrationDatabase.read(file);
  }
}
