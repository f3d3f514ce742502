package dev.rowguard.processor.repository;

import java.util.List;

/**
 * A Java type as generated code names it, read from the compiler's types once and rendered by the writers: the
 * model holds neither the compiler's types nor the code writer's. Its {@code toString} is the source form, fully
 * qualified, as messages quote it.
 */
public sealed interface JavaType {
  Primitive VOID = new Primitive("void");
  Primitive BOOLEAN = new Primitive("boolean");
  Primitive INT = new Primitive("int");
  Primitive LONG = new Primitive("long");

  /** A primitive type, or {@code void}, by its keyword. */
  record Primitive(String keyword) implements JavaType {
    private static final List<String> KEYWORDS =
        List.of("boolean", "byte", "short", "int", "long", "char", "float", "double", "void");
    private static final List<String> WRAPPERS =
        List.of("Boolean", "Byte", "Short", "Integer", "Long", "Character", "Float", "Double", "Void");

    public Primitive {
      if (!KEYWORDS.contains(keyword)) {
        throw new IllegalArgumentException("not a primitive type: " + keyword);
      }
    }

    @Override
    public String toString() {
      return keyword;
    }

    /** Its wrapper class in {@code java.lang}. */
    public Declared wrapper() {
      return new Declared("java.lang", List.of(WRAPPERS.get(KEYWORDS.indexOf(keyword))), List.of());
    }
  }

  /**
   * A class, interface, enum or record, with its type arguments.
   *
   * @param packageName its package, {@code ""} for the unnamed one
   * @param simpleNames its simple name, after those of the classes it is nested in
   * @param typeArguments empty for a raw or non-generic use
   */
  record Declared(String packageName, List<String> simpleNames, List<JavaType> typeArguments) implements JavaType {
    public Declared {
      simpleNames = List.copyOf(simpleNames);
      typeArguments = List.copyOf(typeArguments);
      if (simpleNames.isEmpty()) {
        throw new IllegalArgumentException("a declared type needs a name");
      }
    }

    public static Declared of(Class<?> type) {
      if (type.isPrimitive() || type.isArray()) {
        throw new IllegalArgumentException("not a declared type: " + type);
      }
      List<String> names = new java.util.ArrayList<>();
      for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
        names.add(0, c.getSimpleName());
      }
      return new Declared(type.getPackageName(), names, List.of());
    }

    /** The innermost simple name: {@code Entry} for {@code java.util.Map.Entry}. */
    public String simpleName() {
      return simpleNames.get(simpleNames.size() - 1);
    }

    public String qualifiedName() {
      String nested = String.join(".", simpleNames);
      return packageName.isEmpty() ? nested : packageName + "." + nested;
    }

    /** As source names it, fully qualified: {@code java.util.List<java.lang.String>}. */
    @Override
    public String toString() {
      if (typeArguments.isEmpty()) {
        return qualifiedName();
      }
      return qualifiedName() + typeArguments.stream().map(JavaType::toString)
          .collect(java.util.stream.Collectors.joining(", ", "<", ">"));
    }

    /** This type with {@code arguments}. */
    public Declared withArguments(List<JavaType> arguments) {
      return new Declared(packageName, simpleNames, arguments);
    }
  }

  /** An array of {@code component}. */
  record ArrayOf(JavaType component) implements JavaType {
    @Override
    public String toString() {
      return component + "[]";
    }
  }

  /** A use of a type variable, by name. */
  record Variable(String name) implements JavaType {
    @Override
    public String toString() {
      return name;
    }
  }

  /**
   * A wildcard type argument: {@code ?}, {@code ? extends upper} or {@code ? super lower}.
   *
   * @param upper the bound of {@code ? extends}, or {@code null}
   * @param lower the bound of {@code ? super}, or {@code null}
   */
  record Wildcard(JavaType upper, JavaType lower) implements JavaType {
    @Override
    public String toString() {
      return lower != null ? "? super " + lower : upper != null ? "? extends " + upper : "?";
    }
  }

  /** Whether this is a primitive type ({@code void} is not). */
  default boolean isPrimitive() {
    return this instanceof Primitive && !equals(VOID);
  }

  /** The type with primitives replaced by their wrappers, for comparisons that ignore boxing. */
  default JavaType boxed() {
    return this instanceof Primitive primitive && !primitive.equals(VOID) ? primitive.wrapper() : this;
  }

  /** Whether this is {@code type} or its primitive counterpart. */
  default boolean sameBoxed(JavaType type) {
    return boxed().equals(type.boxed());
  }
}
