package dev.rowguard.processor.migrate;

import dev.rowguard.schema.Schema;
import dev.rowguard.schema.SchemaJson;
import dev.rowguard.schema.migrate.Checksums;
import dev.rowguard.schema.migrate.MigrationFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The committed migrations folder as the processor sees it: Flyway's {@code V<n>__*.sql} files (and their
 * {@code .conf}), and in {@code rowguard/} the model each version leads to ({@code V<n>.schema.json}) and the
 * checksum manifest. Only the last snapshot is parsed: the previous model never needs a database or a replay.
 *
 * @param dir the folder
 * @param files the content of every file Rowguard tracks, by path relative to the folder
 * @param checksums the manifest; empty when there is none yet
 * @param lastVersion the highest major version, 0 for an empty folder
 */
record MigrationFolder(Path dir, Map<String, String> files, Checksums checksums, int lastVersion) {
  private static final Pattern MIGRATION = Pattern.compile("V(\\d+)(?:\\.\\d+)?__.+\\.sql(?:\\.conf)?");
  private static final Pattern SNAPSHOT = Pattern.compile("V(\\d+)\\.schema\\.json");

  static MigrationFolder read(Path dir) throws IOException {
    Map<String, String> files = new TreeMap<>();
    int last = 0;
    last = Math.max(last, readMatching(dir, "", MIGRATION, files));
    readMatching(dir.resolve("rowguard"), "rowguard/", SNAPSHOT, files);
    Path manifest = dir.resolve(Checksums.FILE);
    Checksums checksums = Files.isRegularFile(manifest)
        ? Checksums.parse(Files.readString(manifest, StandardCharsets.UTF_8))
        : new Checksums(Map.of());
    return new MigrationFolder(dir, files, checksums, last);
  }

  /** Reads the files of {@code dir} whose names match; returns the highest version among them. */
  private static int readMatching(Path dir, String prefix, Pattern pattern, Map<String, String> files)
      throws IOException {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    int last = 0;
    try (Stream<Path> entries = Files.list(dir)) {
      for (Path file : entries.filter(Files::isRegularFile).toList()) {
        Matcher matcher = pattern.matcher(file.getFileName().toString());
        if (matcher.matches()) {
          files.put(prefix + file.getFileName(), Files.readString(file, StandardCharsets.UTF_8));
          last = Math.max(last, Integer.parseInt(matcher.group(1)));
        }
      }
    }
    return last;
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

  /** Writes the files of a new version and its snapshot, then the manifest that records them. */
  void write(List<MigrationFile> migration, int version, Schema target) throws IOException {
    Files.createDirectories(dir.resolve("rowguard"));
    Checksums sums = checksums;
    for (MigrationFile file : migration) {
      Files.writeString(dir.resolve(file.name()), file.content(), StandardCharsets.UTF_8);
      sums = sums.with(file.name(), file.content());
    }
    String snapshot = SchemaJson.write(target);
    Files.writeString(dir.resolve(snapshotPath(version)), snapshot, StandardCharsets.UTF_8);
    sums = sums.with(snapshotPath(version), snapshot);
    Files.writeString(dir.resolve(Checksums.FILE), sums.render(), StandardCharsets.UTF_8);
  }
}
