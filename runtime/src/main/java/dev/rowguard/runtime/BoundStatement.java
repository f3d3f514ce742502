package dev.rowguard.runtime;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain {@code Statement} of a tenant-bound connection. Its SQL has no parameters, and the tenant must not be
 * written into the text (other sessions of the login can read it in {@code pg_stat_activity}), so each {@code
 * execute…(sql)} runs as a {@link BoundPreparedStatement} of that text, with every {@code ?} of it doubled so the
 * driver reads it literally. Its settings (fetch size, max rows, timeout, …) are applied to each such statement.
 * Batches, and text the scanner cannot read, run on the driver's own statement in a bound transaction.
 */
final class BoundStatement implements InvocationHandler {
  private static final JdbcProxy<Statement> PROXY = JdbcProxy.of(Statement.class);

  private final CheckoutBinding checkout;
  private final Object connection;
  private final ConnectionGuard guard;
  private final Statement driver; // settings, getters, batches, unreadable text
  private final List<Object[]> settings = new ArrayList<>();
  private final Object[] resultSetArgs; // type, concurrency, holdability of createStatement(…), if given
  private BoundPreparedStatement current;
  private boolean batchMayLeaveState;
  private boolean closed;

  private BoundStatement(
      CheckoutBinding checkout, Object connection, ConnectionGuard guard, Statement driver, Object[] resultSetArgs) {
    this.checkout = checkout;
    this.connection = connection;
    this.guard = guard;
    this.driver = driver;
    this.resultSetArgs = resultSetArgs;
  }

  static Object create(CheckoutBinding checkout, Object connection, ConnectionGuard guard, Statement driver,
      Object[] resultSetArgs) {
    return PROXY.create(
        new BoundStatement(checkout, connection, guard, driver, resultSetArgs == null ? new Object[0] : resultSetArgs));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    String name = method.getName();
    switch (name) {
      case "getConnection":
        return connection;
      case "unwrap":
        return ((Class<?>) args[0]).isInstance(proxy) ? proxy : driver.unwrap((Class<?>) args[0]);
      case "isWrapperFor":
        return ((Class<?>) args[0]).isInstance(proxy) || driver.isWrapperFor((Class<?>) args[0]);
      case "equals":
        return proxy == args[0];
      case "hashCode":
        return System.identityHashCode(proxy);
      case "toString":
        return "BoundStatement[" + driver + "]";
      case "close":
        close();
        return null;
      case "isClosed":
        return closed;
      default:
        break;
    }
    if (closed) {
      throw new SQLException("this statement is closed", "08003");
    }
    if (name.startsWith("execute")) {
      if (guard != null) {
        guard.check();
      }
      if (name.endsWith("Batch")) {
        boolean leaves = batchMayLeaveState;
        batchMayLeaveState = false;
        try {
          return checkout.inBoundTransaction(() -> Reflection.call(driver, method, args));
        } finally {
          if (leaves) {
            checkout.ranStatementThatMayLeaveState();
          }
        }
      }
      return execute(name, method, args);
    }
    switch (name) {
      case "addBatch":
        batchMayLeaveState |= !checkout.texts().plain((String) args[0]).analysis().sessionNeutral();
        return Reflection.call(driver, method, args);
      case "clearBatch":
        batchMayLeaveState = false;
        return Reflection.call(driver, method, args);
      case "getResultSet", "getUpdateCount", "getLargeUpdateCount", "getMoreResults", "getGeneratedKeys",
          "getWarnings", "clearWarnings", "cancel":
        return current != null ? current.invoke(proxy, method, args) : Reflection.call(driver, method, args);
      default:
        break;
    }
    if (name.startsWith("set") || name.equals("closeOnCompletion")) {
      settings.add(new Object[] {method, args});
    }
    return Reflection.call(driver, method, args);
  }

  private Object execute(String name, Method method, Object[] args) throws Throwable {
    BoundTexts.BoundText text = checkout.texts().plain((String) args[0]);
    if (text.sql() == null) {
      try {
        return checkout.inBoundTransaction(() -> Reflection.call(driver, method, args));
      } finally {
        checkout.ranStatementThatMayLeaveState();
      }
    }
    if (current != null) {
      current.close(); // as a driver's statement closes its last results when it runs again
    }
    Object[] prepareArgs;
    if (args.length > 1) {
      prepareArgs = new Object[] {text.sql(), args[1]}; // keys: flag, column indexes or names
    } else {
      prepareArgs = new Object[1 + resultSetArgs.length];
      prepareArgs[0] = text.sql();
      System.arraycopy(resultSetArgs, 0, prepareArgs, 1, resultSetArgs.length);
    }
    current = BoundPreparedStatement.forPlainStatement(checkout, connection, guard, text, prepareArgs);
    for (Object[] setting : settings) {
      current.applySetting((Method) setting[0], (Object[]) setting[1]);
    }
    return current.executeForPlainStatement(name);
  }

  private void close() throws SQLException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (current != null) {
        current.close();
      }
    } finally {
      driver.close();
    }
  }
}
