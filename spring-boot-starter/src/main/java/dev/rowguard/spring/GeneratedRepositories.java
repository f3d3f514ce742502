package dev.rowguard.spring;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The repositories Rowguard's processor generated, read from the {@value #RESOURCE} files it writes into each
 * module's output (one per jar or classes directory): no class path scanning.
 */
final class GeneratedRepositories {
  static final String RESOURCE = "META-INF/rowguard/repositories";
  private static final String HEADER = "rowguard-repositories 1";

  /** One line of an index: {@code <interface> <implementation> tenanted|shared}. */
  record Entry(String repository, String implementation, boolean tenanted, URL source) {}

  private GeneratedRepositories() {}

  static List<Entry> find(ClassLoader loader) {
    List<Entry> entries = new ArrayList<>();
    try {
      for (URL url : Collections.list(loader.getResources(RESOURCE))) {
        entries.addAll(read(url));
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + RESOURCE + " from the class path: " + e.getMessage(), e);
    }
    return entries;
  }

  static List<Entry> read(URL url) throws IOException {
    String text;
    try (InputStream in = url.openStream()) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String[] lines = text.split("\n");
    if (lines.length == 0 || !lines[0].equals(HEADER)) {
      throw new IllegalStateException(url + " is not a repository index this Rowguard starter reads (expected"
          + " the first line \"" + HEADER + "\"); build that module with the Rowguard processor of the same"
          + " version as the starter");
    }
    List<Entry> entries = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] fields = line.split(" ");
      if (fields.length != 3 || !(fields[2].equals("tenanted") || fields[2].equals("shared"))) {
        throw new IllegalStateException("line " + (i + 1) + " of " + url + " is not \"<interface> <implementation>"
            + " tenanted|shared\": " + line + "; rebuild that module instead of editing the file");
      }
      entries.add(new Entry(fields[0], fields[1], fields[2].equals("tenanted"), url));
    }
    return entries;
  }
}
