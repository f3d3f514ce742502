package dev.rowguard.processor.read;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ExecutableElement;

/** The signature a generated class overrides a repository method with. */
final class MethodSignatures {
  private MethodSignatures() {}

  /**
   * The override with {@link InheritedParameters}' names, so that it does not depend on the compiler, and the
   * {@code @SuppressWarnings} its signature needs to compile cleanly.
   */
  static MethodSpec override(ExecutableElement method, RepositoryScope scope) {
    MethodSpec signature = MethodSpec.overriding(method, scope.repositoryType, scope.types).build();
    List<String> names = InheritedParameters.names(method);
    List<ParameterSpec> parameters = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      ParameterSpec parameter = signature.parameters().get(i);
      parameters.add(ParameterSpec.builder(parameter.type(), names.get(i))
          .addModifiers(parameter.modifiers())
          .addAnnotations(parameter.annotations())
          .build());
    }
    MethodSpec.Builder builder = MethodSpec.methodBuilder(signature.name());
    InheritedParameters.suppression(method, scope.memberType(method))
        .ifPresent(token -> builder.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class)
            .addMember("value", "$S", token)
            .build()));
    return builder
        .addAnnotations(signature.annotations())
        .addModifiers(signature.modifiers())
        .addTypeVariables(signature.typeVariables())
        .returns(signature.returnType())
        .addParameters(parameters)
        .varargs(signature.varargs())
        .addExceptions(signature.exceptions())
        .build();
  }
}
