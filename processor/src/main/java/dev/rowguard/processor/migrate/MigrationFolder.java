package dev.rowguard.processor.migrate;

import dev.rowguard.schema.Schema;
import dev.rowguard.schema.SchemaJson;
import dev.rowguard.schema.migrate.Checksums;
import dev.rowguard.schema.migrate.MigrationFile;
import dev.rowguard.schema.migrate.VersionSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The committed migrations folder as the processor sees it: Flyway's {@code V<n>__*.sql} files (and their
 * {@code .conf}), and in {@code rowguard/} the model each version leads to ({@code V<n>.schema.json}), the settings
 * it was generated with ({@code V<n>.settings}, absent in versions generated before they were recorded) and the
 * checksum manifest. Only the last snapshot is read: the previous model never needs a database or a replay, and
 * the older snapshots (a few MB each for a large model) are history that nothing reads again.
 *
 * @param dir the folder
 * @param files the content of every migration file and of the last snapshot and settings, by path relative to the
 *     folder
 * @param olderSnapshots the paths of the other snapshots and settings, whose content is not read
 * @param checksums the manifest; empty when there is none yet
 * @param lastVersion the highest major version, 0 for an empty folder
 */
record MigrationFolder(
    Path dir, Map<String, String> files, Set<String> olderSnapshots, Checksums checksums, int lastVersion) {
  private static final Pattern MIGRATION = Pattern.compile("V(\\d+)(?:\\.\\d+)?__.+\\.sql(?:\\.conf)?");
  private static final Pattern VERSION_RECORD = Pattern.compile("V(\\d+)\\.(?:schema\\.json|settings)");

  static MigrationFolder read(Path dir) throws IOException {
    Map<String, String> files = new TreeMap<>();
    int last = 0;
    for (Path file : matching(dir, MIGRATION)) {
      files.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
      last = Math.max(last, version(MIGRATION, file));
    }
    Set<String> olderSnapshots = new TreeSet<>();
    for (Path file : matching(dir.resolve("rowguard"), VERSION_RECORD)) {
      String path = "rowguard/" + file.getFileName();
      if (version(VERSION_RECORD, file) == last) {
        files.put(path, Files.readString(file, StandardCharsets.UTF_8));
      } else {
        olderSnapshots.add(path);
      }
    }
    Path manifest = dir.resolve(Checksums.FILE);
    Checksums checksums = Files.isRegularFile(manifest)
        ? Checksums.parse(Files.readString(manifest, StandardCharsets.UTF_8))
        : new Checksums(Map.of());
    return new MigrationFolder(dir, files, olderSnapshots, checksums, last);
  }

  /** The files of {@code dir} whose names match {@code pattern}; none when it is no directory. */
  private static List<Path> matching(Path dir, Pattern pattern) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.filter(Files::isRegularFile)
          .filter(file -> pattern.matcher(file.getFileName().toString()).matches())
          .toList();
    }
  }

  private static int version(Pattern pattern, Path file) {
    Matcher matcher = pattern.matcher(file.getFileName().toString());
    if (!matcher.matches()) {
      throw new IllegalArgumentException(file.toString());
    }
    return Integer.parseInt(matcher.group(1));
  }

  /** Whether the folder holds {@code path}, read or not. */
  boolean has(String path) {
    return files.containsKey(path) || olderSnapshots.contains(path);
  }

  static String snapshotPath(int version) {
    return "rowguard/V" + version + ".schema.json";
  }

  /** The model the last version leads to; empty when the folder has no version yet. */
  Optional<String> lastSnapshot() {
    return lastVersion == 0 ? Optional.empty() : Optional.ofNullable(files.get(snapshotPath(lastVersion)));
  }

  Schema previousModel() {
    return lastSnapshot().map(SchemaJson::read).orElse(Schema.of(List.of()));
  }

  /** The settings the last version was generated with; the defaults when it recorded none. */
  VersionSettings previousSettings() {
    String text = lastVersion == 0 ? null : files.get(VersionSettings.path(lastVersion));
    return text == null ? VersionSettings.DEFAULTS : VersionSettings.parse(text);
  }

  /** Writes the files of a new version, its snapshot and settings, then the manifest that records them. */
  void write(List<MigrationFile> migration, int version, Schema target, VersionSettings settings)
      throws IOException {
    Files.createDirectories(dir.resolve("rowguard"));
    Checksums sums = checksums;
    for (MigrationFile file : migration) {
      Files.writeString(dir.resolve(file.name()), file.content(), StandardCharsets.UTF_8);
      sums = sums.with(file.name(), file.content());
    }
    String snapshot = SchemaJson.write(target);
    Files.writeString(dir.resolve(snapshotPath(version)), snapshot, StandardCharsets.UTF_8);
    sums = sums.with(snapshotPath(version), snapshot);
    Files.writeString(dir.resolve(VersionSettings.path(version)), settings.render(), StandardCharsets.UTF_8);
    sums = sums.with(VersionSettings.path(version), settings.render());
    Files.writeString(dir.resolve(Checksums.FILE), sums.render(), StandardCharsets.UTF_8);
  }
}
