package dev.rowguard.runtime;

import dev.rowguard.postgres.Database;
import dev.rowguard.runtime.verify.Model;
import dev.rowguard.runtime.verify.ModelJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The hand-kept database of {@code existing-database/existing.sql} and the model it is verified against
 * ({@code existing-database/model.json}, in the processor's form).
 */
final class ExistingDatabase {
  private ExistingDatabase() {}

  static Model model() {
    return ModelJson.read(resource("existing-database/model.json"));
  }

  /** Creates the hand-kept schema with its rows, granting to {@code appRole}. */
  static void create(Database database, String appRole) {
    database.executeScript(resource("existing-database/existing.sql").replace("{{app}}", appRole));
  }

  private static String resource(String path) {
    try (InputStream in = ExistingDatabase.class.getClassLoader().getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
