package dev.rowguard.processor.write;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import com.palantir.javapoet.WildcardTypeName;
import dev.rowguard.processor.repository.RepositoryStub;
import java.util.Objects;
import javax.lang.model.element.Modifier;
import javax.sql.DataSource;

/**
 * Renders the stand-in for a repository implementation that could not be generated: the class the real one would
 * be, with its constructor, whose every method throws {@link IllegalStateException} saying why. Code that
 * constructs the implementation then still compiles, so the build shows Rowguard's errors alone, and the stub can
 * never be taken for a working implementation.
 */
public final class RepositoryStubWriter {
  private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

  private RepositoryStubWriter() {}

  public static JavaFile render(RepositoryStub stub) {
    TypeName implemented = stub.typeVariables().isEmpty()
        ? stub.repository()
        : ParameterizedTypeName.get(stub.repository(), stub.typeVariables().toArray(TypeName[]::new));
    TypeSpec.Builder type = TypeSpec.classBuilder(stub.implementation())
        .addJavadoc("Stands in for Rowguard's JDBC implementation of {@link $T}, which was not generated because "
            + "this\ncompilation has Rowguard errors (see the build output). Every method throws\n"
            + "{@link IllegalStateException} saying why; fix the errors and the real implementation replaces it.\n",
            stub.repository())
        .addAnnotation(AnnotationSpec.builder(GENERATED)
            .addMember("value", "$S", "dev.rowguard.processor.RowguardProcessor")
            .build())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addTypeVariables(stub.typeVariables())
        .addSuperinterface(implemented);
    // The real constructor's signature, so that callers compile; nothing is kept, since no method runs SQL.
    type.addMethod(MethodSpec.constructorBuilder()
        .addJavadoc("@param dataSource where connections would come from; required, as by the real implementation\n")
        .addModifiers(Modifier.PUBLIC)
        .addParameter(DataSource.class, "dataSource")
        .addStatement("$T.requireNonNull(dataSource, $S)", Objects.class, "dataSource")
        .build());
    for (RepositoryStub.Method method : stub.methods()) {
      MethodSpec.Builder builder = method.signature().toBuilder();
      if (heapPollution(method.signature())) {
        // javac -Xlint warns at each declaration of a varargs parameter of a generic type; the stub never reads it.
        builder.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class)
            .addMember("value", "$S", "unchecked")
            .build());
      }
      type.addMethod(builder
          .addStatement("throw new $T($S)", IllegalStateException.class,
              stub.repository().simpleName() + "." + method.signature().name() + " was not generated: "
                  + method.reason())
          .build());
    }
    return JavaFile.builder(stub.implementation().packageName(), type.build())
        .skipJavaLangImports(true)
        .indent("  ")
        .build();
  }

  /** Whether the method's varargs parameter has a type that is not reifiable, such as {@code Sort<T>...}. */
  private static boolean heapPollution(MethodSpec signature) {
    if (!signature.varargs() || signature.parameters().isEmpty()) {
      return false;
    }
    TypeName last = signature.parameters().get(signature.parameters().size() - 1).type();
    return last instanceof ArrayTypeName array && !reifiable(array.componentType());
  }

  private static boolean reifiable(TypeName type) {
    if (type instanceof ArrayTypeName array) {
      return reifiable(array.componentType());
    }
    if (type instanceof ParameterizedTypeName parameterized) {
      return (parameterized.enclosingType() == null || reifiable(parameterized.enclosingType()))
          && parameterized.typeArguments().stream().allMatch(RepositoryStubWriter::unboundedWildcard);
    }
    return !(type instanceof TypeVariableName);
  }

  private static boolean unboundedWildcard(TypeName type) {
    return type instanceof WildcardTypeName wildcard && wildcard.lowerBounds().isEmpty()
        && wildcard.upperBounds().stream().allMatch(ClassName.OBJECT::equals);
  }
}
