package dev.rowguard.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.rowguard.processor.repository.EnumMapping;
import dev.rowguard.processor.repository.JavaType;
import dev.rowguard.processor.repository.Property;
import dev.rowguard.processor.repository.Reference;
import dev.rowguard.processor.repository.ValueKind;
import java.time.OffsetDateTime;

/** The JDBC calls that bind a property's value to a statement and read it from a row. */
final class ValueCode {
  static final ClassName SUPPORT = ClassName.get("dev.rowguard.runtime", "RepositorySupport");
  private static final ClassName TYPES = ClassName.get("java.sql", "Types");

  private ValueCode() {}

  /** {@code statement.setString(3, value)} and the like, as a statement. */
  static CodeBlock bind(Property property, Object index, CodeBlock value) {
    return switch (property.kind()) {
      case STRING -> CodeBlock.of("statement.setString($L, $L)", index, value);
      case JSONB -> CodeBlock.of("statement.setObject($L, $L, $T.OTHER)", index, value, TYPES);
      case INSTANT -> CodeBlock.of("statement.setObject($L, $T.toOffsetDateTime($L), $T.TIMESTAMP_WITH_TIMEZONE)",
          index, SUPPORT, value, TYPES);
      case PRIMITIVE -> CodeBlock.of("statement.set$L($L, $L)", primitiveSuffix(property.type()), index, value);
      case BYTES -> CodeBlock.of("statement.setBytes($L, $L)", index, value);
      case BIG_DECIMAL -> CodeBlock.of("statement.setBigDecimal($L, $L)", index, value);
      case ENUM -> CodeBlock.of("statement.setString($L, $L($L))", index, storedName(property.enumMapping()), value);
      case REFERENCE -> CodeBlock.of("statement.setObject($L, $L == null ? null : $L.$L)", index, value, value,
          property.reference().id().read());
      case OBJECT -> jdbcType(property.type()) == null
          ? CodeBlock.of("statement.setObject($L, $L)", index, value)
          : CodeBlock.of("statement.setObject($L, $L, $T.$L)", index, value, TYPES, jdbcType(property.type()));
    };
  }

  /**
   * The {@code java.sql.Types} constant to bind a value of {@code type} with, so that a null is sent with the same
   * type as a value: pgjdbc splits a batch wherever the parameter types change, and an untyped null differs.
   */
  private static String jdbcType(JavaType type) {
    return switch (type.boxed().toString()) {
      case "java.lang.Integer" -> "INTEGER";
      case "java.lang.Long" -> "BIGINT";
      case "java.lang.Short" -> "SMALLINT";
      case "java.lang.Boolean" -> "BOOLEAN";
      case "java.lang.Double" -> "DOUBLE";
      case "java.lang.Float" -> "REAL";
      case "java.time.LocalDate" -> "DATE";
      case "java.time.LocalDateTime" -> "TIMESTAMP";
      case "java.time.OffsetDateTime" -> "TIMESTAMP_WITH_TIMEZONE";
      default -> null;
    };
  }

  /** The expression that reads column {@code index} of {@code rows} as the property's type. */
  static CodeBlock read(Property property, Object index) {
    return switch (property.kind()) {
      case STRING, JSONB -> CodeBlock.of("rows.getString($L)", index);
      case INSTANT -> CodeBlock.of("$T.toInstant(rows.getObject($L, $T.class))", SUPPORT, index, OffsetDateTime.class);
      case PRIMITIVE -> CodeBlock.of("rows.get$L($L)", primitiveSuffix(property.type()), index);
      case BYTES -> CodeBlock.of("rows.getBytes($L)", index);
      case BIG_DECIMAL -> CodeBlock.of("rows.getBigDecimal($L)", index);
      case ENUM -> CodeBlock.of("$L(rows.getString($L))", constantName(property.enumMapping()), index);
      case REFERENCE -> CodeBlock.of("$L(rows.getObject($L, $T.class))", referenceName(property.reference()), index,
          PoetTypes.of(property.reference().idType().boxed()));
      case OBJECT -> CodeBlock.of("rows.getObject($L, $T.class)", index, PoetTypes.of(property.type()));
    };
  }

  /** The value as an array element of {@code = ANY (?)}: enums as stored text, instants as OffsetDateTime. */
  static CodeBlock arrayElement(Property property, String value) {
    return switch (property.kind()) {
      case ENUM -> CodeBlock.of("$L($L)", storedName(property.enumMapping()), value);
      case INSTANT -> CodeBlock.of("$T.toOffsetDateTime($L)", SUPPORT, value);
      case REFERENCE -> CodeBlock.of("$L.$L", value, property.reference().id().read());
      default -> CodeBlock.of("$L", value);
    };
  }

  /** Whether array elements need converting before the driver takes them (enums, instants, references). */
  static boolean needsArrayConversion(Property property) {
    return property.kind() == ValueKind.ENUM || property.kind() == ValueKind.INSTANT
        || property.kind() == ValueKind.REFERENCE;
  }

  /** The PostgreSQL element type name for {@code createArrayOf}: the column type without its modifiers. */
  static String arrayType(Property property) {
    String sqlType = property.column().sqlType();
    int paren = sqlType.indexOf('(');
    return paren < 0 ? sqlType : sqlType.substring(0, paren);
  }

  /** {@code storedValue}: the generated method from an enum constant to its stored text. */
  static String storedName(EnumMapping mapping) {
    return "stored" + String.join("", mapping.type().simpleNames());
  }

  /** {@code assetType}-like: the generated method from stored text to the constant. */
  static String constantName(EnumMapping mapping) {
    String joined = String.join("", mapping.type().simpleNames());
    return "to" + joined;
  }

  static String referenceName(Reference reference) {
    return "referenceTo" + String.join("", reference.target().simpleNames());
  }

  private static String primitiveSuffix(JavaType type) {
    String name = type.toString();
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }
}
