package dev.rowguard.runtime;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rowguard.postgres.Database;
import dev.rowguard.postgres.DevPostgres.ServerAddress;
import dev.rowguard.postgres.PostgresExtension;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The start-up check against real roles. Creating a {@code BYPASSRLS} role and checking a superuser need the
 * administrative login to be a superuser, as the embedded server's {@code postgres} is.
 */
@ExtendWith(PostgresExtension.class)
class RlsRoleCheckTest {
  private static final String HEADER = "row-level security would not protect every tenant for role \"%s\"; refusing to start:";

  private static TestRoles roles;
  private static ServerAddress admin;
  private static ServerAddress app;
  private static ServerAddress bypass;
  private static ServerAddress owner;
  private static ServerAddress member;

  @BeforeAll
  static void createRolesAndTables(Database database) {
    roles = new TestRoles(database);
    admin = database.owner();
    app = roles.create("app", "NOINHERIT");
    bypass = roles.create("bypass", "BYPASSRLS");
    owner = roles.create("owner", "");
    member = roles.create("member", "INHERIT");
    String policy = "tenant_id = (SELECT NULLIF(current_setting('rowguard.tenant_id', true), '')::uuid)";
    database.executeScript("""
        CREATE SCHEMA tenanted;
        CREATE SCHEMA empty_schema;
        CREATE TABLE tenanted.invoice (id bigint PRIMARY KEY, tenant_id uuid NOT NULL);
        ALTER TABLE tenanted.invoice ENABLE ROW LEVEL SECURITY;
        ALTER TABLE tenanted.invoice FORCE ROW LEVEL SECURITY;
        CREATE POLICY tenant_isolation ON tenanted.invoice USING (%1$s) WITH CHECK (%1$s);

        CREATE TABLE public.draft (id bigint PRIMARY KEY, tenant_id uuid NOT NULL);
        ALTER TABLE public.draft ENABLE ROW LEVEL SECURITY;
        CREATE POLICY tenant_isolation ON public.draft USING (%1$s) WITH CHECK (%1$s);
        CREATE TABLE public.memo (id bigint PRIMARY KEY, tenant_id uuid NOT NULL);
        CREATE POLICY tenant_isolation ON public.memo USING (%1$s) WITH CHECK (%1$s);
        CREATE TABLE public.ledger (id bigint PRIMARY KEY, tenant_id uuid NOT NULL);
        ALTER TABLE public.ledger ENABLE ROW LEVEL SECURITY;
        ALTER TABLE public.ledger FORCE ROW LEVEL SECURITY;
        CREATE POLICY tenant_isolation ON public.ledger USING (%1$s) WITH CHECK (%1$s);
        ALTER TABLE public.ledger OWNER TO %2$s;
        GRANT %2$s TO %3$s;
        GRANT USAGE ON SCHEMA tenanted, empty_schema, public TO %4$s, %5$s, %2$s, %3$s;
        """.formatted(policy, owner.user(), member.user(), app.user(), bypass.user()));
  }

  @AfterAll
  static void dropRoles() {
    roles.close();
  }

  @Test
  void acceptsAnApplicationRoleThatIsSubjectToRowLevelSecurity() {
    RlsRoleCheck.forTables("tenanted.invoice").verify(app.dataSource());
    RlsRoleCheck.forSchemas("tenanted").verify(app.dataSource());
  }

  @Test
  void acceptsATenantBindingDataSourceAtStartUpWhenNoTenantIsBound() {
    RlsRoleCheck.forSchemas("tenanted")
        .verify(TenantBindingDataSource.wrap(app.dataSource(), TenantKeys.defaultKeys()));
  }

  @Test
  void rejectsASuperuser() {
    RlsBypassException e = rejected(RlsRoleCheck.forTables("tenanted.invoice"), admin.dataSource());

    assertThat(e.role()).isEqualTo(admin.user());
    assertThat(e).hasMessageThat().isEqualTo(HEADER.formatted(admin.user()) + "\n  - role \"" + admin.user()
        + "\" is a superuser, and superusers bypass row-level security. Connect as an application role instead:"
        + " CREATE ROLE app LOGIN NOINHERIT PASSWORD '…'; then GRANT USAGE on the schema and SELECT, INSERT,"
        + " UPDATE, DELETE on the tables to app");
  }

  @Test
  void rejectsASuperuserLoginThatSwitchesToTheApplicationRole() {
    org.postgresql.ds.PGSimpleDataSource switched = (org.postgresql.ds.PGSimpleDataSource) admin.dataSource();
    switched.setOptions("-c role=" + app.user()); // what SET ROLE in a pool's init SQL does

    RlsBypassException e = rejected(RlsRoleCheck.forTables("tenanted.invoice"), switched);

    assertThat(e.role()).isEqualTo(app.user());
    assertThat(e.problems()).containsExactly("the login role \"" + admin.user() + "\" is a superuser, so RESET ROLE"
        + " escapes \"" + app.user() + "\". Log in as \"" + app.user() + "\" itself instead of switching to it"
        + " with SET ROLE");
  }

  @Test
  void rejectsARoleWithBypassRls() {
    RlsBypassException e = rejected(RlsRoleCheck.forTables("tenanted.invoice"), bypass.dataSource());

    assertThat(e).hasMessageThat().isEqualTo(HEADER.formatted(bypass.user()) + "\n  - role \"" + bypass.user()
        + "\" has BYPASSRLS, which skips every row-level security policy. Run ALTER ROLE " + bypass.user()
        + " NOBYPASSRLS, or connect as a role without it");
  }

  @Test
  void rejectsTheOwnerOfATenantedTableEvenWhenRowLevelSecurityIsForced() {
    RlsBypassException e = rejected(RlsRoleCheck.forTables("public.ledger"), owner.dataSource());

    assertThat(e.problems()).containsExactly("role \"" + owner.user() + "\" owns table public.ledger, and an owner"
        + " can switch its row-level security off. Give the table to a separate owner role (ALTER TABLE"
        + " public.ledger OWNER TO …) and grant \"" + owner.user() + "\" only SELECT, INSERT, UPDATE, DELETE");
  }

  @Test
  void rejectsAMemberOfTheOwningRole() {
    RlsBypassException e = rejected(RlsRoleCheck.forTables("public.ledger"), member.dataSource());

    assertThat(e.problems()).containsExactly("role \"" + member.user() + "\" is a member of \"" + owner.user()
        + "\", which owns table public.ledger, so it can act as the owner. Run REVOKE " + owner.user() + " FROM "
        + member.user());
  }

  @Test
  void rejectsATableWhoseRowLevelSecurityIsNotForced() {
    RlsBypassException e = rejected(RlsRoleCheck.forTables("public.draft"), app.dataSource());

    assertThat(e).hasMessageThat().isEqualTo(HEADER.formatted(app.user()) + "\n  - table public.draft does not"
        + " force row-level security, so its owner \"" + admin.user() + "\" bypasses the policies. Run ALTER TABLE"
        + " public.draft FORCE ROW LEVEL SECURITY");
  }

  @Test
  void rejectsANamedTableWithoutRowLevelSecurity() {
    RlsBypassException e = rejected(RlsRoleCheck.forTables("memo"), app.dataSource());

    assertThat(e.problems()).containsExactly("table public.memo does not have row-level security enabled. Run"
        + " ALTER TABLE public.memo ENABLE ROW LEVEL SECURITY and ALTER TABLE public.memo FORCE ROW LEVEL SECURITY");
  }

  @Test
  void rejectsAMissingTable() {
    RlsBypassException e = rejected(RlsRoleCheck.forTables("public.nope"), app.dataSource());

    assertThat(e.problems()).containsExactly("table public.nope does not exist, or is not visible to role \""
        + app.user() + "\". Check the name, qualify it with its schema, and GRANT USAGE on the schema to "
        + app.user());
  }

  @Test
  void schemaCheckCoversEveryTableWithRowLevelSecurityInTheSchema() {
    RlsBypassException e = rejected(RlsRoleCheck.forSchemas("public", "tenanted"), app.dataSource());

    assertThat(e.problems()).containsExactly("table public.draft does not force row-level security, so its owner \""
        + admin.user() + "\" bypasses the policies. Run ALTER TABLE public.draft FORCE ROW LEVEL SECURITY");
  }

  @Test
  void rejectsSchemasWithoutAnyTenantedTable() {
    RlsBypassException e = rejected(RlsRoleCheck.forSchemas("empty_schema"), app.dataSource());

    assertThat(e.problems()).containsExactly("no table in schemas [empty_schema] has row-level security enabled."
        + " Check the schema names, or run the migrations that create the tenanted tables first");
  }

  @Test
  void reportsEveryProblemAtOnce() {
    RlsBypassException e =
        rejected(RlsRoleCheck.forTables("public.ledger", "public.draft", "public.memo"), owner.dataSource());

    assertThat(e.problems()).hasSize(3);
    assertThat(e.problems().get(0)).startsWith("role \"" + owner.user() + "\" owns table public.ledger");
    assertThat(e.problems().get(1)).startsWith("table public.draft does not force row-level security");
    assertThat(e.problems().get(2)).startsWith("table public.memo does not have row-level security enabled");
  }

  @Test
  void aCheckThatCannotRunKeepsTheSqlState() {
    RowguardSqlException e = assertThrows(RowguardSqlException.class,
        () -> RlsRoleCheck.forTables("a.b.c.d").verify(app.dataSource()));

    assertThat(e.getSQLState()).isEqualTo("42601");
    assertThat(e).hasMessageThat().isEqualTo("the row-level security start-up check could not read pg_roles and"
        + " pg_class: ERROR: improper relation name (too many dotted names): a.b.c.d (SQL state 42601)");
  }

  private static RlsBypassException rejected(RlsRoleCheck check, DataSource dataSource) {
    return assertThrows(RlsBypassException.class, () -> check.verify(dataSource));
  }
}
