package dev.rowguard.processor.write;

import dev.rowguard.processor.repository.RepositoryIndex;
import java.util.Comparator;

/**
 * Renders {@link RepositoryIndex#RESOURCE}: a header, then {@code <interface> <implementation> tenanted|shared}
 * a line, sorted by interface so that the file does not depend on the order of rounds or sources.
 */
public final class RepositoryIndexWriter {
  private RepositoryIndexWriter() {}

  public static String render(RepositoryIndex index) {
    StringBuilder text = new StringBuilder(RepositoryIndex.HEADER).append('\n')
        .append("# Written by Rowguard: each generated repository, as <interface> <implementation>"
            + " tenanted|shared. Do not edit.\n");
    index.entries().stream()
        .sorted(Comparator.comparing(RepositoryIndex.Entry::repository))
        .forEach(e -> text.append(e.repository()).append(' ').append(e.implementation()).append(' ')
            .append(e.tenanted() ? "tenanted" : "shared").append('\n'));
    return text.toString();
  }
}
