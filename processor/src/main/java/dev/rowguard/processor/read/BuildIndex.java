package dev.rowguard.processor.read;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a build's model was read from, written next to {@code schema.sql} as {@link #RESOURCE}: the entities,
 * the {@code @TenantKey} declarations and the Javadoc of the entities and their fields (which class files do not
 * keep). A later compilation that sees only some of these declarations (an IDE's or Gradle's incremental compile,
 * with the previous output on the class path) reads the others back from their class files, so that the model is
 * always whole.
 *
 * @param entities qualified names of the {@code @Entity} types
 * @param tenantKeyDeclarations {@code package:<name>} or the qualified name of each type declaring tenant keys
 * @param docComments the raw Javadoc of each documented entity ({@code <type>}) and field ({@code <type>#<field>})
 */
public record BuildIndex(List<String> entities, List<String> tenantKeyDeclarations, Map<String, String> docComments) {
  public static final String RESOURCE = "META-INF/rowguard/index";
  /** The first line; a different one is an index this version cannot read. */
  static final String HEADER = "rowguard-index 1";

  public BuildIndex {
    entities = List.copyOf(entities);
    tenantKeyDeclarations = List.copyOf(tenantKeyDeclarations);
    docComments = Map.copyOf(docComments);
  }

  /**
   * Reads the text {@link #render()} writes.
   *
   * @return the index, or empty when {@code text} is not one this version wrote
   */
  public static Optional<BuildIndex> parse(String text) {
    String[] lines = text.split("\n", -1);
    if (lines.length == 0 || !lines[0].equals(HEADER)) {
      return Optional.empty();
    }
    List<String> entities = new ArrayList<>();
    List<String> declarations = new ArrayList<>();
    Map<String, String> docs = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i];
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int space = line.indexOf(' ');
      if (space < 0) {
        return Optional.empty();
      }
      String value = line.substring(space + 1);
      switch (line.substring(0, space)) {
        case "entity" -> entities.add(value);
        case "tenant-keys" -> declarations.add(value);
        case "doc" -> {
          int split = value.indexOf(' ');
          if (split < 0) {
            return Optional.empty();
          }
          docs.put(value.substring(0, split), unescape(value.substring(split + 1)));
        }
        default -> {
          return Optional.empty();
        }
      }
    }
    return Optional.of(new BuildIndex(entities, declarations, docs));
  }

  /**
   * One declaration a line, sorted, so that the index does not depend on the order a compiler hands the
   * declarations over (the schema does not either); Javadoc with its line breaks escaped.
   */
  public String render() {
    StringBuilder text = new StringBuilder(HEADER).append('\n')
        .append("# Written by Rowguard: what schema.sql was read from, for incremental compiles. Do not edit.\n");
    entities.stream().sorted().forEach(e -> text.append("entity ").append(e).append('\n'));
    tenantKeyDeclarations.stream().sorted().forEach(d -> text.append("tenant-keys ").append(d).append('\n'));
    docComments.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(doc ->
        text.append("doc ").append(doc.getKey()).append(' ').append(escape(doc.getValue())).append('\n'));
    return text.toString();
  }

  private static String escape(String doc) {
    return doc.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
  }

  private static String unescape(String doc) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < doc.length(); i++) {
      char c = doc.charAt(i);
      if (c == '\\' && i + 1 < doc.length()) {
        char next = doc.charAt(++i);
        text.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next);
      } else {
        text.append(c);
      }
    }
    return text.toString();
  }
}
