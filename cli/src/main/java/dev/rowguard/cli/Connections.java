package dev.rowguard.cli;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** The one connection a command works on. */
final class Connections {
  /** PostgreSQL's SQL state for a missing privilege. */
  private static final String INSUFFICIENT_PRIVILEGE = "42501";

  private Connections() {}

  /** A failed read of the database, with what to grant when a privilege was missing. */
  static CliException failed(String what, SQLException e) {
    return new CliException(what + " failed: " + e.getMessage()
        + (INSUFFICIENT_PRIVILEGE.equals(e.getSQLState())
            ? "; connect as the schema owner, or GRANT USAGE on the model's schemas to this role" : ""), e);
  }

  static Connection open(Arguments arguments) throws CliException {
    String url = arguments.required("url");
    String user = arguments.required("user");
    if (!url.startsWith("jdbc:postgresql:")) {
      throw new CliException("--url " + url + " is not a PostgreSQL JDBC URL; write it as"
          + " jdbc:postgresql://host:5432/database");
    }
    Properties properties = new Properties();
    properties.setProperty("user", user);
    String password = arguments.password();
    if (password != null) {
      properties.setProperty("password", password);
    }
    properties.setProperty("ApplicationName", "rowguard-cli");
    try {
      return DriverManager.getConnection(url, properties);
    } catch (SQLException e) {
      throw new CliException("cannot connect to " + url + " as " + user + ": " + e.getMessage()
          + (password == null ? " (no password given: use --password or " + Arguments.PASSWORD_VARIABLE + ")" : ""),
          e);
    }
  }
}
