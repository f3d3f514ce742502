package dev.rowguard.processor.migrate;

import dev.rowguard.processor.diagnostics.Location;
import dev.rowguard.processor.diagnostics.Message;
import dev.rowguard.processor.diagnostics.Reporter;
import dev.rowguard.schema.Column;
import dev.rowguard.schema.Schema;
import dev.rowguard.schema.Table;
import dev.rowguard.schema.migrate.Change;
import dev.rowguard.schema.migrate.Checksums;
import dev.rowguard.schema.migrate.MigrationFile;
import dev.rowguard.schema.migrate.MigrationRules;
import dev.rowguard.schema.migrate.MigrationScript;
import dev.rowguard.schema.migrate.PendingDrop;
import dev.rowguard.schema.migrate.Plan;
import dev.rowguard.schema.migrate.Refusal;
import dev.rowguard.schema.migrate.SchemaDiff;
import dev.rowguard.schema.migrate.VersionSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * The drift check and the generation of the next migration, run on the complete model only (the processor calls
 * it where it writes {@code schema.sql}). The folder is verified first (every file as generated, or as
 * deliberately recorded); then the model is compared with the last snapshot. Without {@code generate}, any change
 * is one error listing them all, and pending drops are a warning; with it, the next version is written, or refused.
 */
public final class MigrationCheck {
  /** The Maven property the README wires to {@value MigrationOptions#GENERATE}. */
  static final String COMMAND = "mvn compile -Drowguard.generate=\"%s\"";

  private final Elements elements;
  private final Reporter reporter;
  private final MigrationOptions options;
  private final String appRole;

  public MigrationCheck(Elements elements, Reporter reporter, Map<String, String> processorOptions, String appRole) {
    this.elements = elements;
    this.reporter = reporter;
    this.options = MigrationOptions.from(processorOptions);
    this.appRole = appRole;
  }

  /**
   * @param schema the model of this compilation
   * @param schemaJson its {@code schema.json}, as written: a last snapshot with the same text means no change
   */
  public void run(Schema schema, String schemaJson) {
    if (!options.enabled()) {
      return;
    }
    Path dir = Path.of(options.dir());
    if (!dir.isAbsolute()) {
      reporter.report(null, Message.MIGRATION_FOLDER, options.dir(), "the path is relative, and the compiler's "
          + "working directory is not the project's");
      return;
    }
    MigrationFolder folder;
    try {
      folder = MigrationFolder.read(dir);
    } catch (IOException | RuntimeException e) {
      reporter.report(null, Message.MIGRATION_FOLDER, dir, e.toString());
      return;
    }
    if (!verified(folder)) {
      return;
    }
    String previousRole = folder.previousSettings().appRole();
    if (options.generate() == null && folder.lastSnapshot().filter(schemaJson::equals).isPresent()
        && previousRole.equals(appRole)) {
      return; // The model and role are the ones the last version leads to: nothing changed, nothing is pending.
    }
    Schema previous;
    try {
      previous = folder.previousModel();
    } catch (RuntimeException e) {
      reporter.report(null, Message.MIGRATION_SNAPSHOT, folder.lastVersion(),
          MigrationFolder.snapshotPath(folder.lastVersion()), dir, e.getMessage());
      return;
    }
    MigrationRules rules = new MigrationRules(options.allowDataLoss(), options.backfills());
    Plan plan = SchemaDiff.plan(previous, previousRole, schema, new RenamesReader(elements).read(schema), rules,
        appRole);
    if (options.generate() != null) {
      generate(folder, schema, plan);
    } else {
      report(folder, schema, plan);
    }
  }

  /** Every tracked file is in the manifest with its checksum, and every file the manifest lists is there. */
  private boolean verified(MigrationFolder folder) {
    boolean ok = true;
    String manifest = Checksums.FILE;
    for (Map.Entry<String, String> file : folder.files().entrySet()) {
      String actual = Checksums.of(file.getValue());
      String recorded = folder.checksums().byFile().get(file.getKey());
      if (recorded == null) {
        reporter.report(null, Message.MIGRATION_UNRECORDED, file.getKey(), folder.dir(), manifest, actual,
            file.getKey());
        ok = false;
      } else if (!recorded.equals(actual)) {
        reporter.report(null, Message.MIGRATION_CHECKSUM, file.getKey(), folder.dir(), actual, recorded, recorded,
            actual, manifest);
        ok = false;
      }
    }
    for (String file : folder.olderSnapshots()) {
      if (!folder.checksums().byFile().containsKey(file)) {
        reporter.report(null, Message.MIGRATION_UNRECORDED, file, folder.dir(), manifest, checksumOf(folder, file),
            file);
        ok = false;
      }
    }
    for (String file : folder.checksums().byFile().keySet()) {
      if (!folder.has(file)) {
        reporter.report(null, Message.MIGRATION_FILE_MISSING, file, manifest, folder.dir());
        ok = false;
      }
    }
    if (ok && folder.lastVersion() > 0 && folder.lastSnapshot().isEmpty()) {
      reporter.report(null, Message.MIGRATION_SNAPSHOT, folder.lastVersion(),
          MigrationFolder.snapshotPath(folder.lastVersion()), folder.dir(), "the file is missing");
      ok = false;
    }
    return ok;
  }

  /** The checksum of a file whose content was not read, for the message that asks to record it. */
  private static String checksumOf(MigrationFolder folder, String file) {
    try {
      return Checksums.of(Files.readString(folder.dir().resolve(file), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  private void report(MigrationFolder folder, Schema schema, Plan plan) {
    if (!plan.changes().isEmpty() || !plan.refusals().isEmpty()) {
      List<String> lines = new ArrayList<>();
      plan.changes().forEach(c -> lines.add("  " + c.summary() + (c.destructive() ? " [DATA LOSS]" : "")));
      plan.refusals().forEach(r -> lines.add("  needs a decision before it can be generated: " + r.describe()));
      String version = folder.lastVersion() == 0 ? "no version yet" : "version " + folder.lastVersion();
      int count = plan.changes().size();
      reporter.report(location(schema, plan), Message.MIGRATION_DRIFT, folder.dir(), version,
          count + (count == 1 ? " change" : " changes"), String.join("\n", lines),
          String.format(COMMAND, suggestedDescription(folder, plan)));
    }
    for (PendingDrop drop : plan.pendingDrops()) {
      reporter.report(null, Message.PENDING_DROP, drop.describe(), String.format(COMMAND, "drop " + drop.subject())
          + " -Drowguard.allowDataLoss=" + drop.subject());
    }
  }

  private void generate(MigrationFolder folder, Schema schema, Plan plan) {
    if (!plan.refusals().isEmpty()) {
      List<String> subjects = new ArrayList<>(plan.refusals().stream().map(Refusal::subject).toList());
      schema.tables().stream().findFirst().ifPresent(t -> subjects.add(t.name().toString())); // rowguard.target
      reporter.report(location(schema, subjects, true),
          Message.MIGRATION_REFUSED, options.generate(), plan.refusals().stream()
          .map(r -> "  " + r.describe()).collect(Collectors.joining("\n")));
      return;
    }
    if (plan.changes().isEmpty()) {
      reporter.report(null, Message.MIGRATION_UP_TO_DATE, options.generate(), folder.dir());
      report(folder, schema, plan);
      return;
    }
    int version = folder.lastVersion() + 1;
    List<MigrationFile> files = version == 1
        ? MigrationScript.initial(options.generate(), plan.target(), appRole)
        : MigrationScript.render(version, options.generate(), plan);
    try {
      folder.write(files, version, plan.target(), new VersionSettings(appRole));
    } catch (IOException e) {
      reporter.report(null, Message.MIGRATION_FOLDER, folder.dir(), "writing version " + version + " failed: " + e);
      return;
    }
    List<String> lines = new ArrayList<>();
    for (Change change : plan.changes()) {
      lines.add("  " + change.summary() + (change.destructive() ? " [DATA LOSS: " + change.dataLoss() + "]" : ""));
    }
    plan.pendingDrops().forEach(d -> lines.add("  kept for now (pending drop): " + d.describe()));
    reporter.report(null, Message.MIGRATION_WRITTEN,
        files.stream().map(MigrationFile::name).filter(n -> n.endsWith(".sql")).collect(Collectors.joining(" and ")),
        folder.dir(), String.join("\n", lines));
  }

  /**
   * The entity of the first change's table, so that the IDE shows the error where the change was made; the first
   * entity when no change names a table (the application role changed).
   */
  private Location location(Schema schema, Plan plan) {
    List<String> subjects = new ArrayList<>();
    plan.changes().forEach(c -> subjects.add(c.subject()));
    plan.refusals().stream().map(Refusal::subject).forEach(subjects::add);
    schema.tables().stream().findFirst().ifPresent(t -> subjects.add(t.name().toString()));
    return location(schema, subjects, false);
  }

  /**
   * The entity of the first subject that names a table of this model, or with {@code onField} the field of a
   * column subject (where the decision is written: a default, or keeping it nullable).
   */
  private Location location(Schema schema, List<String> subjects, boolean onField) {
    for (String subject : subjects) {
      for (Table table : schema.tables()) {
        String name = table.name().toString();
        if (subject.equals(name) || subject.startsWith(name + ".")) {
          TypeElement entity = elements.getTypeElement(table.entity());
          if (entity != null) {
            Element field = onField ? field(entity, table, subject.substring(name.length())) : null;
            return Location.of(field != null ? field : entity);
          }
        }
      }
    }
    return null;
  }

  /** The field (or record component) mapped to the column that {@code rest} (".column") names, if declared here. */
  private static Element field(TypeElement entity, Table table, String rest) {
    if (rest.isEmpty()) {
      return null;
    }
    String fieldName = table.column(rest.substring(1)).map(Column::field).orElse(null);
    for (Element member : entity.getEnclosedElements()) {
      if (member.getKind().isField() && member.getSimpleName().contentEquals(String.valueOf(fieldName))) {
        return member;
      }
    }
    return null;
  }

  private static String suggestedDescription(MigrationFolder folder, Plan plan) {
    if (folder.lastVersion() == 0) {
      return "initial schema";
    }
    String first = plan.changes().isEmpty() ? "migration" : plan.changes().get(0).summary();
    String words = first.replaceAll("\\(.*", "").replaceAll("[^A-Za-z0-9_ ]+", " ").trim().replaceAll("\\s+", " ");
    return words.length() > 60 ? words.substring(0, 60).trim() : words;
  }
}
