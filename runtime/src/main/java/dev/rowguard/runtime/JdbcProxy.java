package dev.rowguard.runtime;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/**
 * Makes proxies of one public JDBC interface with its proxy class's constructor, looked up once: {@link
 * Proxy#newProxyInstance} looks the proxy class up again on every call, and a checkout makes a proxy for its
 * connection and one for each statement.
 */
final class JdbcProxy<T> {
  private final Class<T> type;
  private final Constructor<?> constructor;

  private JdbcProxy(Class<T> type) {
    this.type = type;
    InvocationHandler none = (proxy, method, args) -> null;
    Class<?> proxyClass = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, none).getClass();
    try {
      this.constructor = proxyClass.getConstructor(InvocationHandler.class);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("a proxy class of " + type.getName() + " has no public constructor", e);
    }
  }

  static <T> JdbcProxy<T> of(Class<T> type) {
    return new JdbcProxy<>(type);
  }

  /** A proxy of the interface whose calls go to {@code handler}. */
  T create(InvocationHandler handler) {
    try {
      return type.cast(constructor.newInstance(handler));
    } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("could not make a proxy of " + type.getName(), e);
    }
  }
}
