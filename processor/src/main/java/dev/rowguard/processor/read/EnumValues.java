package dev.rowguard.processor.read;

import dev.rowguard.annotations.CheckEnum;
import dev.rowguard.annotations.StoredValue;
import dev.rowguard.processor.diagnostics.Location;
import dev.rowguard.processor.diagnostics.Message;
import dev.rowguard.processor.diagnostics.Reporter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;

/** Reads how an enum field is stored: the text of each constant, and the legacy values still accepted. */
final class EnumValues {
  private final Elements elements;
  private final Reporter reporter;
  private final boolean jpaCompatibility;
  private final Set<String> reportedEnums = new HashSet<>();

  EnumValues(Elements elements, Reporter reporter, boolean jpaCompatibility) {
    this.elements = elements;
    this.reporter = reporter;
    this.jpaCompatibility = jpaCompatibility;
  }

  /**
   * Every value the column may hold (written values first, then legacy ones), or empty after reporting why the
   * field cannot be stored.
   */
  Optional<List<String>> allowedValues(VariableElement field, TypeElement enumType) {
    Optional<AnnotationValues> checkEnum = checkEnum(field, enumType, elements);
    Optional<AnnotationValues> enumerated = AnnotationValues.find(field, Jpa.ENUMERATED, elements);
    if (checkEnum.isEmpty()) {
      if (enumerated.isEmpty() || !enumerated.get().enumName("value").equals("STRING")) {
        reporter.report(Location.of(field, enumerated.map(AnnotationValues::mirror).orElse(null)),
            Message.ENUM_ORDINAL, field.getSimpleName(), enumType.getQualifiedName());
        return Optional.empty();
      }
      return Optional.of(constants(enumType).stream().map(c -> c.getSimpleName().toString()).toList());
    }
    List<VariableElement> constants = constants(enumType);
    List<String> written = writtenValues(field, enumType, elements);
    Map<String, VariableElement> byValue = new HashMap<>();
    boolean duplicate = false;
    for (int i = 0; i < constants.size(); i++) {
      VariableElement constant = constants.get(i);
      String value = written.get(i);
      VariableElement previous = byValue.putIfAbsent(value, constant);
      if (previous != null) {
        duplicate = true;
        if (!reportedEnums.contains(enumType.getQualifiedName().toString())) {
          AnnotationMirror explicit = AnnotationValues.find(constant, StoredValue.class.getCanonicalName(), elements)
              .map(AnnotationValues::mirror).orElse(null);
          reporter.report(Location.of(constant, explicit), Message.DUPLICATE_STORED_VALUE, previous.getSimpleName(),
              constant.getSimpleName(), enumType.getQualifiedName(), value);
        }
      }
    }
    if (duplicate) {
      reportedEnums.add(enumType.getQualifiedName().toString());
      return Optional.empty();
    }
    if (jpaCompatibility) {
      checkJpaMapping(field, enumType, enumerated, written);
    }
    Set<String> all = new LinkedHashSet<>(written);
    all.addAll(checkEnum.get().strings("legacyValues"));
    return Optional.of(List.copyOf(all));
  }

  /**
   * Warns when a JPA provider mapping the same field would write values the CHECK rejects: the ordinal without
   * {@code @Enumerated(STRING)}, the constant names when the stored values differ from them. A field with
   * {@code @Convert} has its own converter, which Rowguard cannot see into.
   */
  private void checkJpaMapping(
      VariableElement field, TypeElement enumType, Optional<AnnotationValues> enumerated, List<String> written) {
    if (AnnotationValues.has(field, Jpa.CONVERT)) {
      return;
    }
    boolean byName = enumerated.isPresent() && enumerated.get().enumName("value").equals("STRING");
    boolean storedAsNames = written.equals(constants(enumType).stream().map(c -> c.getSimpleName().toString()).toList());
    if (byName && storedAsNames) {
      return;
    }
    String stored = storedAsNames ? "the constant names" : "'" + String.join("', '", written) + "'";
    String jpaWrites = byName ? "the constant names" : "the ordinal";
    String fix = storedAsNames
        ? "Add @Enumerated(EnumType.STRING)"
        : "Map it with @Convert and an AttributeConverter that writes the stored values";
    reporter.report(Location.of(field, enumerated.map(AnnotationValues::mirror).orElse(null)),
        Message.CHECK_ENUM_JPA, field.getSimpleName(), enumType.getQualifiedName(), stored, jpaWrites, fix);
  }

  /**
   * The text each constant of {@code enumType} is written as, in declaration order (legacy values are only read):
   * its {@code @StoredValue}, else its name in the {@code @CheckEnum} case, else (plain {@code @Enumerated(STRING)})
   * its name. The one rule for the schema's CHECK and the repositories' mapping; reports nothing.
   */
  static List<String> writtenValues(VariableElement field, TypeElement enumType, Elements elements) {
    Optional<AnnotationValues> checkEnum = checkEnum(field, enumType, elements);
    CheckEnum.Case storedCase = checkEnum
        .map(values -> CheckEnum.Case.valueOf(values.enumName("storedCase")))
        .orElse(CheckEnum.Case.AS_DECLARED);
    return constants(enumType).stream()
        .map(constant -> AnnotationValues.find(constant, StoredValue.class.getCanonicalName(), elements)
            .filter(explicit -> checkEnum.isPresent())
            .map(explicit -> explicit.string("value"))
            .orElseGet(() -> derived(constant, storedCase)))
        .toList();
  }

  private static Optional<AnnotationValues> checkEnum(VariableElement field, TypeElement enumType, Elements elements) {
    return AnnotationValues.find(field, CheckEnum.class.getCanonicalName(), elements)
        .or(() -> AnnotationValues.find(enumType, CheckEnum.class.getCanonicalName(), elements));
  }

  private static String derived(VariableElement constant, CheckEnum.Case storedCase) {
    String name = constant.getSimpleName().toString();
    return switch (storedCase) {
      case AS_DECLARED -> name;
      case LOWER -> name.toLowerCase(Locale.ROOT);
      case KEBAB -> name.toLowerCase(Locale.ROOT).replace('_', '-');
    };
  }

  private static List<VariableElement> constants(TypeElement enumType) {
    List<VariableElement> constants = new ArrayList<>();
    for (Element member : enumType.getEnclosedElements()) {
      if (member.getKind() == ElementKind.ENUM_CONSTANT) {
        constants.add((VariableElement) member);
      }
    }
    return constants;
  }
}
