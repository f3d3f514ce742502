package dev.rowguard.processor.read;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;

/**
 * The parameter names of the methods a repository inherits from Jakarta Data ({@code BasicRepository},
 * {@code CrudRepository}). Those come from class files, where a compiler may or may not see the names (javac reads
 * them, ECJ answers {@code arg0}), so they are named here from each parameter's role, never from the class file:
 * both compilers then generate the same source. The names are those Jakarta Data's sources use.
 */
final class InheritedParameters {
  private static final String JAKARTA_DATA = "jakarta.data";

  private InheritedParameters() {}

  /** Each parameter's name: the declared one, or for a method Jakarta Data declares, one from its role. */
  static List<String> names(ExecutableElement method) {
    List<? extends VariableElement> parameters = method.getParameters();
    List<String> names = new ArrayList<>();
    if (!declaredByJakartaData(method)) {
      parameters.forEach(p -> names.add(p.getSimpleName().toString()));
      return names;
    }
    Set<String> taken = new HashSet<>();
    for (VariableElement parameter : parameters) {
      String name = role(parameter.asType());
      String unique = name;
      for (int n = 2; !taken.add(unique); n++) {
        unique = name + n;
      }
      names.add(unique);
    }
    return names;
  }

  /** The name of one parameter, as {@link #names} gives it. */
  static String name(VariableElement parameter) {
    ExecutableElement method = (ExecutableElement) parameter.getEnclosingElement();
    return names(method).get(method.getParameters().indexOf(parameter));
  }

  /**
   * The {@code @SuppressWarnings} token an override of {@code method} needs, if any, for a signature it cannot
   * choose. A type variable bounded by a final type ({@code <S extends Task> S insert(S entity)} for a record
   * {@code Task}) draws ECJ's "should not be bounded by the final type" warning, which no narrower token than
   * {@code "all"} suppresses (ECJ maps its finalParameterBound option to none), and which javac does not report
   * (javac ignores {@code "all"}, so it would still report anything else). A
   * varargs parameter of a type that is not reifiable ({@code Sort<T>...}) draws both compilers' "unchecked"
   * heap-pollution warning at each declaration; the body only reads the array.
   */
  static Optional<String> suppression(ExecutableElement method, ExecutableType member) {
    boolean finalBound = member.getTypeVariables().stream()
        .anyMatch(v -> finalType(v.getUpperBound()));
    if (finalBound) {
      return Optional.of("all");
    }
    List<? extends TypeMirror> parameters = member.getParameterTypes();
    if (method.isVarArgs() && !parameters.isEmpty()
        && parameters.get(parameters.size() - 1) instanceof ArrayType array
        && !reifiable(array.getComponentType())) {
      return Optional.of("unchecked");
    }
    return Optional.empty();
  }

  private static boolean finalType(TypeMirror type) {
    if (type instanceof DeclaredType declared) {
      Element element = declared.asElement();
      return element.getKind() == ElementKind.RECORD || element.getKind() == ElementKind.ENUM
          || element.getModifiers().contains(Modifier.FINAL);
    }
    return false;
  }

  /** JLS 4.7: a primitive, a raw or non-generic type, an array of those, or all type arguments unbounded. */
  private static boolean reifiable(TypeMirror type) {
    if (type instanceof ArrayType array) {
      return reifiable(array.getComponentType());
    }
    if (type instanceof DeclaredType declared) {
      return reifiable(declared.getEnclosingType()) && declared.getTypeArguments().stream()
          .allMatch(a -> a instanceof WildcardType w && w.getExtendsBound() == null && w.getSuperBound() == null);
    }
    return type.getKind() != TypeKind.TYPEVAR && type.getKind() != TypeKind.INTERSECTION;
  }

  static boolean declaredByJakartaData(ExecutableElement method) {
    Element owner = method.getEnclosingElement();
    while (owner != null && !(owner instanceof PackageElement)) {
      owner = owner.getEnclosingElement();
    }
    if (owner == null) {
      return false;
    }
    String name = ((PackageElement) owner).getQualifiedName().toString();
    return name.equals(JAKARTA_DATA) || name.startsWith(JAKARTA_DATA + ".");
  }

  /**
   * A name from the parameter's declared type: {@code S}/{@code T} (the entity) is {@code entity}, a List of them
   * {@code entities}, {@code K} {@code id}, Jakarta Data's PageRequest, Order, Sort and Limit as Jakarta Data names
   * them.
   */
  private static String role(TypeMirror type) {
    if (type instanceof TypeVariable variable) {
      // The method's own S, or the repository's T, is the entity; the repository's K is the key.
      Element declaring = variable.asElement().getEnclosingElement();
      return declaring instanceof TypeElement owner && owner.getTypeParameters().indexOf(variable.asElement()) == 1
          ? "id" : "entity";
    }
    if (type.getKind() == TypeKind.ARRAY) {
      return role(((ArrayType) type).getComponentType()) + "s";
    }
    if (type instanceof DeclaredType declared) {
      String name = ((TypeElement) declared.asElement()).getQualifiedName().toString();
      return switch (name) {
        case "jakarta.data.page.PageRequest" -> "pageRequest";
        case "jakarta.data.Order" -> "sortBy";
        case "jakarta.data.Sort" -> "sort";
        case "jakarta.data.Limit" -> "limit";
        case "java.util.List", "java.util.Collection", "java.lang.Iterable", "java.util.stream.Stream" -> "entities";
        default -> {
          String simple = declared.asElement().getSimpleName().toString();
          yield Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
        }
      };
    }
    return "value";
  }
}
