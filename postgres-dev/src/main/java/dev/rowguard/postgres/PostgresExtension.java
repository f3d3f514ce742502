package dev.rowguard.postgres;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 fixture: resolves a {@link DevPostgres} parameter (the JVM's one server) and a {@link Database}
 * parameter (a fresh, empty database, dropped when the test or class that asked for it ends). A test that
 * cannot get a server fails with a message that says how to provide one; it is never skipped.
 */
public final class PostgresExtension implements ParameterResolver {
  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == DevPostgres.class || type == Database.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    DevPostgres server = DevPostgres.shared();
    if (parameter.getParameter().getType() == DevPostgres.class) {
      return server;
    }
    String prefix = "rg_" + context.getRequiredTestClass().getSimpleName();
    Database database = server.createDatabase(prefix);
    // The store closes AutoCloseable values when the test or class that asked for them ends.
    context.getStore(ExtensionContext.Namespace.create(PostgresExtension.class)).put(database.name(), database);
    return database;
  }
}
