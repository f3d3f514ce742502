package dev.rowguard.sample.web;

import dev.rowguard.postgres.AppLogin;
import dev.rowguard.postgres.Database;
import dev.rowguard.postgres.DevPostgres;
import java.util.Map;

/**
 * A database of its own on the development PostgreSQL: the administrative login owns the schema (Flyway migrates
 * as it), and the service logs in as {@link AppLogin}, a member of the generated {@code rowguard_app} role that is
 * neither a superuser nor an owner. The role is created here, before the migration that grants to it, so that
 * the login can exist before the service starts; the migration leaves an existing role as it is.
 */
public final class DevDatabase implements AutoCloseable {
  private final Database database;
  private final AppLogin login;

  private DevDatabase(Database database, AppLogin login) {
    this.database = database;
    this.login = login;
  }

  public static DevDatabase create() {
    Database database = DevPostgres.shared().createDatabase("rowguard_web");
    database.executeScript("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '"
        + AppLogin.APP_ROLE + "') THEN CREATE ROLE " + AppLogin.APP_ROLE + " NOLOGIN; END IF; END $$;");
    return new DevDatabase(database, AppLogin.create(database));
  }

  public Database database() {
    return database;
  }

  public AppLogin login() {
    return login;
  }

  /** The service's connection settings: the application login for its pool, the owner for Flyway. */
  public Map<String, Object> properties() {
    return Map.of(
        "spring.datasource.url", login.address().url(),
        "spring.datasource.username", login.address().user(),
        "spring.datasource.password", login.address().password(),
        "spring.flyway.url", database.owner().url(),
        "spring.flyway.user", database.owner().user(),
        "spring.flyway.password", database.owner().password());
  }

  @Override
  public void close() {
    login.close();
    database.close();
  }
}
