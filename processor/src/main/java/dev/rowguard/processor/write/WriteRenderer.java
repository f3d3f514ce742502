package dev.rowguard.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.rowguard.processor.repository.EntityMapping;
import dev.rowguard.processor.repository.JavaType;
import dev.rowguard.processor.repository.Operation.Write;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders lifecycle methods: insert, update, delete and save of one entity or a List of them (a JDBC batch in
 * one transaction), with the entity's tenant keys checked against the bound tenant before the connection is
 * taken, a missing row reported as an optimistic-lock failure, and what the database generated read back.
 */
final class WriteRenderer {
  private static final ClassName OPTIMISTIC_LOCK =
      ClassName.get("jakarta.data.exceptions", "OptimisticLockingFailureException");
  private static final ClassName SUPPORT = ValueCode.SUPPORT;
  /** The loop variable over a List; a parameter named so was renamed (ParameterNames.LOCALS). */
  private static final String EACH = "entity";

  private final Write write;
  private final JdbcBlock block;
  private final CodeBlock.Builder code;
  private final EntityMapping entity;
  /** Whether the database fills in columns (identity, defaults, version) that are read back. */
  private final boolean generated;
  /** Whether the method returns the row count rather than the entity or nothing. */
  private final boolean counts;
  /** Whether a write that touches no row fails: every kind but insert, unless the count is returned. */
  private final boolean checked;
  /** {@code , tenant} after the entity for a tenanted entity's helpers, else nothing. */
  private final CodeBlock tenantArg;

  private WriteRenderer(Write write, JdbcBlock block) {
    this.write = write;
    this.block = block;
    this.code = block.code;
    this.entity = write.entity();
    this.generated = (write.kind() == Write.Kind.INSERT || write.kind() == Write.Kind.SAVE)
        && !RepositorySql.generatedColumns(entity).isEmpty();
    this.counts = write.result() == Write.Result.INT_COUNT || write.result() == Write.Result.LONG_COUNT;
    this.checked = write.kind() != Write.Kind.INSERT;
    this.tenantArg = entity.table().tenanted() ? CodeBlock.of(", tenant") : CodeBlock.of("");
  }

  static void render(Write write, JdbcBlock block) {
    new WriteRenderer(write, block).render();
  }

  private void render() {
    String tenantColumns = entity.table().tenanted() ? block.members.tenantConstant(entity) : null;
    block.requireTenant(entity);
    String sql = switch (write.kind()) {
      case INSERT -> RepositorySql.insert(entity);
      case SAVE -> RepositorySql.save(entity);
      case UPDATE -> RepositorySql.update(entity);
      case DELETE -> RepositorySql.deleteEntity(entity);
    };
    String binder = switch (write.kind()) {
      case INSERT, SAVE -> block.entities.insertBinder(entity, tenantColumns);
      case UPDATE -> block.entities.updateBinder(entity, tenantColumns);
      case DELETE -> block.entities.keyBinder(entity, tenantColumns);
    };
    // Named for what it does, so that insert and insertAll share one statement text.
    String constant = block.members.sqlConstant(write.kind().name().toLowerCase(Locale.ROOT)
        + (block.members.manyEntities() ? entity.simpleName() : ""), "", sql);
    CodeBlock generatedColumns = generated ? CodeBlock.of("$L", block.members.generatedColumns(entity)) : null;
    // Only when the entity is handed back: a method returning the row count would leave the helper unused.
    String afterWrite = counts ? null : switch (write.kind()) {
      case INSERT, SAVE -> block.entities.written(entity, generated);
      case UPDATE -> block.entities.updated(entity);
      case DELETE -> null;
    };
    String items = block.arg(write.parameter());
    if (tenantColumns != null) {
      if (write.many()) {
        code.beginControlFlow("for ($T $L : $L)", element(), EACH, items)
            .add(EntityCode.checkTenantKeys(entity, tenantColumns, EACH, block.label))
            .endControlFlow();
      } else {
        code.add(EntityCode.checkTenantKeys(entity, tenantColumns, items, block.label));
      }
    }
    block.open(CodeBlock.of("$L", constant), generatedColumns);
    if (write.many()) {
      batch(binder, afterWrite, items);
    } else {
      single(binder, afterWrite, items);
    }
    block.close();
  }

  private void single(String binder, String afterWrite, String item) {
    code.addStatement("$L(statement, $L$L)", binder, item, tenantArg);
    boolean failsOnNoRow = checked && !counts;
    code.addStatement(failsOnNoRow || counts ? "int count = statement.executeUpdate()" : "statement.executeUpdate()");
    if (failsOnNoRow) {
      code.beginControlFlow("if (count == 0)");
      throwNotFound(item);
      code.endControlFlow();
    }
    if (counts) {
      code.addStatement(write.result() == Write.Result.LONG_COUNT ? "return (long) count" : "return count");
    } else if (afterWrite != null) {
      if (generated) {
        code.beginControlFlow("try ($T generated = statement.getGeneratedKeys())", ResultSet.class)
            .addStatement("generated.next()");
      }
      code.addStatement(write.result() == Write.Result.ENTITIES ? "return $L" : "$L", result(afterWrite, item));
      if (generated) {
        code.endControlFlow();
      }
    }
  }

  private void batch(String binder, String afterWrite, String items) {
    TypeName element = element();
    code.beginControlFlow("for ($T $L : $L)", element, EACH, items)
        .addStatement("$L(statement, $L$L)", binder, EACH, tenantArg)
        .addStatement("statement.addBatch()")
        .endControlFlow();
    code.add("$L$T.atomically(connection, () -> {\n$>", write.result() == Write.Result.VOID ? "" : "return ",
        SUPPORT);
    code.addStatement(checked || counts ? "int[] counts = statement.executeBatch()" : "statement.executeBatch()");
    if (checked) {
      code.addStatement("int index = 0")
          .beginControlFlow("for ($T $L : $L)", element, EACH, items)
          .beginControlFlow("if (counts[index++] == 0)");
      throwNotFound(EACH);
      code.endControlFlow().endControlFlow();
    }
    if (counts) {
      code.addStatement("long total = 0")
          .beginControlFlow("for (int count : counts)")
          .addStatement("total += count")
          .endControlFlow()
          .addStatement(write.result() == Write.Result.LONG_COUNT ? "return total"
              : "return $T.toIntExact(total)", Math.class);
    } else if (afterWrite != null) {
      code.addStatement("$T results = new $T<>($L.size())", EntityCode.listOf(element), ArrayList.class, items);
      if (generated) {
        code.beginControlFlow("try ($T generated = statement.getGeneratedKeys())", ResultSet.class);
      }
      code.beginControlFlow("for ($T $L : $L)", element, EACH, items);
      if (generated) {
        code.addStatement("generated.next()");
      }
      code.addStatement("results.add($L)", result(afterWrite, EACH)).endControlFlow();
      if (generated) {
        code.endControlFlow();
      }
      code.addStatement(write.result() == Write.Result.VOID ? "return null" : "return results");
    } else {
      code.addStatement("return null");
    }
    code.add("$<});\n");
  }

  /** The List's element type, a wildcard's bound for {@code List<? extends Asset>}. */
  private TypeName element() {
    JavaType element = ((JavaType.Declared) block.parameterType(write.parameter())).typeArguments().get(0);
    return PoetTypes.of(element instanceof JavaType.Wildcard wildcard ? wildcard.upper() : element);
  }

  private void throwNotFound(String item) {
    String notFound = write.kind() == Write.Kind.SAVE
        ? " was not saved: its key belongs to a row of another tenant"
            + (entity.version().isPresent() ? ", or its version changed" : "")
        : " was not " + (write.kind() == Write.Kind.UPDATE ? "updated" : "deleted") + ": no row with its key"
            + (entity.version().isPresent() ? " and version" : "") + " for the bound tenant";
    code.addStatement("throw new $T($S + $L.$L + $S)", OPTIMISTIC_LOCK, block.label + ": " + entity.simpleName()
        + " ", item, entity.id().access().read(), notFound);
  }

  /** The entity as written: the same instance for classes, a rebuilt record for records. */
  private CodeBlock result(String helper, String item) {
    return generated
        ? CodeBlock.of("$L($L$L, generated)", helper, item, tenantArg)
        : CodeBlock.of("$L($L$L)", helper, item, tenantArg);
  }
}
