package dev.rowguard.processor.read;

import java.util.Map;
import java.util.Optional;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** The Java to PostgreSQL type table for basic (non-enum, non-relation) columns. */
final class ColumnTypes {
  static final String SUPPORTED =
      "String (text, or varchar(n) with @Column(length = n)), java.util.UUID (uuid), java.time.Instant and "
          + "OffsetDateTime (timestamptz), LocalDate (date), LocalDateTime (timestamp), boolean, short, int, long, "
          + "float, double and their wrappers, java.math.BigDecimal (numeric(p,s)), byte[] (bytea), enums with "
          + "@Enumerated(EnumType.STRING) or @CheckEnum (text + CHECK), String with @Jsonb (jsonb), and @ManyToOne "
          + "references to entities";

  private static final Map<String, String> DECLARED =
      Map.ofEntries(
          Map.entry("java.lang.Boolean", "boolean"),
          Map.entry("java.lang.Short", "smallint"),
          Map.entry("java.lang.Integer", "integer"),
          Map.entry("java.lang.Long", "bigint"),
          Map.entry("java.lang.Float", "real"),
          Map.entry("java.lang.Double", "double precision"),
          Map.entry("java.util.UUID", "uuid"),
          Map.entry("java.time.Instant", "timestamptz"),
          Map.entry("java.time.OffsetDateTime", "timestamptz"),
          Map.entry("java.time.LocalDate", "date"),
          Map.entry("java.time.LocalDateTime", "timestamp"));

  private ColumnTypes() {}

  /**
   * The SQL type of a basic column, or empty when the Java type has no mapping.
   *
   * @param length {@code @Column(length)} when written, else 0
   * @param precision {@code @Column(precision)}, 0 when not written
   * @param scale {@code @Column(scale)}, 0 when not written
   */
  static Optional<String> sqlType(TypeMirror type, int length, int precision, int scale) {
    switch (type.getKind()) {
      case BOOLEAN:
        return Optional.of("boolean");
      case SHORT:
        return Optional.of("smallint");
      case INT:
        return Optional.of("integer");
      case LONG:
        return Optional.of("bigint");
      case FLOAT:
        return Optional.of("real");
      case DOUBLE:
        return Optional.of("double precision");
      case ARRAY:
        return ((ArrayType) type).getComponentType().getKind() == TypeKind.BYTE
            ? Optional.of("bytea")
            : Optional.empty();
      case DECLARED:
        String name = qualifiedName(type);
        if (name.equals("java.lang.String")) {
          return Optional.of(length > 0 ? "varchar(" + length + ")" : "text");
        }
        if (name.equals("java.math.BigDecimal")) {
          if (precision <= 0) {
            return Optional.of("numeric");
          }
          return Optional.of("numeric(" + precision + "," + Math.max(scale, 0) + ")");
        }
        return Optional.ofNullable(DECLARED.get(name));
      default:
        return Optional.empty();
    }
  }

  static boolean isString(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED && qualifiedName(type).equals("java.lang.String");
  }

  static boolean isLocalDateTime(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED && qualifiedName(type).equals("java.time.LocalDateTime");
  }

  static boolean isUuid(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED && qualifiedName(type).equals("java.util.UUID");
  }

  static boolean isIntegral(TypeMirror type) {
    if (type.getKind() == TypeKind.INT || type.getKind() == TypeKind.LONG) {
      return true;
    }
    if (type.getKind() != TypeKind.DECLARED) {
      return false;
    }
    String name = qualifiedName(type);
    return name.equals("java.lang.Integer") || name.equals("java.lang.Long");
  }

  static String qualifiedName(TypeMirror type) {
    return ((javax.lang.model.element.TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString();
  }
}
