package dev.rowguard.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generated files of each fixture model must equal the golden files beside it. After an intended change, run
 * with {@code -Drowguard.updateGoldens=true} and review the diff.
 */
class GoldenSchemaTest {
  private static final boolean UPDATE = Boolean.getBoolean("rowguard.updateGoldens");

  @ParameterizedTest
  @ValueSource(strings = {"catalog", "inventory", "tenancy"})
  void schemaSqlMatchesGolden(String fixture) throws IOException {
    Compilation compilation = Compilations.compile(Compilations.fixture(fixture));
    assertThat(compilation).succeeded();
    assertGolden(fixture, "schema.sql", Compilations.schemaSql(compilation));
  }

  @ParameterizedTest
  @ValueSource(strings = {"catalog", "tenancy"})
  void schemaJsonMatchesGolden(String fixture) throws IOException {
    Compilation compilation = Compilations.compile(Compilations.fixture(fixture));
    assertThat(compilation).succeeded();
    assertGolden(fixture, "schema.json", Compilations.schemaJson(compilation));
  }

  private static void assertGolden(String fixture, String file, String actual) throws IOException {
    Path golden = Compilations.FIXTURES.resolve(fixture).resolve(file);
    if (UPDATE || !Files.exists(golden)) {
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
      if (!UPDATE) {
        throw new AssertionError("golden file " + golden + " did not exist and was written; review and commit it");
      }
    }
    assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }
}
