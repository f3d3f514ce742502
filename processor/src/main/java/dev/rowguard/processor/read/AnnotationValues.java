package dev.rowguard.processor.read;

import dev.rowguard.processor.diagnostics.Location;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
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
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * One annotation on an element, read through its mirror so that the processor needs none of the annotation
 * classes at run time and can point diagnostics at the annotation itself.
 */
public final class AnnotationValues {
  /**
   * The names of annotation types and attributes, converted once per compilation: javac keeps names as UTF-8 and
   * builds a new {@code String} for each {@code contentEquals}, and the processor asks about fifteen times per field.
   * Per thread, since compilations may run side by side in one JVM; emptied by {@link #forgetNames()}.
   */
  private static final ThreadLocal<IdentityHashMap<Element, String>> NAMES =
      ThreadLocal.withInitial(IdentityHashMap::new);
  /** Each annotation type's default values by attribute, read once rather than merged into every mirror's. */
  private static final ThreadLocal<IdentityHashMap<Element, Map<String, Object>>> DEFAULTS =
      ThreadLocal.withInitial(IdentityHashMap::new);

  private final AnnotationMirror mirror;
  private final Map<? extends ExecutableElement, ? extends AnnotationValue> explicit;
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
    return nameOf(mirror).equals(annotationType);
  }

  private static String nameOf(AnnotationMirror mirror) {
    return NAMES.get().computeIfAbsent(mirror.getAnnotationType().asElement(),
        type -> ((TypeElement) type).getQualifiedName().toString());
  }

  private static String nameOf(ExecutableElement attribute) {
    return NAMES.get().computeIfAbsent(attribute, a -> a.getSimpleName().toString());
  }

  /** Lets go of what was kept of this compilation's elements: called once the processor's round is over. */
  public static void forgetNames() {
    NAMES.remove();
    DEFAULTS.remove();
  }

  private static Map<String, Object> defaults(AnnotationMirror mirror) {
    return DEFAULTS.get().computeIfAbsent(mirror.getAnnotationType().asElement(), type -> {
      Map<String, Object> defaults = new HashMap<>();
      for (ExecutableElement attribute : ElementFilter.methodsIn(type.getEnclosedElements())) {
        AnnotationValue value = attribute.getDefaultValue();
        if (value != null) {
          defaults.put(nameOf(attribute), value.getValue());
        }
      }
      return defaults;
    });
  }

  public AnnotationMirror mirror() {
    return mirror;
  }

  /** Whether the attribute is written in source (not just its default). */
  public boolean isSet(String attribute) {
    for (ExecutableElement written : explicit.keySet()) {
      if (nameOf(written).equals(attribute)) {
        return true;
      }
    }
    return false;
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
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry : explicit.entrySet()) {
      if (nameOf(entry.getKey()).equals(attribute)) {
        return entry.getValue().getValue();
      }
    }
    Object fallback = defaults(mirror).get(attribute);
    if (fallback == null) {
      throw new IllegalArgumentException("@" + nameOf(mirror) + " has no attribute " + attribute);
    }
    return fallback;
  }

}
