package dev.rowguard.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.rowguard.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.function.UnaryOperator;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Types;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A failure inside the processor (here a compiler service that throws) never escapes {@code process()}: it is
 * one {@code RowguardInternalError} on the element being processed, and the build goes on to report the rest.
 */
class InternalErrorTest {
  private static final JavaFileObject ASSET = source("Asset",
      "@Entity public record Asset(@Id UUID id, String hostname) {}");
  private static final JavaFileObject ASSETS = source("Assets",
      "@Repository public interface Assets extends BasicRepository<Asset, UUID> {",
      "  List<Asset> findByHostname(String hostname);",
      "}");

  @Test
  void aFailureWritingARepositoryIsReportedOnTheInterface() {
    Compilation compilation = compile(env -> failing(env, Filer.class, env.getFiler(), "createSourceFile",
        new IllegalStateException("disk full")));
    assertThat(compilation)
        .hadErrorContaining("[RowguardInternalError] Rowguard failed on test.Assets: java.lang.IllegalStateException: "
            + "disk full. This is a bug in Rowguard; please report it with this message")
        .inFile(ASSETS).onLineContaining("interface Assets");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void aFailureReadingAMethodIsReportedOnTheMethod() {
    Compilation compilation = compile(env -> failing(env, Types.class, env.getTypeUtils(), "asMemberOf",
        new IllegalArgumentException("no member type")));
    assertThat(compilation)
        .hadErrorContaining("[RowguardInternalError] Rowguard failed on Assets.findByHostname(String): "
            + "java.lang.IllegalArgumentException: no member type. This is a bug in Rowguard; please report it with "
            + "this message")
        .inFile(ASSETS).onLineContaining("findByHostname");
  }

  private static Compilation compile(UnaryOperator<ProcessingEnvironment> environment) {
    return javac().withProcessors(delegating(new RowguardProcessor(), environment)).compile(ASSET, ASSETS);
  }

  /** The processing environment with one service whose method {@code name} throws {@code failure}. */
  private static <T> ProcessingEnvironment failing(ProcessingEnvironment env, Class<T> service, T real, String name,
      RuntimeException failure) {
    Object broken = Proxy.newProxyInstance(service.getClassLoader(), new Class<?>[] {service},
        (proxy, method, args) -> {
          if (method.getName().equals(name)) {
            throw failure;
          }
          return invoke(method, real, args);
        });
    return (ProcessingEnvironment) Proxy.newProxyInstance(ProcessingEnvironment.class.getClassLoader(),
        new Class<?>[] {ProcessingEnvironment.class},
        (proxy, method, args) -> method.getReturnType() == service ? broken : invoke(method, env, args));
  }

  private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** Runs {@code processor} with the environment {@code environment} makes of javac's. */
  private static Processor delegating(Processor processor, UnaryOperator<ProcessingEnvironment> environment) {
    return new AbstractProcessor() {
      @Override
      public synchronized void init(ProcessingEnvironment env) {
        super.init(env);
        processor.init(environment.apply(env));
      }

      @Override
      public Set<String> getSupportedAnnotationTypes() {
        return processor.getSupportedAnnotationTypes();
      }

      @Override
      public Set<String> getSupportedOptions() {
        return processor.getSupportedOptions();
      }

      @Override
      public SourceVersion getSupportedSourceVersion() {
        return processor.getSupportedSourceVersion();
      }

      @Override
      public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        return processor.process(annotations, round);
      }
    };
  }
}
