package dev.rowguard.runtime;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Statement;

/**
 * A statement of a guarded connection: every {@code execute…} call is checked by the connection's {@link
 * ConnectionGuard} first, so that a statement prepared inside a scope cannot run after it. Everything else
 * goes straight to the delegate.
 */
final class GuardedStatement implements InvocationHandler {
  private final Statement delegate;
  private final Object connection;
  private final ConnectionGuard guard;

  private GuardedStatement(Statement delegate, Object connection, ConnectionGuard guard) {
    this.delegate = delegate;
    this.connection = connection;
    this.guard = guard;
  }

  /** Wraps {@code delegate} as {@code type} (Statement, PreparedStatement or CallableStatement). */
  static Object wrap(Class<?> type, Statement delegate, Object connection, ConnectionGuard guard) {
    return Proxy.newProxyInstance(
        Statement.class.getClassLoader(), new Class<?>[] {type}, new GuardedStatement(delegate, connection, guard));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    String name = method.getName();
    if (name.startsWith("execute")) {
      guard.check();
    } else {
      switch (name) {
        case "getConnection":
          return connection;
        case "unwrap":
          return ((Class<?>) args[0]).isInstance(proxy) ? proxy : delegate.unwrap((Class<?>) args[0]);
        case "isWrapperFor":
          return ((Class<?>) args[0]).isInstance(proxy) || delegate.isWrapperFor((Class<?>) args[0]);
        case "equals":
          return proxy == args[0];
        case "hashCode":
          return System.identityHashCode(proxy);
        case "toString":
          return "GuardedStatement[" + delegate + "]";
        default:
          break;
      }
    }
    try {
      return method.invoke(delegate, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
