package dev.rowguard.sample;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/** Reads an entity's property by its column name, through a getter or a record accessor. */
final class EntityProperties {
  private EntityProperties() {}

  /** {@code client_account_id} through {@code getClientAccountId()} or {@code clientAccountId()}. */
  static Object read(Object entity, String column) {
    String property = camelCase(column);
    String getter = "get" + Character.toUpperCase(property.charAt(0)) + property.substring(1);
    for (String name : new String[] {getter, property}) {
      try {
        Method method = entity.getClass().getMethod(name);
        return method.invoke(entity);
      } catch (NoSuchMethodException e) {
        continue;
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException(entity.getClass().getName() + " has no " + getter + "() or " + property + "()");
  }

  private static String camelCase(String column) {
    StringBuilder camel = new StringBuilder();
    boolean upper = false;
    for (char ch : column.toCharArray()) {
      if (ch == '_') {
        upper = true;
      } else {
        camel.append(upper ? Character.toUpperCase(ch) : ch);
        upper = false;
      }
    }
    return camel.toString();
  }
}
