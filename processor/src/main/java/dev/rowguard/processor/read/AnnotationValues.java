package dev.rowguard.processor.read;

import dev.rowguard.processor.diagnostics.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * One annotation on an element, read through its mirror so that the processor needs none of the annotation
 * classes at run time and can point diagnostics at the annotation itself.
 */
public final class AnnotationValues {
  private final AnnotationMirror mirror;
  private final Map<? extends ExecutableElement, ? extends AnnotationValue> explicit;
  private Map<? extends ExecutableElement, ? extends AnnotationValue> withDefaults; // read on first use
  private final Elements elements;
  private final boolean repeated;

  private AnnotationValues(AnnotationMirror mirror, Elements elements) {
    this(mirror, elements, false);
  }

  private AnnotationValues(AnnotationMirror mirror, Elements elements, boolean repeated) {
    this.mirror = mirror;
    this.elements = elements;
    this.repeated = repeated;
    this.explicit = mirror.getElementValues();
  }

  /** The annotation of that qualified type on {@code element}, if present. */
  public static Optional<AnnotationValues> find(Element element, String annotationType, Elements elements) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (isOfType(mirror, annotationType)) {
        return Optional.of(new AnnotationValues(mirror, elements));
      }
    }
    return Optional.empty();
  }

  /** Every occurrence of a repeatable annotation, whether written once or through its container. */
  public static List<AnnotationValues> findRepeated(
      Element element, String annotationType, String containerType, Elements elements) {
    List<AnnotationValues> found = new ArrayList<>();
    find(element, annotationType, elements).ifPresent(found::add);
    find(element, containerType, elements).ifPresent(container -> container.list("value").forEach(value ->
        found.add(new AnnotationValues((AnnotationMirror) value.getValue(), elements, true))));
    return found;
  }

  /**
   * Where to report a problem with this annotation. javac cannot place a diagnostic on one of several repeated
   * annotations (they live in a container it synthesized), so those are reported on the element itself.
   */
  public Location location(Element element) {
    return Location.of(element, repeated ? null : mirror);
  }

  public static boolean has(Element element, String annotationType) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (isOfType(mirror, annotationType)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isOfType(AnnotationMirror mirror, String annotationType) {
    return ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().contentEquals(annotationType);
  }

  private static String nameOf(AnnotationMirror mirror) {
    return ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
  }

  public AnnotationMirror mirror() {
    return mirror;
  }

  /** Whether the attribute is written in source (not just its default). */
  public boolean isSet(String attribute) {
    return explicit.keySet().stream().anyMatch(k -> k.getSimpleName().contentEquals(attribute));
  }

  public String string(String attribute) {
    return (String) value(attribute);
  }

  /** The string attribute when written and not blank. */
  public Optional<String> nonBlank(String attribute) {
    String value = isSet(attribute) ? string(attribute) : "";
    return value.isBlank() ? Optional.empty() : Optional.of(value);
  }

  public int integer(String attribute) {
    return (Integer) value(attribute);
  }

  public boolean bool(String attribute) {
    return (Boolean) value(attribute);
  }

  /** The simple name of an enum constant attribute, e.g. {@code STRING}. */
  public String enumName(String attribute) {
    return ((VariableElement) value(attribute)).getSimpleName().toString();
  }

  public TypeMirror type(String attribute) {
    return (TypeMirror) value(attribute);
  }

  public List<String> strings(String attribute) {
    return list(attribute).stream().map(v -> (String) v.getValue()).toList();
  }

  public List<AnnotationValues> annotations(String attribute) {
    return list(attribute).stream()
        .map(v -> new AnnotationValues((AnnotationMirror) v.getValue(), elements))
        .toList();
  }

  @SuppressWarnings("unchecked")
  private List<? extends AnnotationValue> list(String attribute) {
    Object value = value(attribute);
    return value instanceof List<?> list ? (List<? extends AnnotationValue>) list : List.of();
  }

  private Object value(String attribute) {
    if (withDefaults == null) {
      withDefaults = elements.getElementValuesWithDefaults(mirror);
    }
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry : withDefaults.entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(attribute)) {
        return entry.getValue().getValue();
      }
    }
    throw new IllegalArgumentException("@" + nameOf(mirror) + " has no attribute " + attribute);
  }
}
