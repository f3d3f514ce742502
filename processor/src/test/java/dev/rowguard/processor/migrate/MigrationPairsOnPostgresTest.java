package dev.rowguard.processor.migrate;

import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import dev.rowguard.processor.RandomEntities;
import dev.rowguard.processor.RandomEntities.EntitySpec;
import dev.rowguard.processor.RandomEntities.FieldSpec;
import dev.rowguard.processor.RandomEntities.Kind;
import dev.rowguard.schema.Column;
import dev.rowguard.schema.QualifiedName;
import dev.rowguard.schema.Schema;
import dev.rowguard.schema.SchemaJson;
import dev.rowguard.schema.Table;
import dev.rowguard.schema.ddl.SchemaSqlWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Random pairs (model, edited model; see {@link ModelEdits} for the edits): version 1 generated on an empty folder and applied by a non-superuser owner,
 * two rows inserted in every table, version 2 generated from the edited model (acknowledging, or not, what the
 * edits need) and applied. Either the generation is refused with {@code RowguardMigrationRefused} exactly when
 * something it needs was not given, or the migration applies without an SQL error, keeps every row and every value
 * (renamed columns and tables included; enum values mapped as declared), leads to the catalog a fresh apply of
 * version 2's {@code schema.sql} gives, and a build of the edited model then finds no drift.
 */
class MigrationPairsOnPostgresTest {
  private static final AtomicInteger PAIRS = new AtomicInteger();
  private static MigrationDatabase migrated;
  private static MigrationDatabase fresh;

  @BeforeContainer
  static void createDatabases() {
    migrated = MigrationDatabase.create("rg_pairs_migrated");
    fresh = MigrationDatabase.create("rg_pairs_fresh");
  }

  @AfterContainer
  static void dropDatabases() {
    migrated.close();
    fresh.close();
  }

  @Property(tries = 100, seed = "20261205", shrinking = ShrinkingMode.OFF)
  void editsAreMigratedKeepingEveryRowOrRefused(
      @ForAll("models") List<EntitySpec> model, @ForAll long editSeed, @ForAll long acknowledgementSeed)
      throws IOException {
    String schema = "p" + PAIRS.incrementAndGet();
    ModelEdits edits = ModelEdits.apply(model, editSeed);
    List<EntitySpec> edited = edits.model();
    String story = "edits: " + edits.log + "\nversion 1:\n" + sources(RandomEntities.sources(model))
        + "\nversion 2:\n" + sources(edits.sources());
    Path dir = Files.createTempDirectory("rowguard-pair");
    try {
      Compilation first = MigrationCompiler.compileIn(schema, dir, RandomEntities.sources(model),
          "-Arowguard.migrations.generate=initial schema");
      assertWithMessage(MigrationCompiler.messages(first) + story).that(first.errors()).isEmpty();
      migrated.apply(dir, 1);
      Schema before = snapshot(dir, 1);
      migrated.admin(TableRows.inserts(before));
      Map<String, List<String>> held = new LinkedHashMap<>();
      for (Table table : before.tables()) {
        for (Column column : table.columns()) {
          held.put(table.name() + "." + column.name(), migrated.rows(TableRows.select(table, column.name())));
        }
      }

      EditNeeds needs = EditNeeds.of(schema, model, edited, edits.removed);
      Random acknowledge = new Random(acknowledgementSeed);
      Set<String> allowed = new LinkedHashSet<>();
      needs.allowDataLoss().stream().filter(n -> acknowledge.nextInt(4) > 0).forEach(allowed::add);
      // A removed table is dropped when named, else kept as a pending drop: either way no refusal.
      Set<String> dropped = new LinkedHashSet<>();
      needs.drops().stream().filter(n -> acknowledge.nextBoolean()).forEach(dropped::add);
      allowed.addAll(dropped);
      needs.drops().forEach(n -> Statistics.label("removed table").collect(dropped.contains(n) ? "dropped" : "pending drop"));
      if (!edits.log.stream().filter(l -> l.startsWith("key of ")).toList().isEmpty()) {
        Statistics.label("key edit").collect(needs.unfixable() ? "retyped (refused)" : "generation changed");
      }
      Map<String, String> backfills = new LinkedHashMap<>();
      needs.backfills().forEach((k, v) -> {
        if (acknowledge.nextInt(4) > 0) {
          backfills.put(k, v);
        }
      });
      boolean refusal = needs.unfixable() || allowed.size() < needs.allowDataLoss().size()
          || backfills.size() < needs.backfills().size();
      List<String> options = new ArrayList<>(List.of("-Arowguard.migrations.generate=edited model"));
      if (!allowed.isEmpty()) {
        options.add("-Arowguard.migrations.allowDataLoss=" + String.join(",", allowed));
      }
      if (!backfills.isEmpty()) {
        options.add("-Arowguard.migrations.backfill=" + String.join(";",
            backfills.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
      }
      story = "options: " + options + "\nneeds: " + needs + "\n" + story;
      Compilation second = MigrationCompiler.compileIn(schema, dir, edits.sources(),
          options.toArray(String[]::new));
      String messages = MigrationCompiler.messages(second) + story;
      if (refusal) {
        Statistics.label("outcome").collect("refused");
        assertWithMessage(messages).that(second.errors()).isNotEmpty();
        for (Diagnostic<? extends JavaFileObject> error : second.errors()) {
          assertWithMessage(messages).that(error.getMessage(null)).startsWith("[RowguardMigrationRefused]");
        }
        assertWithMessage(messages).that(MigrationDatabase.versionFiles(dir, 2)).isEmpty();
        return;
      }
      assertWithMessage(messages).that(second.errors()).isEmpty();
      boolean changed = !MigrationDatabase.versionFiles(dir, 2).isEmpty();
      Statistics.label("outcome").collect(changed ? "migrated" : "no schema change");
      if (changed) {
        try {
          migrated.apply(dir, 2);
        } catch (IllegalStateException e) {
          throw new AssertionError(e.getMessage() + "\n" + story, e);
        }
      }
      Schema after = changed ? snapshot(dir, 2) : before;
      assertRowsKept(model, edited, edits.removed, dropped, before, after, held, story);
      fresh.asOwner(SchemaSqlWriter.render(after, MigrationDatabase.APP_ROLE));
      assertWithMessage(story).that(migrated.catalog(schema)).isEqualTo(fresh.catalog(schema));
      Compilation again = MigrationCompiler.compileIn(schema, dir, edits.sources());
      assertWithMessage(MigrationCompiler.messages(again) + story).that(again.errors()).isEmpty();
    } finally {
      delete(dir);
    }
  }

  @Provide
  Arbitrary<List<EntitySpec>> models() {
    return RandomEntities.models();
  }

  /**
   * Two rows in every table the migrated database still has, each column holding what it held (or was mapped to);
   * a removed entity's table gone when its drop was acknowledged, else kept with its rows as they were.
   */
  private static void assertRowsKept(List<EntitySpec> model, List<EntitySpec> edited, Set<Integer> removed,
      Set<String> dropped, Schema before, Schema after, Map<String, List<String>> held, String story) {
    for (int i = 0; i < model.size(); i++) {
      Table old = table(before, model.get(i).table());
      if (removed.contains(i) && dropped.contains(old.name().toString())) {
        assertWithMessage(story).that(migrated.rows("SELECT to_regclass('" + old.name().sql() + "')"))
            .containsExactly("null");
        assertWithMessage(story).that(after.tables().stream().map(Table::name).toList()).doesNotContain(old.name());
        continue;
      }
      EntitySpec continuing = removed.contains(i) ? model.get(i) : edited.get(i);
      Table now = table(after, continuing.table());
      assertWithMessage(story).that(migrated.rows(TableRows.count(now))).containsExactly(String.valueOf(TableRows.ROWS));
      for (Column column : old.columns()) {
        Optional<Column> continued = continued(model.get(i), continuing, column, now);
        if (continued.isEmpty() || !continued.get().sqlType().equals(column.sqlType())) {
          continue; // Dropped as acknowledged, or retyped (the value's text may differ).
        }
        List<String> expected = new ArrayList<>();
        for (String value : held.get(old.name() + "." + column.name())) {
          expected.add(mapped(model.get(i), continuing, column, value));
        }
        assertWithMessage(now.name() + "." + continued.get().name() + "\n" + story)
            .that(migrated.rows(TableRows.select(now, continued.get().name()))).containsExactlyElementsIn(expected)
            .inOrder();
      }
    }
  }

  /** The column of the new table that continues the old one: by field, through {@code @RenamedFrom}, or by name. */
  private static Optional<Column> continued(EntitySpec old, EntitySpec now, Column column, Table table) {
    Optional<FieldSpec> oldField = old.fields().stream().filter(f -> f.name().equals(column.field())).findFirst();
    if (oldField.isPresent()) {
      Optional<FieldSpec> newField = now.fields().stream()
          .filter(f -> EditNeeds.previous(old, f).equals(oldField)).findFirst();
      if (newField.isPresent()) {
        return table.columns().stream().filter(c -> newField.get().name().equals(c.field())).findFirst();
      }
    }
    return table.column(column.name()); // The key, the tenant key, or a pending drop.
  }

  /** What an old stored value becomes: a Level value mapped by {@code @RenamedFrom}, or NULL once removed. */
  private static String mapped(EntitySpec old, EntitySpec now, Column column, String value) {
    boolean level = old.fields().stream().anyMatch(f -> f.name().equals(column.field()) && f.kind() == Kind.ENUM_STRING);
    if (!level || value == null) {
      return value;
    }
    for (String declaration : now.levels()) {
      Matcher renamed = Pattern.compile("@RenamedFrom\\(\"(\\w+)\"\\)").matcher(declaration);
      if (renamed.find() && renamed.group(1).equals(value)) {
        return EditNeeds.stored(declaration);
      }
    }
    return EditNeeds.removedLevels(old.levels(), now.levels()).contains(value) ? null : value;
  }

  private static Table table(Schema model, String name) {
    return model.tables().stream().filter(t -> t.name().name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no table " + name + " in " + model.tables().stream()
            .map(Table::name).map(QualifiedName::toString).toList()));
  }

  private static Schema snapshot(Path dir, int version) {
    return SchemaJson.read(MigrationDatabase.read(dir.resolve("rowguard/V" + version + ".schema.json")));
  }

  private static String sources(List<JavaFileObject> sources) {
    StringBuilder text = new StringBuilder();
    for (JavaFileObject source : sources) {
      try {
        text.append(source.getCharContent(true)).append('\n');
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    }
    return text.toString();
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
