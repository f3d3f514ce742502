package dev.rowguard.processor.diagnostics;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/**
 * Where a problem is reported: an element, and the annotation on it that causes the problem when there is one
 * (the IDE then underlines the annotation, not the whole declaration).
 */
public record Location(Element element, AnnotationMirror annotation) {
  public static Location of(Element element) {
    return new Location(element, null);
  }

  public static Location of(Element element, AnnotationMirror annotation) {
    return new Location(element, annotation);
  }
}
