package dev.rowguard.sample;

/**
 * One way in which tenants were not isolated, found by {@link TenantIsolationSuite}.
 *
 * @param kind which guarantee was broken
 * @param table the table it was broken on
 * @param detail what was attempted and what happened
 */
record Violation(Kind kind, String table, String detail) {
  enum Kind {
    /** A tenant's own rows were not visible to it, so the other checks would prove nothing. */
    OWN_ROWS_HIDDEN,
    /** A tenant read rows of another tenant. */
    READ_OTHER_TENANT,
    /** A tenant updated rows of another tenant. */
    UPDATE_OTHER_TENANT,
    /** A tenant deleted (or found, for deletion) rows of another tenant. */
    DELETE_OTHER_TENANT,
    /** An insert carrying another tenant's key was not rejected by the row-level security policy. */
    INSERT_WITH_OTHER_TENANT_KEY,
    /** An update moving a row to another tenant's key was not rejected by the row-level security policy. */
    UPDATE_TO_OTHER_TENANT_KEY,
    /** A row could reference another tenant's parent row. */
    REFERENCE_OTHER_TENANT_ROW,
    /** With no tenant (or not every level of it) bound, rows were visible. */
    READ_WITHOUT_TENANT,
    /** With no tenant bound, a write went through or found rows to change. */
    WRITE_WITHOUT_TENANT,
    /** A tenant key could be NULL: a row that belongs to no tenant, and escapes composite foreign keys. */
    NULL_TENANT_KEY
  }

  @Override
  public String toString() {
    return kind + " on " + table + ": " + detail;
  }
}
