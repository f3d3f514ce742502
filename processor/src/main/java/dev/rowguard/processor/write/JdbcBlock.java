package dev.rowguard.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.rowguard.processor.repository.Bind;
import dev.rowguard.processor.repository.EntityMapping;
import dev.rowguard.processor.repository.JavaType;
import dev.rowguard.processor.repository.MethodSignature;
import dev.rowguard.processor.repository.Operation.Cardinality;
import dev.rowguard.processor.repository.Property;
import dev.rowguard.processor.repository.RepositoryMethod;
import dev.rowguard.processor.repository.ValueKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The body of one generated method as it is built, with the JDBC steps every renderer shares: require the bound
 * tenant first, take a connection and prepare, bind each {@code ?}, run and read rows or a row count, and turn an
 * {@link SQLException} into Rowguard's unchecked exception.
 */
final class JdbcBlock {
  private static final ClassName SUPPORT = ValueCode.SUPPORT;
  private static final ClassName EMPTY_RESULT = ClassName.get("jakarta.data.exceptions", "EmptyResultException");
  private static final ClassName NON_UNIQUE = ClassName.get("jakarta.data.exceptions", "NonUniqueResultException");

  final CodeBlock.Builder code = CodeBlock.builder();
  final RepositoryMethod method;
  /** {@code Assets.findByHostname}: how messages thrown at run time name the method. */
  final String label;
  final ClassMembers members;
  final EntityCode entities;
  /** Each parameter's name in the generated override. */
  private final Map<String, String> names;

  JdbcBlock(RepositoryMethod method, String label, Map<String, String> names, ClassMembers members,
      EntityCode entities) {
    this.method = method;
    this.label = label;
    this.names = names;
    this.members = members;
    this.entities = entities;
  }

  /** A parameter's name in the override (renamed when it would hide a field). */
  String arg(String parameter) {
    return names.getOrDefault(parameter, parameter);
  }

  JavaType parameterType(String name) {
    return method.signature().parameters().stream()
        .filter(p -> p.name().equals(name))
        .map(MethodSignature.Parameter::type)
        .findFirst()
        .orElseThrow();
  }

  /** {@code Object[] tenant = TENANT.require("…")}, first of all, so no SQL goes out without a tenant. */
  void requireTenant(EntityMapping entity) {
    if (entity.table().tenanted()) {
      requireTenant(members.tenantConstant(entity));
    }
  }

  void requireTenant(String tenantColumns) {
    code.addStatement("$T[] tenant = $L.require($S)", Object.class, tenantColumns, label);
  }

  /** {@code try (connection; statement) {}}, closed by {@link #close()}. */
  void open(CodeBlock sql, CodeBlock generatedColumns) {
    code.beginControlFlow("try ($T connection = dataSource.getConnection();\n$>$>$T statement = "
            + "connection.prepareStatement($L$L)$<$<)", Connection.class, PreparedStatement.class, sql,
        generatedColumns == null ? CodeBlock.of("") : CodeBlock.of(", $L", generatedColumns));
  }

  void open(String sqlConstant) {
    open(CodeBlock.of("$L", sqlConstant), null);
  }

  void close() {
    code.nextControlFlow("catch ($T e)", SQLException.class)
        .addStatement("throw $T.failure($S, e)", SUPPORT, label)
        .endControlFlow();
  }

  void bindAll(List<Bind> binds) {
    for (int i = 0; i < binds.size(); i++) {
      code.addStatement(bind(binds.get(i), i + 1));
    }
  }

  private CodeBlock bind(Bind bind, int index) {
    if (bind instanceof Bind.TenantKey key) {
      return CodeBlock.of("statement.setObject($L, tenant[$L])", index, key.index());
    } else if (bind instanceof Bind.MaxRows max) {
      return CodeBlock.of("statement.setLong($L, $L)", index, max.expression());
    } else if (bind instanceof Bind.SkipRows skip) {
      return CodeBlock.of("statement.setLong($L, $L)", index, skip.expression());
    }
    return parameter((Bind.Parameter) bind, index);
  }

  private CodeBlock parameter(Bind.Parameter bind, int index) {
    Property property = bind.property();
    String name = arg(bind.name());
    return switch (bind.operator()) {
      case STARTS_WITH -> CodeBlock.of("statement.setString($L, $T.startsWith($L))", index, SUPPORT, name);
      case ENDS_WITH -> CodeBlock.of("statement.setString($L, $T.endsWith($L))", index, SUPPORT, name);
      case CONTAINS -> CodeBlock.of("statement.setString($L, $T.contains($L))", index, SUPPORT, name);
      case LIKE -> CodeBlock.of("statement.setString($L, $L)", index, name);
      case IN -> array(property, bind.name(), index);
      default -> property.kind() == ValueKind.PRIMITIVE && !parameterType(bind.name()).isPrimitive()
          ? CodeBlock.of("statement.setObject($L, $L)", index, name) // A boxed argument may be null.
          : entities.bind(property, index, CodeBlock.of("$L", name));
    };
  }

  /** {@code = ANY (?)}: the collection or array as an SQL array of the column's type. */
  private CodeBlock array(Property property, String parameter, int index) {
    if (property.kind() == ValueKind.ENUM) {
      entities.enumHelpers(property.enumMapping());
    }
    String name = arg(parameter);
    boolean array = parameterType(parameter) instanceof JavaType.ArrayOf;
    CodeBlock elements;
    if (ValueCode.needsArrayConversion(property)) {
      CodeBlock stream = array ? CodeBlock.of("$T.stream($L)", Arrays.class, name) : CodeBlock.of("$L.stream()", name);
      elements = CodeBlock.of("$L.map(value -> $L).toArray()", stream, ValueCode.arrayElement(property, "value"));
    } else {
      elements = array ? CodeBlock.of("$L", name) : CodeBlock.of("$L.toArray()", name);
    }
    return CodeBlock.of("statement.setArray($L, connection.createArrayOf($S, $L))", index,
        ValueCode.arrayType(property), elements);
  }

  /** Runs a statement that writes and returns its row count as {@code result}: void, int, long or boolean. */
  void returnUpdateCount(JavaType result) {
    if (result.equals(JavaType.VOID)) {
      code.addStatement("statement.executeUpdate()");
    } else if (result.sameBoxed(JavaType.BOOLEAN)) {
      code.addStatement("return statement.executeUpdate() > 0");
    } else if (result.sameBoxed(JavaType.LONG)) {
      code.addStatement("return statement.executeLargeUpdate()");
    } else {
      code.addStatement("return statement.executeUpdate()");
    }
  }

  /** Runs the query and reads its rows, each by {@code row}, into the method's result. */
  void query(Cardinality cardinality, CodeBlock row, TypeName rowType, String what) {
    code.beginControlFlow("try ($T rows = statement.executeQuery())", ResultSet.class);
    switch (cardinality) {
      case ONE -> code.beginControlFlow("if (!rows.next())")
          .addStatement("throw new $T($S)", EMPTY_RESULT, label + ": no " + what + " matches")
          .endControlFlow()
          .addStatement("$T result = $L", rowType, row)
          .beginControlFlow("if (rows.next())")
          .addStatement("throw new $T($S)", NON_UNIQUE, label + ": more than one " + what + " matches")
          .endControlFlow()
          .addStatement("return result");
      case OPTIONAL -> code.beginControlFlow("if (!rows.next())")
          .addStatement("return $T.empty()", Optional.class)
          .endControlFlow()
          .addStatement("$T result = $L", rowType, row)
          .beginControlFlow("if (rows.next())")
          .addStatement("throw new $T($S)", NON_UNIQUE, label + ": more than one " + what + " matches")
          .endControlFlow()
          .addStatement("return $T.ofNullable(result)", Optional.class);
      case LIST, STREAM -> {
        code.addStatement("$T results = new $T<>()", EntityCode.listOf(rowType.box()), ArrayList.class)
            .beginControlFlow("while (rows.next())")
            .addStatement("results.add($L)", row)
            .endControlFlow();
        // Read eagerly: the connection is back in the pool before the caller sees the stream.
        code.addStatement(cardinality == Cardinality.STREAM ? "return results.stream()" : "return results");
      }
      case PAGE -> throw new IllegalStateException("pages are read by FindRenderer");
    }
    code.endControlFlow();
  }

  /** Runs the query and returns what {@code value} makes of its one row ({@code rows.getLong(1)}, …). */
  void queryOneValue(CodeBlock value, boolean positioned) {
    code.beginControlFlow("try ($T rows = statement.executeQuery())", ResultSet.class);
    if (positioned) {
      code.addStatement("rows.next()");
    }
    code.addStatement(value).endControlFlow();
  }
}
