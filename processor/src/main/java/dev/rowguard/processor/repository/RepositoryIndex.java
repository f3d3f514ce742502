package dev.rowguard.processor.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The repositories a module's build generated, written as {@link #RESOURCE} so that a framework can register each
 * implementation as its interface without scanning the class path (the Spring Boot starter reads it).
 *
 * @param entries one per generated implementation
 */
public record RepositoryIndex(List<Entry> entries) {
  public static final String RESOURCE = "META-INF/rowguard/repositories";
  /** The first line; a different one is an index this version cannot read. */
  public static final String HEADER = "rowguard-repositories 1";

  public RepositoryIndex {
    entries = List.copyOf(entries);
  }

  /**
   * One generated repository.
   *
   * @param repository the interface's binary name ({@code Class.forName} reads it)
   * @param implementation the generated class's binary name
   * @param tenanted whether it reads tenanted tables (else its table is shared by all tenants)
   */
  public record Entry(String repository, String implementation, boolean tenanted) {
    public static Entry of(RepositoryModel model) {
      return new Entry(binaryName(model.repository()), binaryName(model.implementation()), model.tenanted());
    }

    /** {@code shop.Outer$Inner}: the name a class loader finds the class by. */
    private static String binaryName(JavaType.Declared type) {
      String nested = String.join("$", type.simpleNames());
      return type.packageName().isEmpty() ? nested : type.packageName() + "." + nested;
    }
  }

  /**
   * Reads the text the index writer renders, to keep a previous build's entries in an incremental compile.
   *
   * @return the index, or empty when {@code text} is not one this version wrote
   */
  public static Optional<RepositoryIndex> parse(String text) {
    String[] lines = text.split("\n", -1);
    if (lines.length == 0 || !lines[0].equals(HEADER)) {
      return Optional.empty();
    }
    List<Entry> entries = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i];
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] fields = line.split(" ");
      if (fields.length != 3 || !(fields[2].equals("tenanted") || fields[2].equals("shared"))) {
        return Optional.empty();
      }
      entries.add(new Entry(fields[0], fields[1], fields[2].equals("tenanted")));
    }
    return Optional.of(new RepositoryIndex(entries));
  }
}
