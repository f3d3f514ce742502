package dev.rowguard.postgres;

import dev.rowguard.postgres.DevPostgres.ServerAddress;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The application's login: a role that may log in, is a member of the generated NOLOGIN role {@value #APP_ROLE}
 * (which holds the DML grants), and is neither a superuser, nor {@code BYPASSRLS}, nor the owner of any table,
 * so that row-level security applies to it. Roles are cluster-wide: this one is named after its database
 * and dropped on {@link #close()}.
 */
public final class AppLogin implements AutoCloseable {
  /** The role the generated schema grants to (see the end of {@code schema.sql}). */
  public static final String APP_ROLE = "rowguard_app";

  private final Database database;
  private final String name;
  private final ServerAddress address;

  private AppLogin(Database database, String name, ServerAddress address) {
    this.database = database;
    this.name = name;
    this.address = address;
  }

  /** Creates the login as the database owner; the schema script must have created {@value #APP_ROLE}. */
  public static AppLogin create(Database database) {
    return create(database, APP_ROLE);
  }

  /**
   * Creates a login that is a member of {@code appRole} (the processor's {@code -Arowguard.appRole}), which the
   * schema script must have created.
   */
  public static AppLogin create(Database database, String appRole) {
    // Database names are [a-z0-9_] (see DevPostgres.createDatabase), so the role name needs no quoting.
    String name = database.name() + "_app";
    String password = HexFormat.of().formatHex(randomBytes(16));
    database.executeScript("CREATE ROLE " + name + " LOGIN PASSWORD '" + password + "'"
        + " NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE INHERIT;\n"
        + "GRANT " + quoteIdentifier(appRole) + " TO " + name + ";");
    return new AppLogin(database, name, database.owner().as(name, password));
  }

  private static String quoteIdentifier(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  private static byte[] randomBytes(int count) {
    byte[] bytes = new byte[count];
    new SecureRandom().nextBytes(bytes);
    return bytes;
  }

  public String name() {
    return name;
  }

  /** The database's address with this login; its URL carries no {@code user=}. */
  public ServerAddress address() {
    return address;
  }

  @Override
  public void close() {
    database.executeScript("DROP OWNED BY " + name + ";\nDROP ROLE " + name + ";");
  }
}
