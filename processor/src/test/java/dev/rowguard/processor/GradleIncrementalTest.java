package dev.rowguard.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import dev.rowguard.processor.read.BuildIndex;
import dev.rowguard.schema.SchemaJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.FileObject;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** What Gradle's incremental annotation processing needs of the processor. */
final class GradleIncrementalTest {
  private static final String STORE = "dev.rowguard.processor.store.";

  @Test
  void theJarDeclaresAnAggregatingProcessor() throws IOException {
    try (InputStream in = RowguardProcessor.class.getClassLoader()
        .getResourceAsStream("META-INF/gradle/incremental.annotation.processors")) {
      assertThat(in).isNotNull();
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo(RowguardProcessor.class.getName() + ",aggregating\n");
    }
  }

  @Test
  void everyGeneratedFileNamesAllTheDeclarationsItIsReadFrom() {
    Map<String, Set<String>> originating = new TreeMap<>();
    Compilation compilation =
        javac().withProcessors(new RecordingOriginatingElements(originating)).compile(Compilations.storeModel());
    assertThat(compilation).succeeded();

    Set<String> model = new TreeSet<>(List.of("package:dev.rowguard.processor.store", STORE + "Product",
        STORE + "Review", STORE + "StockMovement", STORE + "Store"));
    assertThat(originating.keySet()).containsAtLeast(RowguardProcessor.SCHEMA_SQL, SchemaJson.RESOURCE,
        BuildIndex.RESOURCE, STORE + "ProductRepositoryJdbc", STORE + "ReviewRepositoryJdbc");
    originating.forEach((file, elements) -> {
      assertThat(elements).containsAtLeastElementsIn(model);
      if (file.endsWith("RepositoryJdbc")) {
        assertThat(elements).contains(file.substring(0, file.length() - "Jdbc".length()));
      }
    });
  }

  /** Runs the processor with a filer that records the originating elements of each file it creates. */
  private static final class RecordingOriginatingElements extends AbstractProcessor {
    private final RowguardProcessor processor = new RowguardProcessor();
    private final Map<String, Set<String>> originating;

    RecordingOriginatingElements(Map<String, Set<String>> originating) {
      this.originating = originating;
    }

    @Override
    public synchronized void init(ProcessingEnvironment env) {
      super.init(env);
      Filer filer = env.getFiler();
      Filer recording = new Filer() {
        @Override
        public JavaFileObject createSourceFile(CharSequence name, Element... elements) throws IOException {
          record(name.toString(), elements);
          return filer.createSourceFile(name, elements);
        }

        @Override
        public JavaFileObject createClassFile(CharSequence name, Element... elements) throws IOException {
          record(name.toString(), elements);
          return filer.createClassFile(name, elements);
        }

        @Override
        public FileObject createResource(JavaFileManager.Location location, CharSequence pkg,
            CharSequence relativeName, Element... elements) throws IOException {
          record(relativeName.toString(), elements);
          return filer.createResource(location, pkg, relativeName, elements);
        }

        @Override
        public FileObject getResource(JavaFileManager.Location location, CharSequence pkg,
            CharSequence relativeName) throws IOException {
          return filer.getResource(location, pkg, relativeName);
        }
      };
      processor.init(new ProcessingEnvironment() {
        @Override public Map<String, String> getOptions() { return env.getOptions(); }
        @Override public Messager getMessager() { return env.getMessager(); }
        @Override public Filer getFiler() { return recording; }
        @Override public Elements getElementUtils() { return env.getElementUtils(); }
        @Override public Types getTypeUtils() { return env.getTypeUtils(); }
        @Override public SourceVersion getSourceVersion() { return env.getSourceVersion(); }
        @Override public Locale getLocale() { return env.getLocale(); }
      });
    }

    private void record(String file, Element... elements) {
      Set<String> names = originating.computeIfAbsent(file, f -> new TreeSet<>());
      Arrays.stream(elements).map(e -> e instanceof PackageElement p ? "package:" + p.getQualifiedName()
          : ((TypeElement) e).getQualifiedName().toString()).forEach(names::add);
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
  }
}
