package dev.rowguard.runtime;

import dev.rowguard.postgres.Database;

/**
 * The single-key tenanted table the data source tests run against, as Rowguard generates it: {@code
 * tenant_id uuid NOT NULL}, row-level security enabled and forced, a fail-closed policy, and only DML granted
 * to the application role.
 */
final class InvoiceSchema {
  static final TenantKeys KEYS = TenantKeys.defaultKeys();

  private InvoiceSchema() {}

  static void create(Database database, String appRole) {
    String tenant = "tenant_id = (SELECT NULLIF(current_setting('rowguard.tenant_id', true), '')::uuid)";
    database.executeScript("""
        CREATE TABLE invoice (
          id bigint PRIMARY KEY,
          tenant_id uuid NOT NULL,
          amount integer NOT NULL
        );
        ALTER TABLE invoice ENABLE ROW LEVEL SECURITY;
        ALTER TABLE invoice FORCE ROW LEVEL SECURITY;
        CREATE POLICY tenant_isolation ON invoice USING (%1$s) WITH CHECK (%1$s);
        GRANT USAGE ON SCHEMA public TO %2$s;
        GRANT SELECT, INSERT, UPDATE, DELETE ON invoice TO %2$s;
        """.formatted(tenant, appRole));
  }
}
