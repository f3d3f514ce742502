package dev.rowguard.processor;

import dev.rowguard.processor.diagnostics.Message;
import dev.rowguard.processor.diagnostics.Reporter;
import dev.rowguard.processor.read.BuildIndex;
import dev.rowguard.processor.repository.RepositoryIndex;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * What the previous build of this module left in its class output, for an incremental compile that sees only some
 * of the sources: the index of what the model was read from ({@link BuildIndex}), the index of the generated
 * repositories, and whether the model can be completed from them.
 */
final class PreviousBuild {
  private final ProcessingEnvironment environment;
  /** Null until read. */
  private Optional<BuildIndex> index;
  /** What of the previous build could not be read back, or null; the model cannot be completed then. */
  private String unreadable;

  PreviousBuild(ProcessingEnvironment environment) {
    this.environment = environment;
  }

  /** The model's index, read on first use; empty for a first or clean build, or when unreadable. */
  Optional<BuildIndex> index() {
    if (index == null) {
      index = readIndex();
    }
    return index;
  }

  /** The index the previous build left in the class output (this module's own, not a dependency's). */
  private Optional<BuildIndex> readIndex() {
    String text;
    try {
      FileObject file =
          environment.getFiler().getResource(StandardLocation.CLASS_OUTPUT, "", BuildIndex.RESOURCE);
      try (InputStream in = file.openInputStream()) {
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (FileNotFoundException | NoSuchFileException e) {
      return Optional.empty(); // A first or clean build.
    } catch (IOException | RuntimeException e) {
      unreadable = "the previous build's " + BuildIndex.RESOURCE + " (" + e.getMessage() + ")";
      return Optional.empty();
    }
    Optional<BuildIndex> parsed = BuildIndex.parse(text);
    if (parsed.isEmpty()) {
      unreadable = "the previous build's " + BuildIndex.RESOURCE + ", which this version of Rowguard does not write";
    }
    return parsed;
  }

  /**
   * Whether the model can be completed from the previous build: its index was readable, and every entity it lists
   * that this compilation does not see either has a class file that the class path yields or has none (deleted).
   * A class file in the class output that is not on the class path cannot be read back: warned, nothing written.
   *
   * @param entityNames the entities this compilation sees
   */
  boolean completable(Set<String> entityNames, Reporter reporter) {
    List<String> missing = new ArrayList<>();
    for (String name : index().map(BuildIndex::entities).orElse(List.of())) {
      if (!entityNames.contains(name) && environment.getElementUtils().getTypeElement(name) == null
          && classFileInOutput(name)) {
        missing.add(name);
      }
    }
    if (!missing.isEmpty() && unreadable == null) {
      unreadable = "the class files of " + String.join(", ", missing) + " are in the class output but not on "
          + "the class path; put the output directory on the class path";
    }
    if (unreadable != null) {
      reporter.report(null, Message.INCOMPLETE_MODEL, unreadable);
      return false;
    }
    return true;
  }

  private boolean classFileInOutput(String qualifiedName) {
    int dot = qualifiedName.lastIndexOf('.');
    try {
      FileObject file = environment.getFiler().getResource(StandardLocation.CLASS_OUTPUT,
          dot < 0 ? "" : qualifiedName.substring(0, dot), qualifiedName.substring(dot + 1) + ".class");
      file.openInputStream().close();
      return true;
    } catch (IOException | RuntimeException e) {
      return false; // Gone: the entity was deleted.
    }
  }

  /** The repository index the previous build left in the class output; empty for a first or clean build. */
  RepositoryIndex repositoryIndex() {
    try {
      FileObject file =
          environment.getFiler().getResource(StandardLocation.CLASS_OUTPUT, "", RepositoryIndex.RESOURCE);
      try (InputStream in = file.openInputStream()) {
        return RepositoryIndex.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8))
            .orElse(new RepositoryIndex(List.of()));
      }
    } catch (IOException | RuntimeException e) {
      return new RepositoryIndex(List.of()); // A first or clean build: every repository is generated now.
    }
  }
}
