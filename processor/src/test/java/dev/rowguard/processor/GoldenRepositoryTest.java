package dev.rowguard.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The repositories generated for the tests' store model must equal the golden sources, so that a change to the
 * generated code is seen and reviewed. After an intended change, run with {@code -Drowguard.updateGoldens=true}.
 */
class GoldenRepositoryTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden/repositories");

  @ParameterizedTest
  @ValueSource(strings = {"ProductRepositoryJdbc", "ReviewRepositoryJdbc", "StockMovementRepositoryJdbc",
      "StoreRepositoryJdbc"})
  void generatedRepositoryMatchesGolden(String name) throws IOException {
    // No JPA provider maps the store model: its kebab-case enums are Rowguard's alone.
    Compilation compilation = Compilations.compile(Compilations.storeModel(), "-Arowguard.jpaCompatibility=false");
    assertThat(compilation).succeededWithoutWarnings();
    String actual = Compilations.generatedSource(compilation, "dev.rowguard.processor.store." + name);
    Goldens.assertMatches(GOLDEN.resolve(name + ".java.txt"), actual);
  }

  /** The index lists every generated implementation with its interface, so that a framework can register them. */
  @Test
  void repositoryIndexMatchesGolden() throws IOException {
    Compilation compilation = Compilations.compile(Compilations.storeModel(), "-Arowguard.jpaCompatibility=false");
    assertThat(compilation).succeededWithoutWarnings();
    Goldens.assertMatches(GOLDEN.resolve("repositories.txt"), Compilations.repositoryIndex(compilation));
  }

  /**
   * On Citus the primary key is led by the root tenant key: the upserts conflict on it, and rows are still found
   * by the entity's id; everything else is the PostgreSQL target's code.
   */
  @ParameterizedTest
  @ValueSource(strings = {"ProductRepositoryJdbc", "ReviewRepositoryJdbc"})
  void citusTargetRepositoryMatchesGolden(String name) throws IOException {
    Compilation compilation = Compilations.compile(Compilations.storeModel(), "-Arowguard.jpaCompatibility=false",
        "-Arowguard.target=citus");
    assertThat(compilation).succeededWithoutWarnings();
    String actual = Compilations.generatedSource(compilation, "dev.rowguard.processor.store." + name);
    Goldens.assertMatches(GOLDEN.resolve("citus").resolve(name + ".java.txt"), actual);
  }
}
