package dev.rowguard.runtime;

import dev.rowguard.postgres.Database;
import dev.rowguard.postgres.DevPostgres.ServerAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Login roles for one test database. Roles are cluster-wide, so each is named after the database (unique per
 * JVM and run) and dropped, with its grants, on {@link #close()}.
 */
final class TestRoles implements AutoCloseable {
  private final Database database;
  private final List<String> created = new ArrayList<>();

  TestRoles(Database database) {
    this.database = database;
  }

  /** Creates {@code <database>_<suffix>} with {@code attributes} (e.g. {@code "BYPASSRLS"}) and logs in as it. */
  ServerAddress create(String suffix, String attributes) {
    String name = name(suffix);
    String password = "pw_" + suffix;
    database.executeScript("CREATE ROLE " + name + " LOGIN PASSWORD '" + password + "' " + attributes);
    created.add(name);
    return database.owner().as(name, password);
  }

  String name(String suffix) {
    return database.name() + "_" + suffix;
  }

  @Override
  public void close() {
    StringBuilder script = new StringBuilder();
    for (String role : created) {
      script.append("DROP OWNED BY ").append(role).append(";\n");
    }
    for (String role : created) {
      script.append("DROP ROLE ").append(role).append(";\n");
    }
    if (!created.isEmpty()) {
      database.executeScript(script.toString());
    }
  }
}
