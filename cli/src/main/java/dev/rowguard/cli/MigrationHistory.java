package dev.rowguard.cli;

import dev.rowguard.schema.Schema;
import dev.rowguard.schema.SchemaJson;
import dev.rowguard.schema.migrate.Checksums;
import dev.rowguard.schema.migrate.MigrationFile;
import dev.rowguard.schema.migrate.VersionSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Flyway migrations folder that align adds to, in the layout the processor keeps: {@code V<n>__*.sql}, and in
 * {@code rowguard/} the model each version leads to ({@code V<n>.schema.json}) and the checksum manifest. So the
 * next build with {@code -Arowguard.migrations.dir} continues the history from the aligned model.
 */
final class MigrationHistory {
  /** The version of the database as it is, before Rowguard: Flyway's baseline when the folder is empty. */
  static final int BASELINE = 1;
  private static final Pattern VERSION = Pattern.compile("V(\\d+)(?:\\.\\d+)?__.+\\.sql");

  private MigrationHistory() {}

  /** The highest version in {@code dir}, or {@link #BASELINE} when it has none. */
  static int lastVersion(Path dir) throws CliException {
    if (!Files.isDirectory(dir)) {
      return BASELINE;
    }
    int last = BASELINE;
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.toList()) {
        Matcher matcher = VERSION.matcher(file.getFileName().toString());
        if (matcher.matches()) {
          last = Math.max(last, Integer.parseInt(matcher.group(1)));
        }
      }
    } catch (IOException e) {
      throw new CliException("cannot list --migrations " + dir + ": " + e.getMessage(), e);
    }
    return last;
  }

  /**
   * Writes the migration's files, the snapshot of {@code target}, the settings (the role granted to) and the
   * manifest; returns the paths written.
   */
  static List<String> write(Path dir, int version, List<MigrationFile> migration, Schema target, String appRole)
      throws CliException {
    try {
      Files.createDirectories(dir.resolve("rowguard"));
      Path manifest = dir.resolve(Checksums.FILE);
      Checksums sums = Files.isRegularFile(manifest)
          ? Checksums.parse(Files.readString(manifest, StandardCharsets.UTF_8)) : new Checksums(Map.of());
      List<String> written = new ArrayList<>();
      for (MigrationFile file : migration) {
        Files.writeString(dir.resolve(file.name()), file.content(), StandardCharsets.UTF_8);
        sums = sums.with(file.name(), file.content());
        written.add(file.name());
      }
      String snapshot = SchemaJson.write(target);
      String snapshotPath = "rowguard/V" + version + ".schema.json";
      Files.writeString(dir.resolve(snapshotPath), snapshot, StandardCharsets.UTF_8);
      written.add(snapshotPath);
      String settings = new VersionSettings(appRole).render();
      String settingsPath = VersionSettings.path(version);
      Files.writeString(dir.resolve(settingsPath), settings, StandardCharsets.UTF_8);
      written.add(settingsPath);
      Files.writeString(manifest, sums.with(snapshotPath, snapshot).with(settingsPath, settings).render(),
          StandardCharsets.UTF_8);
      written.add(Checksums.FILE);
      return written;
    } catch (IOException e) {
      throw new CliException("cannot write to --migrations " + dir + ": " + e.getMessage(), e);
    }
  }
}
