package dev.rowguard.sample;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.rowguard.postgres.CitusClusterAddress;
import dev.rowguard.runtime.SchemaVerifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The sample's Citus history ({@code src/main/citus-migrations}, checked against the model by the {@code -Pcitus}
 * build's drift check), applied to an empty schema on the cluster in Flyway's order, statement by statement: the
 * schema verifier then finds the database equal to the model the jar was built with.
 */
class CitusMigrationHistoryTest {
  private static final Path HISTORY = Path.of("src/main/citus-migrations");

  @Test
  void theCommittedHistoryBuildsTheModelsSchema() throws SQLException, IOException {
    DataSource owner = CitusClusterAddress.fromEnvironment().superuser();
    try (Connection connection = owner.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + SampleApp.SCHEMA + " CASCADE");
    }
    List<Path> files = versions();
    assertWithMessage("the Citus history in %s", HISTORY).that(files).isNotEmpty();
    files.forEach(file -> CitusClusterAddress.applyMigration(owner, file));
    assertThat(SchemaVerifier.fromClasspath().check(owner).differences()).isEmpty();
  }

  /** The history's SQL files in Flyway's order (V2 before V2.1). */
  private static List<Path> versions() throws IOException {
    try (Stream<Path> files = Files.list(HISTORY)) {
      return files.filter(f -> f.getFileName().toString().matches("V\\d+(\\.\\d+)?__.*\\.sql"))
          .sorted(Comparator.comparing((Path f) -> version(f.getFileName().toString()), VERSIONS))
          .toList();
    }
  }

  /** Flyway's version order: part by part, as numbers. */
  private static final Comparator<List<Integer>> VERSIONS = (a, b) -> {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int order = Integer.compare(a.get(i), b.get(i));
      if (order != 0) {
        return order;
      }
    }
    return Integer.compare(a.size(), b.size());
  };

  private static List<Integer> version(String name) {
    return Stream.of(name.substring(1, name.indexOf("__")).split("\\.")).map(Integer::valueOf).toList();
  }
}
