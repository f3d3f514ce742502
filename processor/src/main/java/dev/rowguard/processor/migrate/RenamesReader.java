package dev.rowguard.processor.migrate;

import dev.rowguard.annotations.RenamedFrom;
import dev.rowguard.processor.read.AnnotationValues;
import dev.rowguard.schema.Column;
import dev.rowguard.schema.QualifiedName;
import dev.rowguard.schema.Schema;
import dev.rowguard.schema.Table;
import dev.rowguard.schema.migrate.Renames;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Reads {@code @RenamedFrom} off the model's entities (old table name), their fields, inherited ones included
 * (old column name), and the constants of enums stored in columns (old stored value, mapped to the constant's
 * value in each column).
 */
final class RenamesReader {
  private static final String RENAMED_FROM = RenamedFrom.class.getCanonicalName();

  private final Elements elements;

  RenamesReader(Elements elements) {
    this.elements = elements;
  }

  Renames read(Schema schema) {
    Map<QualifiedName, QualifiedName> tables = new HashMap<>();
    Map<String, String> columns = new HashMap<>();
    Map<String, Map<String, String>> values = new HashMap<>();
    for (Table table : schema.tables()) {
      TypeElement entity = table.entity() == null ? null : elements.getTypeElement(table.entity());
      if (entity == null) {
        continue;
      }
      renamedFrom(entity).ifPresent(old -> tables.put(table.name(), old.contains(".")
          ? new QualifiedName(old.substring(0, old.indexOf('.')), old.substring(old.indexOf('.') + 1))
          : new QualifiedName(table.name().schema(), old)));
      for (Column column : table.columns()) {
        String subject = table.name() + "." + column.name();
        field(entity, column.field()).flatMap(this::renamedFrom).ifPresent(old -> columns.put(subject, old));
        if (!column.allowedValues().isEmpty()) {
          Map<String, String> mapped = enumValues(column);
          if (!mapped.isEmpty()) {
            values.put(subject, mapped);
          }
        }
      }
    }
    return new Renames(tables, columns, values);
  }

  /** Old stored value → new stored value: a constant's value in the column is at its index among the constants. */
  private Map<String, String> enumValues(Column column) {
    TypeElement type = elements.getTypeElement(column.javaType());
    Map<String, String> mapped = new LinkedHashMap<>();
    if (type == null || type.getKind() != ElementKind.ENUM) {
      return mapped;
    }
    List<? extends Element> constants = type.getEnclosedElements().stream()
        .filter(e -> e.getKind() == ElementKind.ENUM_CONSTANT).toList();
    for (int i = 0; i < constants.size() && i < column.allowedValues().size(); i++) {
      String value = column.allowedValues().get(i);
      renamedFrom(constants.get(i)).ifPresent(old -> mapped.put(old, value));
    }
    return mapped;
  }

  private static Optional<Element> field(TypeElement type, String name) {
    TypeElement current = type;
    while (current != null && name != null) {
      for (Element member : current.getEnclosedElements()) {
        if (member.getKind() == ElementKind.FIELD && member.getSimpleName().contentEquals(name)) {
          return Optional.of(member);
        }
      }
      TypeMirror superclass = current.getSuperclass();
      current = superclass.getKind() == TypeKind.DECLARED
          ? (TypeElement) ((DeclaredType) superclass).asElement()
          : null;
    }
    return Optional.empty();
  }

  private Optional<String> renamedFrom(Element element) {
    return AnnotationValues.find(element, RENAMED_FROM, elements).flatMap(v -> v.nonBlank("value"));
  }
}
