package dev.rowguard.runtime;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * One open transaction of {@link TenantBindingDataSource#callInTransaction}: the connection it was begun on and
 * the tenant it belongs to. While it is open, every connection the data source hands out on this thread is a
 * {@linkplain #participant participant}: the same connection, whose {@code close()} does nothing and whose
 * commit, rollback and auto-commit belong to the transaction alone.
 */
final class TenantTransaction {
  private final Connection connection;
  private final Tenant tenant;

  TenantTransaction(Connection connection, Tenant tenant) {
    this.connection = connection;
    this.tenant = tenant;
  }

  Connection connection() {
    return connection;
  }

  Tenant tenant() {
    return tenant;
  }

  /** The transaction's connection for work of {@code bound}, which must be the transaction's tenant. */
  Connection participant(Tenant bound) {
    if (!bound.equals(tenant)) {
      throw new TenantScopeException("a transaction for " + tenant + " is open on this thread, and work for "
          + bound + " cannot join it: its writes would commit or roll back with another tenant's. Finish the"
          + " transaction first, or run the other tenant's work on a thread of its own");
    }
    return (Connection) Proxy.newProxyInstance(
        Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, new Participant(connection));
  }

  /** The transaction's connection as one piece of work inside it sees it. */
  private static final class Participant implements InvocationHandler {
    private final Connection connection;
    private boolean closed;

    Participant(Connection connection) {
      this.connection = connection;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      switch (method.getName()) {
        case "close":
          closed = true; // the transaction closes the connection when it ends
          return null;
        case "isClosed":
          return closed || connection.isClosed();
        case "equals":
          return proxy == args[0];
        case "hashCode":
          return System.identityHashCode(proxy);
        case "toString":
          return "TenantTransaction.Participant[" + connection + (closed ? ", closed]" : "]");
        case "commit", "rollback", "setAutoCommit":
          // Savepoints (rollback(Savepoint)) stay the work's own; the transaction itself is not.
          if (method.getParameterCount() == 0 || method.getName().equals("setAutoCommit")) {
            throw new SQLException(method.getName() + "() is not for work inside callInTransaction/"
                + "runInTransaction: the transaction commits when the work returns and rolls back when it throws");
          }
          break;
        default:
          break;
      }
      if (closed) {
        throw new SQLException("this connection is closed", "08003");
      }
      try {
        return method.invoke(connection, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }
}
