package dev.rowguard.processor.read;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** Which fields of an entity class are mapped, through its {@code @MappedSuperclass}es, and what they hold. */
final class EntityFields {
  private EntityFields() {}

  /** Fields that become columns: the entity's own and those of its {@code @MappedSuperclass}es, outermost first. */
  static List<VariableElement> persistent(TypeElement type) {
    List<TypeElement> hierarchy = new ArrayList<>();
    hierarchy.add(type);
    for (TypeElement superclass : superclasses(type)) {
      if (AnnotationValues.has(superclass, Jpa.MAPPED_SUPERCLASS)) {
        hierarchy.add(superclass);
      }
    }
    Collections.reverse(hierarchy);
    List<VariableElement> fields = new ArrayList<>();
    for (TypeElement declaring : hierarchy) {
      for (Element member : declaring.getEnclosedElements()) {
        if (member.getKind() == ElementKind.FIELD
            && !member.getModifiers().contains(Modifier.STATIC)
            && !member.getModifiers().contains(Modifier.TRANSIENT)
            && !AnnotationValues.has(member, Jpa.TRANSIENT)) {
          fields.add((VariableElement) member);
        }
      }
    }
    return fields;
  }

  /** The superclasses up to Object or Record, nearest first. */
  static List<TypeElement> superclasses(TypeElement type) {
    List<TypeElement> result = new ArrayList<>();
    TypeMirror superclass = type.getSuperclass();
    while (superclass.getKind() == TypeKind.DECLARED) {
      TypeElement element = (TypeElement) ((DeclaredType) superclass).asElement();
      if (element.getQualifiedName().contentEquals("java.lang.Object")
          || element.getQualifiedName().contentEquals("java.lang.Record")) {
        break;
      }
      result.add(element);
      superclass = element.getSuperclass();
    }
    return result;
  }

  /** The enum a field of {@code type} holds, when it holds one. */
  static Optional<TypeElement> enumType(TypeMirror type) {
    if (type.getKind() == TypeKind.DECLARED) {
      Element element = ((DeclaredType) type).asElement();
      if (element.getKind() == ElementKind.ENUM) {
        return Optional.of((TypeElement) element);
      }
    }
    return Optional.empty();
  }
}
