package dev.rowguard.processor;

import static com.google.common.truth.Truth.assertThat;

import com.google.testing.compile.Compilation;
import dev.rowguard.postgres.Database;
import dev.rowguard.postgres.DevPostgres;
import dev.rowguard.processor.RandomEntities.EntitySpec;
import dev.rowguard.processor.RandomEntities.FieldSpec;
import dev.rowguard.processor.RandomEntities.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Every model the processor accepts must yield DDL that PostgreSQL accepts; every model it rejects must be
 * rejected with Rowguard diagnostics, never with an exception. The models come from {@link RandomEntities}.
 */
class RandomModelsOnPostgresTest {
  private static final List<String> ILLEGAL = List.of("order", "user", "group", "check", "metadata", "left",
      "limit", "authorization", "aVeryLongFieldNameThatKeepsGoingOnAndOnUntilItIsWellPastSixtyThreeBytes");
  private static final AtomicInteger SCHEMAS = new AtomicInteger();
  private static Database database;

  @BeforeContainer
  static void createDatabase() {
    database = DevPostgres.shared().createDatabase("rg_random_models");
  }

  @AfterContainer
  static void dropDatabase() {
    database.close();
  }

  @Property(tries = 200, seed = "20261121")
  void validModelsAreAcceptedAndApplyToPostgres(@ForAll("validModels") List<EntitySpec> model) {
    Compilation compilation = compile(model, "m" + SCHEMAS.incrementAndGet());
    Statistics.label("entities").collect(model.size());
    assertThat(compilation.errors()).isEmpty();
    database.executeScript(Compilations.schemaSql(compilation));
  }

  @Property(tries = 60, seed = "20261121")
  void reservedOrOverlongNamesAreRejectedWithDiagnosticsNeverAnException(
      @ForAll("validModels") List<EntitySpec> model, @ForAll("illegalNames") String illegal) {
    EntitySpec first = model.get(0);
    List<FieldSpec> fields = new ArrayList<>(first.fields());
    fields.add(new FieldSpec(illegal, Kind.STRING, 1, 0, 0));
    List<EntitySpec> broken = new ArrayList<>(model);
    broken.set(0, first.withFields(RandomEntities.dedupe(fields)));
    Compilation compilation = compile(broken, "m" + SCHEMAS.incrementAndGet());
    assertThat(compilation.status()).isEqualTo(Compilation.Status.FAILURE);
    for (Diagnostic<? extends JavaFileObject> error : compilation.errors()) {
      assertThat(error.getMessage(null)).containsMatch("^\\[Rowguard(ReservedName|NameTooLong)\\]");
    }
  }

  private static Compilation compile(List<EntitySpec> model, String schema) {
    return Compilations.compile(RandomEntities.sources(model), "-Arowguard.defaultSchema=" + schema);
  }

  @Provide
  Arbitrary<String> illegalNames() {
    return Arbitraries.of(ILLEGAL);
  }

  @Provide
  Arbitrary<List<EntitySpec>> validModels() {
    return RandomEntities.models();
  }
}
