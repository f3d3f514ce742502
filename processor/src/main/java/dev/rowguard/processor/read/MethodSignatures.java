package dev.rowguard.processor.read;

import dev.rowguard.processor.repository.MethodSignature;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.util.Types;

/** The signature a generated class overrides a repository method with. */
final class MethodSignatures {
  private MethodSignatures() {}

  static MethodSignature override(ExecutableElement method, RepositoryScope scope) {
    return override(method, scope.repositoryType, scope.types);
  }

  /**
   * The override of {@code method} in a class implementing {@code repository}: its types as members of the
   * repository, {@link InheritedParameters}' names, so that it does not depend on the compiler, and the
   * {@code @SuppressWarnings} its signature needs to compile cleanly.
   */
  static MethodSignature override(ExecutableElement method, DeclaredType repository, Types types) {
    ExecutableType member = (ExecutableType) types.asMemberOf(repository, method);
    List<String> names = InheritedParameters.names(method);
    List<MethodSignature.Parameter> parameters = new ArrayList<>();
    List<? extends TypeMirror> parameterTypes = member.getParameterTypes();
    for (int i = 0; i < names.size(); i++) {
      parameters.add(new MethodSignature.Parameter(names.get(i), ModelTypes.of(parameterTypes.get(i))));
    }
    List<MethodSignature.TypeParameter> typeParameters = new ArrayList<>();
    for (TypeVariable variable : member.getTypeVariables()) {
      typeParameters.add(ModelTypes.parameter(variable));
    }
    return new MethodSignature(method.getSimpleName().toString(), typeParameters,
        ModelTypes.of(member.getReturnType()), parameters, method.isVarArgs(),
        member.getThrownTypes().stream().map(ModelTypes::of).toList(),
        InheritedParameters.suppression(method, member).orElse(null));
  }
}
