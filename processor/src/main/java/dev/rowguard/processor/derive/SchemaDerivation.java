package dev.rowguard.processor.derive;

import dev.rowguard.schema.Schema;
import dev.rowguard.schema.Table;
import java.util.List;

/**
 * Applies Rowguard's rules to the declared model: tenancy, then foreign-key indexes, then (for Citus) keys that
 * include the distribution column, then names, then creation order and (for Citus) distribution.
 */
public final class SchemaDerivation {
  private SchemaDerivation() {}

  public static Schema derive(Schema declared) {
    return derive(declared, Target.POSTGRESQL);
  }

  public static Schema derive(Schema declared, Target target) {
    Schema tenanted = TenancyRules.apply(declared);
    Schema indexed = new Schema(tenanted.formatVersion(),
        tenanted.tables().stream().map(ForeignKeyIndexes::apply).toList());
    Schema keyed = target == Target.CITUS ? CitusRules.keys(indexed) : indexed;
    Schema named = ConstraintNaming.apply(keyed);
    List<Table> ordered = TableOrder.apply(named.tables());
    return new Schema(named.formatVersion(), target == Target.CITUS ? CitusRules.distribute(ordered) : ordered);
  }
}
