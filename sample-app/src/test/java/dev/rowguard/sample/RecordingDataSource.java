package dev.rowguard.sample;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;

/**
 * A data source that records every prepared statement its connections execute, with the parameter setter calls
 * made for that execution (each batch entry on its own), so that a test can replay them, e.g. under EXPLAIN.
 */
final class RecordingDataSource {
  /** One execution: the SQL and the {@code set…(index, value…)} calls that bound it. */
  record Execution(String sql, List<Setter> parameters) {}

  /** One parameter setter call on a prepared statement. */
  record Setter(Method method, Object[] arguments) {}

  private final List<Execution> executions = Collections.synchronizedList(new ArrayList<>());

  List<Execution> executions() {
    synchronized (executions) {
      return List.copyOf(executions);
    }
  }

  DataSource wrap(DataSource delegate) {
    return proxy(DataSource.class, delegate, (method, result, arguments) ->
        method.getName().equals("getConnection") ? connection((Connection) result) : result);
  }

  private Connection connection(Connection delegate) {
    return proxy(Connection.class, delegate, (method, result, arguments) ->
        method.getName().equals("prepareStatement")
            ? statement((PreparedStatement) result, (String) arguments[0]) : result);
  }

  private PreparedStatement statement(PreparedStatement delegate, String sql) {
    List<Setter> bound = new ArrayList<>();
    // Recorded before the call: a statement the database refuses is recorded too.
    InvocationHandler handler = (proxy, method, arguments) -> {
      String name = method.getName();
      if (name.startsWith("set") && arguments != null && arguments.length >= 2 && arguments[0] instanceof Integer) {
        bound.add(new Setter(method, arguments.clone()));
      } else if (name.equals("clearParameters")) {
        bound.clear();
      } else if (name.equals("addBatch") || (name.startsWith("execute") && arguments == null)) {
        executions.add(new Execution(sql, List.copyOf(bound)));
      }
      try {
        return method.invoke(delegate, arguments);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
    return (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
        new Class<?>[] {PreparedStatement.class}, handler);
  }

  /** What to return instead of the delegate's result, given the call that produced it. */
  private interface After {
    Object apply(Method method, Object result, Object[] arguments);
  }

  private static <T> T proxy(Class<T> type, T delegate, After after) {
    InvocationHandler handler = (proxy, method, arguments) -> {
      try {
        return after.apply(method, method.invoke(delegate, arguments), arguments);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
  }
}
