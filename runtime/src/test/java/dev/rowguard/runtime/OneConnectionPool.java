package dev.rowguard.runtime;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A pool of one physical connection that does nothing on checkout or return (no validation, no reset), so that a
 * round-trip count sees only what Rowguard and the application send. Closing a lent connection returns it.
 */
final class OneConnectionPool implements DataSource, AutoCloseable {
  private final Connection physical;

  OneConnectionPool(DataSource login) throws SQLException {
    this.physical = login.getConnection();
  }

  Connection physical() {
    return physical;
  }

  @Override
  public Connection getConnection() {
    boolean[] returned = {false};
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, args) -> {
          switch (method.getName()) {
            case "close":
              returned[0] = true;
              return null;
            case "isClosed":
              return returned[0];
            default:
              try {
                return method.invoke(physical, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
          }
        });
  }

  @Override
  public Connection getConnection(String username, String password) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void close() throws SQLException {
    physical.close();
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {}

  @Override
  public void setLoginTimeout(int seconds) {}

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() {
    return Logger.getGlobal();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    return physical.unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return physical.isWrapperFor(type);
  }
}
