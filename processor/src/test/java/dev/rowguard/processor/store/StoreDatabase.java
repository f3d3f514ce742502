package dev.rowguard.processor.store;

import dev.rowguard.postgres.AppLogin;
import dev.rowguard.postgres.Database;
import dev.rowguard.runtime.Tenant;
import dev.rowguard.runtime.TenantBindingDataSource;
import dev.rowguard.runtime.TenantKeyLevel;
import dev.rowguard.runtime.TenantKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The store model's generated schema on a database of its own, used as an application would: through a login
 * that is neither owner nor superuser, so row-level security applies, and the tenant-binding data source.
 */
final class StoreDatabase implements AutoCloseable {
  static final TenantKeys KEYS = TenantKeys.of(TenantKeyLevel.uuid("store_id"));

  final DataSource owner;
  /** The application's login itself, without tenant binding. */
  final DataSource loginDataSource;
  final TenantBindingDataSource dataSource;
  private final AppLogin login;

  StoreDatabase(Database database) {
    database.executeScript(generatedSchema());
    owner = database.ownerDataSource();
    login = AppLogin.create(database);
    loginDataSource = login.address().dataSource();
    dataSource = TenantBindingDataSource.wrap(loginDataSource, KEYS);
  }

  /** The script the processor wrote for the store model when the tests were compiled. */
  static String generatedSchema() {
    try (InputStream in = StoreDatabase.class.getResourceAsStream("/META-INF/rowguard/schema.sql")) {
      if (in == null) {
        throw new IllegalStateException("schema.sql was not generated for the test sources");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A new store (the shared table is the owner's to write) and the tenant for it. */
  Tenant newStore(String name) throws SQLException {
    UUID id = UUID.randomUUID();
    try (Connection connection = owner.getConnection();
        PreparedStatement insert = connection.prepareStatement("INSERT INTO store (id, name) VALUES (?, ?)")) {
      insert.setObject(1, id);
      insert.setString(2, name);
      insert.executeUpdate();
    }
    return KEYS.tenant(id);
  }

  @Override
  public void close() {
    login.close();
  }
}
