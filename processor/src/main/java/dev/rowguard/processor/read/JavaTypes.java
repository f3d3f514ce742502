package dev.rowguard.processor.read;

import dev.rowguard.processor.shared.TypeNames;
import java.util.List;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/** Names of types as the repository readers compare them and as messages show them. */
final class JavaTypes {
  private JavaTypes() {}

  /** Whether {@code type} is one of {@code names}: a primitive's keyword or a declared type's qualified name. */
  static boolean isNamed(TypeMirror type, String... names) {
    String name = type.getKind().isPrimitive() ? type.toString() : qualifiedNameOrEmpty(type);
    return List.of(names).contains(name);
  }

  static String qualifiedName(DeclaredType type) {
    return ((TypeElement) type.asElement()).getQualifiedName().toString();
  }

  static String qualifiedNameOrEmpty(TypeMirror type) {
    return type instanceof DeclaredType declared ? qualifiedName(declared) : "";
  }

  static String simpleName(TypeMirror type) {
    return readable(type.toString());
  }

  static String readable(Object type) {
    return TypeNames.readable(type);
  }
}
