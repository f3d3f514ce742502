package dev.rowguard.schema.migrate;

/**
 * Where a change goes in a migration. Changes run in this order so that each step finds what it needs: renames
 * before anything refers to the new names, constraints dropped before the columns they use change, tables and
 * columns added before the constraints that use them, and drops last (expand, then contract). On Citus, new tables
 * are distributed as soon as they exist, before any foreign key refers to them or leaves them.
 */
public enum Phase {
  CREATE_SCHEMA,
  RENAME_TABLE,
  RENAME_COLUMN,
  DROP_FOREIGN_KEY,
  DROP_POLICY,
  DROP_CONSTRAINT,
  RENAME_CONSTRAINT,
  CREATE_TABLE,
  DISTRIBUTE,
  ADD_COLUMN,
  ALTER_COLUMN,
  CHECK,
  KEY,
  FOREIGN_KEY,
  TENANT_FUNCTION,
  ROW_LEVEL_SECURITY,
  GRANT,
  COMMENT,
  DROP_COLUMN,
  DROP_TABLE,
  DROP_TYPE,
  INDEX
}
