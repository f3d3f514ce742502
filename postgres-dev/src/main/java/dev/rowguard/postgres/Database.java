package dev.rowguard.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** A database of its own on the development server, dropped on {@link #close()}. */
public final class Database implements AutoCloseable {
  private final DevPostgres server;
  private final String name;
  private final DevPostgres.ServerAddress owner;

  Database(DevPostgres server, String name, DevPostgres.ServerAddress owner) {
    this.server = server;
    this.name = name;
    this.owner = owner;
  }

  public String name() {
    return name;
  }

  /** The administrative login on this database (it owns whatever the scripts create). */
  public DevPostgres.ServerAddress owner() {
    return owner;
  }

  public DataSource ownerDataSource() {
    return owner.dataSource();
  }

  /** Runs a script (several statements) as the owner, in one transaction. */
  public void executeScript(String sql) {
    try (Connection connection = owner.dataSource().getConnection()) {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.execute(sql);
        connection.commit();
      } catch (SQLException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("script failed on database " + name + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    server.dropDatabase(name);
  }
}
