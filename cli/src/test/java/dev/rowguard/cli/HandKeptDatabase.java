package dev.rowguard.cli;

import dev.rowguard.postgres.Database;
import dev.rowguard.schema.ddl.PrivilegesSql;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The hand-kept database the runtime's verifier tests use ({@code runtime/src/test/resources/existing-database}):
 * written by hand, not by Rowguard, with each kind of drift and rows that the conversions would reject. Its
 * privileges go to the default application role.
 */
final class HandKeptDatabase {
  static final Path FIXTURES = Path.of("..", "runtime", "src", "test", "resources", "existing-database");
  static final Path MODEL = FIXTURES.resolve("model.json");
  static final String APP_ROLE = "rowguard_app";

  private HandKeptDatabase() {}

  static void create(Database database) {
    try {
      String script = Files.readString(FIXTURES.resolve("existing.sql"), StandardCharsets.UTF_8);
      database.executeScript(PrivilegesSql.createRole(APP_ROLE) + "\n" + script.replace("{{app}}", APP_ROLE));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
