package dev.rowguard.processor.read;

import dev.rowguard.processor.diagnostics.Reporter;
import dev.rowguard.processor.repository.JavaType;
import dev.rowguard.processor.repository.MethodSignature;
import dev.rowguard.processor.repository.RepositoryModel;
import dev.rowguard.processor.repository.RepositoryStub;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads the shape of one {@code @Repository} interface into a {@link RepositoryStub}, for a compilation whose
 * repositories are not generated because it has Rowguard errors: the interface's name, type variables and
 * abstract methods, and for each method the errors reported on it (or on its parameters, or else on the
 * interface). It reports nothing itself: {@link RepositoryReader} has already said what is wrong. A type that no
 * generated top-level class could implement (a class, a private or local interface) gets no stub.
 */
public final class RepositoryStubReader {
  /** Why a method throws when nothing was reported on it: the errors are elsewhere in the model. */
  public static final String MODEL_HAS_ERRORS = "the model has errors, see the build output";

  private final Elements elements;
  private final Types types;
  private final Reporter reporter;

  public RepositoryStubReader(Elements elements, Types types, Reporter reporter) {
    this.elements = elements;
    this.types = types;
    this.reporter = reporter;
  }

  /** The stub of {@code repository}, or empty when nothing can implement it. */
  public Optional<RepositoryStub> read(TypeElement repository) {
    if (repository.getKind() != ElementKind.INTERFACE || !implementable(repository)) {
      return Optional.empty();
    }
    DeclaredType type = (DeclaredType) repository.asType();
    List<String> onInterface = reporter.errorsOn(repository);
    List<RepositoryStub.Method> methods = new ArrayList<>();
    for (ExecutableElement method : InterfaceMethods.abstractMethods(repository, elements, types)) {
      List<String> errors = errorsOn(method);
      String reason = String.join("; ", !errors.isEmpty() ? errors
          : !onInterface.isEmpty() ? onInterface
          : List.of(MODEL_HAS_ERRORS));
      methods.add(new RepositoryStub.Method(MethodSignatures.override(method, type, types), reason));
    }
    JavaType.Declared name = ModelTypes.of(repository);
    List<MethodSignature.TypeParameter> typeVariables = repository.getTypeParameters().stream()
        .map(ModelTypes::parameter)
        .toList();
    return Optional.of(new RepositoryStub(name, typeVariables, RepositoryModel.implementationOf(name), methods));
  }

  private List<String> errorsOn(ExecutableElement method) {
    List<String> errors = new ArrayList<>(reporter.errorsOn(method));
    for (VariableElement parameter : method.getParameters()) {
      errors.addAll(reporter.errorsOn(parameter));
    }
    return errors;
  }

  /** Whether a top-level class of the interface's package can implement it: no private or local type on the way. */
  private static boolean implementable(TypeElement repository) {
    for (Element e = repository; e instanceof TypeElement type; e = e.getEnclosingElement()) {
      if (type.getModifiers().contains(Modifier.PRIVATE)
          || type.getNestingKind() == NestingKind.LOCAL || type.getNestingKind() == NestingKind.ANONYMOUS) {
        return false;
      }
    }
    return true;
  }
}
