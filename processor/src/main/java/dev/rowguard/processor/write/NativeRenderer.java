package dev.rowguard.processor.write;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.rowguard.processor.repository.NativeResult;
import dev.rowguard.processor.repository.Operation;

/**
 * Renders {@code @SqlQuery} methods: the checked statement, bound as the model says (tenant keys from the bound
 * tenant, parameters as the properties they are compared to), its rows read as entities, records or one value.
 */
final class NativeRenderer {
  private NativeRenderer() {}

  static void render(Operation.Native query, JdbcBlock block) {
    String name = block.method.name();
    if (query.bindsEntityKeys()) {
      block.requireTenant(query.entity());
    } else {
      block.requireTenant(block.members.tenantConstant(name, query.tenantKeys()));
    }
    block.open(block.members.sqlConstant(name, "", query.sql()));
    block.bindAll(query.binds());
    if (query.result() == null) {
      block.returnUpdateCount(query.resultType());
      block.close();
      return;
    }
    String suffix = "For" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    EntityCode entities = block.entities;
    if (query.result() instanceof NativeResult.Rows rows) {
      boolean inOrder = true;
      for (int i = 0; i < rows.positions().size(); i++) {
        inOrder &= rows.positions().get(i) == i + 1;
      }
      String mapper = inOrder ? entities.rowMapper(rows.entity())
          : entities.rowMapper(rows.entity(), rows.positions(), suffix);
      block.query(query.cardinality(), CodeBlock.of("$L(rows)", mapper), PoetTypes.of(rows.entity().type()),
          rows.entity().simpleName());
    } else if (query.result() instanceof NativeResult.Record record) {
      String mapper = entities.recordMapper(record.type(), record.components(), record.positions(), suffix);
      block.query(query.cardinality(), CodeBlock.of("$L(rows)", mapper), PoetTypes.of(record.type()), "row");
    } else {
      NativeResult.Scalar scalar = (NativeResult.Scalar) query.result();
      TypeName type = PoetTypes.of(scalar.value().type());
      block.query(query.cardinality(), entities.read(scalar.value(), 1), type, "row");
    }
    block.close();
  }
}
