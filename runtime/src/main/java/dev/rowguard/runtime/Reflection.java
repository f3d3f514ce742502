package dev.rowguard.runtime;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.SQLException;

/** Calls a JDBC method reflectively, as the statement wrappers forward the calls they do not change. */
final class Reflection {
  private Reflection() {}

  /** {@code method} on {@code target}; what it throws is rethrown as itself (a checked cause other than SQL wrapped). */
  static Object call(Object target, Method method, Object[] args) throws SQLException {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof SQLException sql) {
        throw sql;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new SQLException(cause);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
