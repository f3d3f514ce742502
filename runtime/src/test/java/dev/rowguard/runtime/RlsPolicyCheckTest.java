package dev.rowguard.runtime;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rowguard.postgres.Database;
import dev.rowguard.postgres.DevPostgres.ServerAddress;
import dev.rowguard.postgres.PostgresExtension;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The start-up check verifies the policies, not only the role: an owner who applies DDL that adds {@code
 * CREATE POLICY open ON app.victim USING (true)} opens every tenant's rows to every other, and before this the
 * check still passed. Each table below is created as the processor writes it (multi-line predicate, same
 * text), then tampered with in one way. Checked as a non-owner login.
 */
@ExtendWith(PostgresExtension.class)
class RlsPolicyCheckTest {
  private static final String ONE_KEY =
      "tenant_id = (SELECT NULLIF(current_setting('rowguard.tenant_id', true), '')::uuid)";
  private static final String TWO_KEYS =
      "client_account_id = (SELECT NULLIF(current_setting('rowguard.client_account_id', true), '')::uuid)\n"
          + "       AND engagement_id = (SELECT NULLIF(current_setting('rowguard.engagement_id', true), '')::uuid)";
  private static final TenantKeys HIERARCHY =
      TenantKeys.of(TenantKeyLevel.uuid("client_account_id"), TenantKeyLevel.uuid("engagement_id"));
  private static final String FIX_ONE_KEY = "DROP POLICY IF EXISTS tenant_isolation ON app.%1$s; CREATE POLICY"
      + " tenant_isolation ON app.%1$s USING (" + ONE_KEY + ") WITH CHECK (" + ONE_KEY + ")";

  private static TestRoles roles;
  private static ServerAddress admin;
  private static ServerAddress app;

  @BeforeAll
  static void createTables(Database database) {
    roles = new TestRoles(database);
    admin = database.owner();
    app = roles.create("app", "NOINHERIT");
    // The check needs no privilege to create anything, so the set-up's REVOKE TEMPORARY does not stop it.
    StringBuilder script = new StringBuilder("DO $$ BEGIN EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM"
        + " PUBLIC', current_database()); END $$;\nCREATE SCHEMA app;\nGRANT USAGE ON SCHEMA app TO " + app.user()
        + ";\n");
    for (String table : List.of("intact", "victim", "peeked", "changed", "changed_check", "narrowed", "missing",
        "unforced", "pinned")) {
      script.append(generated(table, "tenant_id uuid NOT NULL", ONE_KEY));
    }
    script.append(generated("engagement", "client_account_id uuid NOT NULL",
        "client_account_id = (SELECT NULLIF(current_setting('rowguard.client_account_id', true), '')::uuid)"));
    script.append(generated("asset", "client_account_id uuid NOT NULL, engagement_id uuid NOT NULL", TWO_KEYS));
    // The Citus target's form: the policy calls a STABLE function per key, as TenantFunctionsSql writes it.
    script.append(citusFunction("rowguard_tenant_id", "NULLIF(pg_catalog.current_setting('rowguard.tenant_id', true),"
        + " '')::uuid"));
    script.append(citusFunction("rowguard_fixed_tenant", "'00000000-0000-0000-0000-000000000001'::uuid"));
    script.append(generated("citus_intact", "tenant_id uuid NOT NULL", "tenant_id = app.rowguard_tenant_id()"));
    script.append(generated("citus_tampered", "tenant_id uuid NOT NULL", "tenant_id = app.rowguard_fixed_tenant()"));
    script.append("""
        CREATE POLICY open ON app.victim USING (true);
        CREATE POLICY peek ON app.peeked AS PERMISSIVE FOR SELECT TO %1$s USING (true);
        ALTER POLICY tenant_isolation ON app.changed USING (true);
        ALTER POLICY tenant_isolation ON app.changed_check WITH CHECK (tenant_id IS NOT NULL);
        DROP POLICY tenant_isolation ON app.narrowed;
        CREATE POLICY tenant_isolation ON app.narrowed FOR SELECT USING (%2$s);
        DROP POLICY tenant_isolation ON app.missing;
        ALTER TABLE app.unforced NO FORCE ROW LEVEL SECURITY;
        ALTER POLICY tenant_isolation ON app.pinned USING (tenant_id = '00000000-0000-0000-0000-000000000001'::uuid)
            WITH CHECK (tenant_id = '00000000-0000-0000-0000-000000000001'::uuid);
        """.formatted(app.user(), ONE_KEY));
    database.executeScript(script.toString());
  }

  /** The table and its row-level security exactly as the processor's schema.sql has them. */
  private static String generated(String table, String keyColumns, String predicate) {
    return """
        CREATE TABLE app.%1$s (id bigint PRIMARY KEY, %2$s);
        GRANT SELECT, INSERT, UPDATE, DELETE ON app.%1$s TO %4$s;
        ALTER TABLE app.%1$s ENABLE ROW LEVEL SECURITY;
        ALTER TABLE app.%1$s FORCE ROW LEVEL SECURITY;
        CREATE POLICY tenant_isolation ON app.%1$s
            USING (%3$s)
            WITH CHECK (%3$s);
        """.formatted(table, keyColumns, predicate, app.user());
  }

  private static String citusFunction(String name, String body) {
    return "CREATE FUNCTION app." + name + "() RETURNS uuid\n    LANGUAGE sql STABLE PARALLEL SAFE\n"
        + "    AS $rowguard$SELECT " + body + "$rowguard$;\n";
  }

  @AfterAll
  static void dropRoles() {
    roles.close();
  }

  @Test
  void acceptsTheGeneratedPolicyAsTheProcessorWritesIt() {
    RlsRoleCheck.forTables("app.intact").verify(app.dataSource());
    RlsRoleCheck.forTables("app.engagement", "app.asset").withKeys(HIERARCHY).verify(app.dataSource());
    RlsRoleCheck.forTables("app.engagement", "app.asset")
        .verify(TenantBindingDataSource.wrap(app.dataSource(), HIERARCHY));
  }

  @Test
  void acceptsTheCitusTargetsPolicyThroughTheTenantFunction() {
    RlsRoleCheck.forTables("app.citus_intact").verify(app.dataSource());
  }

  @Test
  void refusesACitusPolicyWhoseFunctionReadsNoSetting() {
    List<String> problems = problems("app.citus_tampered");

    assertThat(problems).hasSize(2);
    assertThat(problems.get(0)).startsWith("policy tenant_isolation on table app.citus_tampered has USING (tenant_id"
        + " = app.rowguard_fixed_tenant()), but the model's expression is (tenant_id = ");
  }

  @Test
  void refusesAnAddedPolicyThatShowsEveryRow() {
    assertThat(problems("app.victim")).containsExactly("table app.victim has policy open (PERMISSIVE FOR ALL TO"
        + " PUBLIC, USING true) besides Rowguard's tenant_isolation; policies of a table are combined, so it can show"
        + " or accept rows of other tenants. Run DROP POLICY open ON app.victim");
  }

  @Test
  void refusesAPermissivePolicyForOneCommand() {
    assertThat(problems("app.peeked")).containsExactly("table app.peeked has policy peek (PERMISSIVE FOR SELECT TO "
        + app.user() + ", USING true) besides Rowguard's tenant_isolation; policies of a table are combined, so it"
        + " can show or accept rows of other tenants. Run DROP POLICY peek ON app.peeked");
  }

  @Test
  void refusesAChangedUsingExpression() {
    List<String> problems = problems("app.changed");

    assertThat(problems).hasSize(1);
    assertThat(problems.get(0)).startsWith("policy tenant_isolation on table app.changed has USING true, but the"
        + " model's expression is (tenant_id = ");
    assertThat(problems.get(0)).endsWith(". Recreate it as generated: "
        + FIX_ONE_KEY.formatted("changed"));
  }

  @Test
  void refusesAChangedWithCheckExpression() {
    List<String> problems = problems("app.changed_check");

    assertThat(problems).hasSize(1);
    assertThat(problems.get(0)).startsWith("policy tenant_isolation on table app.changed_check has WITH CHECK"
        + " (tenant_id IS NOT NULL), but the model's expression is (tenant_id = ");
  }

  /** Planned over a one-row VALUES, both expressions used to fold to NULL and compare equal. */
  @Test
  void refusesAPolicyPinnedToOneTenant() {
    List<String> problems = problems("app.pinned");

    assertThat(problems).hasSize(2);
    assertThat(problems.get(0)).startsWith("policy tenant_isolation on table app.pinned has USING (tenant_id ="
        + " '00000000-0000-0000-0000-000000000001'::uuid), but the model's expression is (tenant_id = ");
    assertThat(problems.get(1)).startsWith("policy tenant_isolation on table app.pinned has WITH CHECK (tenant_id =");
  }

  @Test
  void refusesTheGeneratedPolicyNarrowedToOneCommand() {
    List<String> problems = problems("app.narrowed");

    assertThat(problems.get(0)).isEqualTo("policy tenant_isolation on table app.narrowed is PERMISSIVE FOR SELECT"
        + " TO PUBLIC, but Rowguard generates it PERMISSIVE FOR ALL TO PUBLIC. Recreate it as generated: "
        + FIX_ONE_KEY.formatted("narrowed"));
    assertThat(problems.get(1)).startsWith("policy tenant_isolation on table app.narrowed has WITH CHECK missing");
    assertThat(problems).hasSize(2);
  }

  @Test
  void refusesATableWithoutTheGeneratedPolicy() {
    assertThat(problems("app.missing")).containsExactly("table app.missing has no policy tenant_isolation, so"
        + " row-level security shows no tenant its rows, or other policies decide alone. Apply the generated schema"
        + " again: " + FIX_ONE_KEY.formatted("missing"));
  }

  @Test
  void refusesNoForceRowLevelSecurity() {
    assertThat(problems("app.unforced")).containsExactly("table app.unforced does not force row-level security, so"
        + " its owner \"" + admin.user() + "\" bypasses the policies. Run ALTER TABLE app.unforced FORCE ROW"
        + " LEVEL SECURITY");
  }

  @Test
  void aSchemaCheckFindsEveryTamperedTable() {
    RlsBypassException e = assertThrows(RlsBypassException.class,
        () -> RlsRoleCheck.forSchemas("app").withKeys(TenantKeys.defaultKeys()).verify(app.dataSource()));

    for (String table : List.of("victim", "peeked", "changed", "changed_check", "narrowed", "missing", "unforced",
        "pinned", "citus_tampered")) {
      assertThat(e.problems().stream().anyMatch(p -> p.contains("app." + table + " "))).isTrue();
    }
    // Tables keyed by other columns than the default keys' are reported as such, not as tampered.
    assertThat(e.problems().stream().noneMatch(p -> p.contains("app.citus_intact "))).isTrue();
    assertThat(e.problems()).contains("table app.asset has none of the tenant key columns [tenant_id], so its"
        + " policies cannot be checked against Rowguard's. Check it with the project's keys:"
        + " RlsRoleCheck…withKeys(KEYS), or pass the TenantBindingDataSource to verify(..)");
  }

  private static List<String> problems(String table) {
    return assertThrows(RlsBypassException.class, () -> RlsRoleCheck.forTables(table).verify(app.dataSource()))
        .problems();
  }
}
