package dev.rowguard.test;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/** Resolves {@link RowguardDatabase} parameters for {@link RowguardTest} classes. */
public final class RowguardTestExtension implements ParameterResolver {
  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == RowguardDatabase.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    String appRole = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), RowguardTest.class)
        .map(RowguardTest::appRole)
        .orElse(RowguardDatabase.APP_ROLE);
    RowguardDatabase database = RowguardDatabase.create(appRole, context.getRequiredTestClass().getClassLoader());
    // The store closes AutoCloseable values when the test or class that asked for them ends.
    context.getStore(ExtensionContext.Namespace.create(RowguardTestExtension.class))
        .put(database.name(), database);
    return database;
  }
}
