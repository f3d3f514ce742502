package dev.rowguard.runtime;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A connection whose statements carry the tenant of its checkout ({@link CheckoutBinding}, {@link TenantBinding}):
 * checking it out sends nothing, every statement binds the tenant in its own round trip, and {@link
 * Connection#close()} resets the session before the delegate goes back to its pool only when the checkout ran
 * something that can leave state there. A connection checked out for a tenant also has a {@link ConnectionGuard}:
 * statements are created and executed only inside the scope of the checkout. Everything else goes straight to the
 * delegate.
 */
final class TenantBoundConnection implements InvocationHandler {
  private static final JdbcProxy<Connection> PROXY = JdbcProxy.of(Connection.class);

  private final Connection delegate;
  private final CheckoutBinding checkout;
  private final TenantSettings settings;
  private final Object description; // its toString, rendered only when asked for
  private final ConnectionGuard guard; // null for connections without a tenant: there is no scope to outlive
  private boolean closed;

  private TenantBoundConnection(Connection delegate, TenantSettings settings, List<String> values,
      TenantBinding binding, Object description, ConnectionGuard guard) {
    this.delegate = delegate;
    this.checkout = new CheckoutBinding(delegate, settings, values, binding);
    this.settings = settings;
    this.description = description;
    this.guard = guard;
  }

  /**
   * {@code delegate}, bound to {@code values} (outermost first) for every statement it runs; {@code description}'s
   * {@code toString} names the checkout in the connection's own.
   */
  static Connection open(Connection delegate, TenantSettings settings, List<String> values, TenantBinding binding,
      Object description, ConnectionGuard guard) {
    return PROXY.create(new TenantBoundConnection(delegate, settings, values, binding, description, guard));
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
    switch (method.getName()) {
      case "prepareStatement", "prepareCall":
        check();
        return BoundPreparedStatement.create(checkout, proxy, guard, method, args);
      case "createStatement":
        check();
        return BoundStatement.create(checkout, proxy, guard, (Statement) call(method, args), args);
      case "commit", "rollback", "setAutoCommit":
        try {
          return call(method, args);
        } finally {
          checkout.transactionMayHaveEnded();
        }
      default:
        return call(method, args);
    }
  }

  private void check() {
    if (guard != null) {
      guard.check();
    }
  }

  private Object call(Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(delegate, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private void close() throws SQLException {
    if (closed) {
      return;
    }
    closed = true;
    if (delegate.isClosed()) {
      return; // The pool has already taken it back (e.g. leak timeout); nothing of the tenant outlives a statement.
    }
    SQLException failure = null;
    try {
      checkout.release();
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
