package dev.rowguard.processor.read;

import dev.rowguard.processor.repository.JavaType;
import dev.rowguard.processor.repository.MethodSignature.TypeParameter;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.IntersectionType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;

/** The compiler's types as the repository model names them ({@link JavaType}). */
final class ModelTypes {
  private ModelTypes() {}

  static JavaType of(TypeMirror type) {
    TypeKind kind = type.getKind();
    if (kind.isPrimitive() || kind == TypeKind.VOID) {
      return new JavaType.Primitive(kind.name().toLowerCase(java.util.Locale.ROOT));
    }
    return switch (kind) {
      case DECLARED, ERROR -> {
        DeclaredType declared = (DeclaredType) type;
        List<JavaType> arguments = declared.getTypeArguments().stream().map(ModelTypes::of).toList();
        yield of((TypeElement) declared.asElement()).withArguments(arguments);
      }
      case ARRAY -> new JavaType.ArrayOf(of(((ArrayType) type).getComponentType()));
      case TYPEVAR -> new JavaType.Variable(((TypeVariable) type).asElement().getSimpleName().toString());
      case WILDCARD -> {
        WildcardType wildcard = (WildcardType) type;
        yield new JavaType.Wildcard(wildcard.getExtendsBound() == null ? null : of(wildcard.getExtendsBound()),
            wildcard.getSuperBound() == null ? null : of(wildcard.getSuperBound()));
      }
      default -> throw new IllegalArgumentException("a repository cannot name the type " + type);
    };
  }

  static JavaType.Declared of(TypeElement type) {
    List<String> names = new ArrayList<>();
    Element element = type;
    while (element instanceof TypeElement nested) {
      names.add(0, nested.getSimpleName().toString());
      element = nested.getEnclosingElement();
    }
    String packageName = element instanceof PackageElement pkg ? pkg.getQualifiedName().toString() : "";
    return new JavaType.Declared(packageName, names, List.of());
  }

  /** A declared type variable with its bounds, {@code Object} left out. */
  static TypeParameter parameter(TypeParameterElement variable) {
    return new TypeParameter(variable.getSimpleName().toString(), bounds(variable.asType()));
  }

  /** The bounds of a type variable (of a method's type as a member of the repository: resolved). */
  static TypeParameter parameter(TypeVariable variable) {
    return new TypeParameter(variable.asElement().getSimpleName().toString(), bounds(variable));
  }

  private static List<JavaType> bounds(TypeMirror variable) {
    TypeMirror upper = ((TypeVariable) variable).getUpperBound();
    List<? extends TypeMirror> bounds = upper instanceof IntersectionType intersection
        ? intersection.getBounds()
        : List.of(upper);
    return bounds.stream()
        .filter(bound -> !JavaTypes.isNamed(bound, "java.lang.Object"))
        .map(ModelTypes::of)
        .toList();
  }
}
