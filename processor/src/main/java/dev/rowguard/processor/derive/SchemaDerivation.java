package dev.rowguard.processor.derive;

import dev.rowguard.schema.Schema;

/**
 * Applies Rowguard's rules to the declared model: tenancy, then foreign-key indexes, then names, then creation
 * order.
 */
public final class SchemaDerivation {
  private SchemaDerivation() {}

  public static Schema derive(Schema declared) {
    Schema tenanted = TenancyRules.apply(declared);
    Schema indexed = new Schema(tenanted.formatVersion(),
        tenanted.tables().stream().map(ForeignKeyIndexes::apply).toList());
    Schema named = ConstraintNaming.apply(indexed);
    return new Schema(named.formatVersion(), TableOrder.apply(named.tables()));
  }
}
