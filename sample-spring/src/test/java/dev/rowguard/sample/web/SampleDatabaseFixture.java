package dev.rowguard.sample.web;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The tests' database: one per test class, created before its Spring context, dropped when the JVM ends. The
 * owner seeds the shared client accounts and counts rows (bypassing row-level security, to see what a tenant
 * cannot); everything else goes through the service over HTTP.
 */
final class SampleDatabaseFixture {
  final DevDatabase database = DevDatabase.create();

  SampleDatabaseFixture() {
    Runtime.getRuntime().addShutdownHook(new Thread(this::drop, "rowguard-web-test-database"));
  }

  private void drop() {
    try {
      database.close();
    } catch (RuntimeException e) {
      // The embedded server may have stopped first, taking the database with it.
    }
  }

  void register(DynamicPropertyRegistry registry) {
    database.properties().forEach((key, value) -> registry.add(key, () -> value));
  }

  /** A client account, written by the owner: the application role may only read them. */
  UUID clientAccount(String name) {
    UUID id = UUID.randomUUID();
    database.database().executeScript("INSERT INTO migration.client_account (id, name, status) VALUES ('" + id
        + "', '" + name + "', 'active')");
    return id;
  }

  /** Rows of {@code table} matching {@code where}, for every tenant, as the owner sees them. */
  long count(String table, String where) {
    try (Connection connection = database.database().ownerDataSource().getConnection();
        PreparedStatement statement =
            connection.prepareStatement("SELECT count(*) FROM migration." + table + " WHERE " + where);
        ResultSet row = statement.executeQuery()) {
      row.next();
      return row.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
