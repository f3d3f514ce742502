package dev.rowguard.runtime.verify;

/** Each way a live database can differ from the model. */
public enum DriftKind {
  TABLE_MISSING("table missing"),
  TABLE_EXTRA("table not in the model"),
  COLUMN_MISSING("column missing"),
  COLUMN_EXTRA("column not in the model"),
  COLUMN_TYPE("column type differs"),
  COLUMN_LENGTH("column length differs"),
  COLUMN_PRECISION("column precision or scale differs"),
  COLUMN_NULLABILITY("column nullability differs"),
  COLUMN_DEFAULT("column default differs"),
  COLUMN_IDENTITY("column identity differs"),
  NATIVE_ENUM("native ENUM type where the model has a CHECK"),
  ENUM_TYPE_EXTRA("native ENUM type that nothing uses"),
  CHECK_MISSING("CHECK constraint missing"),
  CHECK_CHANGED("CHECK constraint allows other values"),
  PRIMARY_KEY_MISSING("primary key missing"),
  PRIMARY_KEY_CHANGED("primary key defined differently"),
  UNIQUE_KEY_MISSING("unique key missing"),
  UNIQUE_KEY_CHANGED("unique key defined differently"),
  FOREIGN_KEY_MISSING("foreign key missing"),
  FOREIGN_KEY_CHANGED("foreign key defined differently"),
  INDEX_MISSING("index missing"),
  INDEX_CHANGED("index defined differently"),
  NAME_DIFFERS("constraint or index named differently"),
  CONSTRAINT_EXTRA("constraint not in the model"),
  INDEX_EXTRA("index not in the model"),
  RLS_DISABLED("row-level security not enabled"),
  RLS_NOT_FORCED("row-level security not forced"),
  POLICY_MISSING("policy missing"),
  POLICY_CHANGED("policy defined differently"),
  POLICY_EXTRA("policy not in the model"),
  GRANT_MISSING("privilege of the application role missing"),
  GRANT_EXTRA("privilege of the application role not in the model");

  private final String description;

  DriftKind(String description) {
    this.description = description;
  }

  /** What the kind means, for the report. */
  public String description() {
    return description;
  }
}
