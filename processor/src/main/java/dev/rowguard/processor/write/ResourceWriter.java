package dev.rowguard.processor.write;

import java.io.IOException;
import java.io.Writer;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/** Writes a generated resource to the class output, so that it ships inside the jar. */
public final class ResourceWriter {
  private final Filer filer;

  public ResourceWriter(Filer filer) {
    this.filer = filer;
  }

  /**
   * @param originatingElements the entities the resource is generated from (lets incremental builds know what
   *     to regenerate)
   */
  public void write(String path, String content, Element... originatingElements) throws IOException {
    FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", path, originatingElements);
    try (Writer writer = file.openWriter()) {
      writer.write(content);
    }
  }
}
