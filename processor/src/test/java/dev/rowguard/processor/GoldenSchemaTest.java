package dev.rowguard.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generated files of each fixture model must equal the golden files beside it. After an intended change, run
 * with {@code -Drowguard.updateGoldens=true} and review the diff.
 */
class GoldenSchemaTest {
  @ParameterizedTest
  @ValueSource(strings = {"catalog", "inventory", "tenancy", "hierarchy"})
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

  /** The Citus target's files sit in a {@code citus/} folder beside the fixture's PostgreSQL goldens. */
  @ParameterizedTest
  @ValueSource(strings = {"tenancy", "hierarchy"})
  void citusTargetMatchesGolden(String fixture) throws IOException {
    Compilation compilation = Compilations.compile(Compilations.fixture(fixture), "-Arowguard.target=citus");
    assertThat(compilation).succeeded();
    assertGolden(fixture, "citus/schema.sql", Compilations.schemaSql(compilation));
    assertGolden(fixture, "citus/schema.json", Compilations.schemaJson(compilation));
  }

  private static void assertGolden(String fixture, String file, String actual) throws IOException {
    Goldens.assertMatches(Compilations.FIXTURES.resolve(fixture).resolve(file), actual);
  }
}
