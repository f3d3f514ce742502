package dev.rowguard.processor.write;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import dev.rowguard.processor.repository.RepositoryStub;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
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
    ClassName repository = PoetTypes.of(stub.repository());
    List<TypeVariableName> typeVariables = stub.typeVariables().stream().map(PoetTypes::of).toList();
    TypeName implemented = typeVariables.isEmpty()
        ? repository
        : ParameterizedTypeName.get(repository, typeVariables.toArray(TypeName[]::new));
    TypeSpec.Builder type = TypeSpec.classBuilder(PoetTypes.of(stub.implementation()))
        .addJavadoc("Stands in for Rowguard's JDBC implementation of {@link $T}, which was not generated because "
            + "this\ncompilation has Rowguard errors (see the build output). Every method throws\n"
            + "{@link IllegalStateException} saying why; fix the errors and the real implementation replaces it.\n",
            repository)
        .addAnnotation(AnnotationSpec.builder(GENERATED)
            .addMember("value", "$S", "dev.rowguard.processor.RowguardProcessor")
            .build())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addTypeVariables(typeVariables)
        .addSuperinterface(implemented);
    // The real constructor's signature, so that callers compile; nothing is kept, since no method runs SQL.
    type.addMethod(MethodSpec.constructorBuilder()
        .addJavadoc("@param dataSource where connections would come from; required, as by the real implementation\n")
        .addModifiers(Modifier.PUBLIC)
        .addParameter(DataSource.class, "dataSource")
        .addStatement("$T.requireNonNull(dataSource, $S)", Objects.class, "dataSource")
        .build());
    for (RepositoryStub.Method method : stub.methods()) {
      type.addMethod(PoetTypes.override(method.signature(), UnaryOperator.identity())
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
}
