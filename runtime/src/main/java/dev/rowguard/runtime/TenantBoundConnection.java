package dev.rowguard.runtime;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A connection whose tenant settings were written at checkout and whose session is reset on {@link
 * Connection#close()}, before the delegate goes back to its pool (see {@link TenantSettings#clear}). A
 * connection checked out for a tenant also has a {@link ConnectionGuard}: statements are created and executed
 * only inside the scope of the checkout. Everything else goes straight to the delegate.
 */
final class TenantBoundConnection implements InvocationHandler {
  private final Connection delegate;
  private final TenantSettings settings;
  private final String description;
  private final ConnectionGuard guard; // null for connections without a tenant: there is no scope to outlive
  private boolean closed;

  private TenantBoundConnection(
      Connection delegate, TenantSettings settings, String description, ConnectionGuard guard) {
    this.delegate = delegate;
    this.settings = settings;
    this.description = description;
    this.guard = guard;
  }

  /**
   * Writes {@code values} into {@code delegate}'s settings and returns the bound connection. If the write
   * fails the delegate is closed and the failure rethrown: a connection is never handed out half bound.
   */
  static Connection open(
      Connection delegate, TenantSettings settings, List<String> values, String description, ConnectionGuard guard)
      throws SQLException {
    try {
      settings.write(delegate, values);
    } catch (SQLException | RuntimeException e) {
      try {
        delegate.close();
      } catch (SQLException closing) {
        e.addSuppressed(closing);
      }
      if (e instanceof SQLException sql) {
        throw new SQLException("could not bind the tenant settings " + settings.keys().columns() + " at checkout: "
            + sql.getMessage(), sql.getSQLState(), sql.getErrorCode(), sql);
      }
      throw e;
    }
    return (Connection) Proxy.newProxyInstance(
        Connection.class.getClassLoader(),
        new Class<?>[] {Connection.class},
        new TenantBoundConnection(delegate, settings, description, guard));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    switch (method.getName()) {
      case "close":
        if (method.getParameterCount() == 0) {
          close();
          return null;
        }
        break;
      case "isClosed":
        return closed || delegate.isClosed();
      case "unwrap":
        return ((Class<?>) args[0]).isInstance(proxy) ? proxy : delegate.unwrap((Class<?>) args[0]);
      case "isWrapperFor":
        return ((Class<?>) args[0]).isInstance(proxy) || delegate.isWrapperFor((Class<?>) args[0]);
      case "equals":
        return proxy == args[0];
      case "hashCode":
        return System.identityHashCode(proxy);
      case "toString":
        return "TenantBoundConnection[" + description + (closed ? ", closed]" : "]");
      default:
        break;
    }
    if (closed) {
      throw new SQLException("this connection is closed", "08003");
    }
    Class<?> returned = method.getReturnType();
    boolean statement = guard != null && Statement.class.isAssignableFrom(returned);
    if (statement) {
      guard.check(); // createStatement, prepareStatement, prepareCall
    }
    Object result;
    try {
      result = method.invoke(delegate, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
    return statement ? GuardedStatement.wrap(returned, (Statement) result, proxy, guard) : result;
  }

  private void close() throws SQLException {
    if (closed) {
      return;
    }
    closed = true;
    if (delegate.isClosed()) {
      return; // The pool has already taken it back (e.g. leak timeout); the next checkout overwrites anyway.
    }
    SQLException failure = null;
    try {
      settings.clear(delegate);
    } catch (SQLException e) {
      failure = new SQLException("could not clear the tenant settings " + settings.keys().columns()
          + " on close: " + e.getMessage(), e.getSQLState(), e.getErrorCode(), e);
    }
    try {
      delegate.close();
    } catch (SQLException e) {
      if (failure == null) {
        failure = e;
      } else {
        failure.addSuppressed(e);
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
