package dev.rowguard.sample;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A plain JDBC connection on which the suite sets the tenant settings itself ({@code set_config}, as any code
 * holding a connection could) and tries statements. Every attempt runs in a transaction that is rolled back,
 * so an attempt that wrongly succeeds leaves nothing behind for the next one.
 */
final class ProbeSession implements AutoCloseable {
  private final Connection connection;
  private final List<String> settings;
  private final String bindSql;

  /** {@code settings}: the tenant key settings, outermost first, e.g. {@code rowguard.client_account_id}. */
  ProbeSession(Connection connection, List<String> settings) {
    this.connection = connection;
    this.settings = List.copyOf(settings);
    this.bindSql = "SELECT " + String.join(", ", Collections.nCopies(settings.size(), "set_config(?, ?, false)"));
  }

  /** Sets every tenant setting, outermost first; {@code ""} means that level is not bound. Committed. */
  void bind(List<String> values) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(bindSql)) {
      for (int i = 0; i < settings.size(); i++) {
        statement.setString(2 * i + 1, settings.get(i));
        statement.setString(2 * i + 2, values.get(i));
      }
      statement.execute();
    }
  }

  /** Inserts for real (seeding). */
  void commit(Row row) throws SQLException {
    row.insert(connection);
  }

  Outcome insert(Row row) {
    return attempt(() -> {
      row.insert(connection);
      return 1;
    });
  }

  /** An UPDATE or DELETE; {@code parameters} are bound as text, so the SQL casts them. */
  Outcome update(String sql, String... parameters) {
    return attempt(() -> {
      try (PreparedStatement statement = prepare(sql, parameters)) {
        return statement.executeUpdate();
      }
    });
  }

  /** A query's first column of every row, as text. */
  List<String> column(String sql, String... parameters) throws SQLException {
    try (PreparedStatement statement = prepare(sql, parameters);
        ResultSet result = statement.executeQuery()) {
      List<String> values = new ArrayList<>();
      while (result.next()) {
        values.add(result.getString(1));
      }
      return values;
    }
  }

  /** {@code SELECT count(*) …}. */
  long count(String sql, String... parameters) throws SQLException {
    return Long.parseLong(column(sql, parameters).get(0));
  }

  private PreparedStatement prepare(String sql, String... parameters) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    for (int i = 0; i < parameters.length; i++) {
      statement.setString(i + 1, parameters[i]);
    }
    return statement;
  }

  private interface Work {
    long run() throws SQLException;
  }

  private Outcome attempt(Work work) {
    try {
      connection.setAutoCommit(false);
      try {
        return new Outcome(work.run(), null);
      } catch (SQLException e) {
        return new Outcome(0, e);
      } finally {
        connection.rollback();
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("the probe session failed outside the statement under test", e);
    }
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
