package dev.rowguard.processor.derive;

import dev.rowguard.schema.Schema;

/** Applies Rowguard's rules to the declared model: foreign-key indexes, then names, then creation order. */
public final class SchemaDerivation {
  private SchemaDerivation() {}

  public static Schema derive(Schema declared) {
    Schema indexed = new Schema(declared.formatVersion(),
        declared.tables().stream().map(ForeignKeyIndexes::apply).toList());
    Schema named = ConstraintNaming.apply(indexed);
    return new Schema(named.formatVersion(), TableOrder.apply(named.tables()));
  }
}
