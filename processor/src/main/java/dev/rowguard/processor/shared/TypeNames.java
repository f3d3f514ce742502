package dev.rowguard.processor.shared;

/** Type names as messages show them. */
public final class TypeNames {
  private TypeNames() {}

  /** A type without package names, as users write it: {@code List<String>} for {@code java.util.List<…>}. */
  public static String readable(Object type) {
    return type.toString().replaceAll("\\b[a-z][a-z0-9_]*\\.", "");
  }
}
