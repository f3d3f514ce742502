package dev.rowguard.processor.write;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import com.palantir.javapoet.WildcardTypeName;
import dev.rowguard.processor.repository.JavaType;
import dev.rowguard.processor.repository.MethodSignature;
import java.util.List;
import javax.lang.model.element.Modifier;

/** The repository model's types and signatures in JavaPoet's terms, for the writers only. */
final class PoetTypes {
  private PoetTypes() {}

  static TypeName of(JavaType type) {
    if (type instanceof JavaType.Primitive primitive) {
      return switch (primitive.keyword()) {
        case "boolean" -> TypeName.BOOLEAN;
        case "byte" -> TypeName.BYTE;
        case "short" -> TypeName.SHORT;
        case "int" -> TypeName.INT;
        case "long" -> TypeName.LONG;
        case "char" -> TypeName.CHAR;
        case "float" -> TypeName.FLOAT;
        case "double" -> TypeName.DOUBLE;
        default -> TypeName.VOID;
      };
    }
    if (type instanceof JavaType.Declared declared) {
      ClassName raw = of(declared);
      return declared.typeArguments().isEmpty()
          ? raw
          : ParameterizedTypeName.get(raw, declared.typeArguments().stream().map(PoetTypes::of)
              .toArray(TypeName[]::new));
    }
    if (type instanceof JavaType.ArrayOf array) {
      return ArrayTypeName.of(of(array.component()));
    }
    if (type instanceof JavaType.Variable variable) {
      return TypeVariableName.get(variable.name());
    }
    JavaType.Wildcard wildcard = (JavaType.Wildcard) type;
    if (wildcard.lower() != null) {
      return WildcardTypeName.supertypeOf(of(wildcard.lower()));
    }
    return WildcardTypeName.subtypeOf(wildcard.upper() == null ? ClassName.OBJECT : of(wildcard.upper()));
  }

  /** The class itself, without type arguments. */
  static ClassName of(JavaType.Declared type) {
    List<String> names = type.simpleNames();
    return ClassName.get(type.packageName(), names.get(0), names.subList(1, names.size()).toArray(String[]::new));
  }

  static TypeVariableName of(MethodSignature.TypeParameter parameter) {
    return TypeVariableName.get(parameter.name(), parameter.bounds().stream().map(PoetTypes::of)
        .toArray(TypeName[]::new));
  }

  /**
   * The public override declared by {@code signature}, {@code @Override} and any {@code @SuppressWarnings} it needs
   * included, with its parameters named by {@code names} (the model's names, where they are not renamed).
   */
  static MethodSpec.Builder override(MethodSignature signature, java.util.function.UnaryOperator<String> names) {
    MethodSpec.Builder builder = MethodSpec.methodBuilder(signature.name()).addAnnotation(Override.class);
    if (signature.suppressedWarning() != null) {
      builder.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class)
          .addMember("value", "$S", signature.suppressedWarning())
          .build());
    }
    builder.addModifiers(Modifier.PUBLIC)
        .addTypeVariables(signature.typeParameters().stream().map(PoetTypes::of).toList())
        .returns(of(signature.returnType()));
    for (MethodSignature.Parameter parameter : signature.parameters()) {
      builder.addParameter(of(parameter.type()), names.apply(parameter.name()));
    }
    return builder.varargs(signature.varargs())
        .addExceptions(signature.thrown().stream().map(PoetTypes::of).toList());
  }
}
