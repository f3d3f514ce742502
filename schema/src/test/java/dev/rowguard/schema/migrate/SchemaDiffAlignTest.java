package dev.rowguard.schema.migrate;

import static com.google.common.truth.Truth.assertThat;

import dev.rowguard.schema.Column;
import dev.rowguard.schema.Key;
import dev.rowguard.schema.QualifiedName;
import dev.rowguard.schema.Schema;
import dev.rowguard.schema.Table;
import dev.rowguard.schema.Tenancy;
import dev.rowguard.schema.TenantKeyColumn;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The differ planning from a live database ({@link SchemaDiff#align}): the conversions a hand-kept schema needs
 * go through only with what the catalog and the counted rows say, and are refused or left alone otherwise.
 */
class SchemaDiffAlignTest {
  private static final QualifiedName MEMBER = new QualifiedName("crm", "member");
  private static final Tenancy TENANCY = new Tenancy(List.of(
      new TenantKeyColumn("account_id", "rowguard.account_id", "uuid", null)));
  private static final Table MODEL = member(TENANCY, column("account_id", "uuid", false, null),
      column("role", "text", false, null), column("joined_at", "timestamptz", false, "now()"));
  private static final Table LIVE = member(null, column("account_id", "uuid", true, null),
      column("role", "crm.member_role", false, null), column("joined_at", "text", false, "(now())::text"));
  private static final Set<String> CHECKED = Set.of("crm.member.account_id", "crm.member.joined_at");

  @Test
  void convertsANativeEnumToTextAndDropsTheTypeOnceUnused() {
    Plan plan = align(new LiveDatabase(Map.of("crm.member.role", "crm.member_role"), CHECKED, Map.of(), Set.of(),
        true, Set.of(), Set.of("crm.memberrole")));

    assertThat(plan.refusals()).isEmpty();
    assertThat(sql(plan)).contains("ALTER TABLE crm.member ALTER COLUMN role TYPE text USING role::text;");
    assertThat(sql(plan)).endsWith("DROP TYPE crm.member_role;\nDROP TYPE crm.memberrole;");
  }

  @Test
  void convertsCheckedTextToTimestamptzAroundItsDefault() {
    Plan plan = align(new LiveDatabase(Map.of("crm.member.role", "crm.member_role"), CHECKED, Map.of(), Set.of(),
        true, Set.of(), Set.of()));

    assertThat(sql(plan)).contains("ALTER TABLE crm.member ALTER COLUMN joined_at DROP DEFAULT;\n"
        + "ALTER TABLE crm.member ALTER COLUMN joined_at TYPE timestamptz USING joined_at::timestamptz;\n"
        + "ALTER TABLE crm.member ALTER COLUMN joined_at SET DEFAULT now();");
    assertThat(sql(plan)).contains("ALTER TABLE crm.member ALTER COLUMN account_id SET NOT NULL;");
  }

  @Test
  void refusesWhatTheRowsWereNotCheckedFor() {
    Plan plan = align(new LiveDatabase(Map.of(), Set.of(), Map.of(), Set.of(), true, Set.of(), Set.of()));

    assertThat(plan.refusals().stream().map(Refusal::subject).toList()).containsExactly("crm.member.account_id",
        "crm.member.role", "crm.member.joined_at");
  }

  @Test
  void dropsThePoliciesItFindsBeforeRebuildingRowLevelSecurity() {
    Plan plan = align(new LiveDatabase(Map.of("crm.member.role", "crm.member_role"), CHECKED,
        Map.of(MEMBER, List.of("support_read", "tenant_isolation")), Set.of(MEMBER), false, Set.of("crm"), Set.of()));

    String sql = sql(plan);
    assertThat(sql).contains("DROP POLICY support_read ON crm.member;\nDROP POLICY tenant_isolation ON crm.member;");
    assertThat(sql.indexOf("DROP POLICY tenant_isolation")).isLessThan(sql.indexOf("CREATE POLICY tenant_isolation"));
    assertThat(sql).contains("ALTER TABLE crm.member FORCE ROW LEVEL SECURITY;");
    assertThat(sql).contains("CREATE ROLE rowguard_app NOLOGIN;");
    assertThat(sql).contains("GRANT USAGE ON SCHEMA crm TO rowguard_app;");
    assertThat(sql).contains("REVOKE ALL ON crm.member FROM rowguard_app;\n"
        + "GRANT SELECT, INSERT, UPDATE, DELETE ON crm.member TO rowguard_app;");
  }

  @Test
  void aTableWhoseRowLevelSecurityIsTheModelsKeepsItAndItsPrivileges() {
    Table live = member(TENANCY, column("account_id", "uuid", false, null), column("role", "text", false, null),
        column("joined_at", "timestamptz", false, "now()"));

    Plan plan = SchemaDiff.align(Schema.of(List.of(live)), new LiveDatabase(Map.of(), Set.of(), Map.of(), Set.of(),
        true, Set.of(), Set.of()), Schema.of(List.of(MODEL)), MigrationRules.NONE, "rowguard_app");

    assertThat(plan.changes()).isEmpty();
  }

  private static Plan align(LiveDatabase database) {
    return SchemaDiff.align(Schema.of(List.of(LIVE)), database, Schema.of(List.of(MODEL)), MigrationRules.NONE,
        "rowguard_app");
  }

  private static String sql(Plan plan) {
    return plan.changes().stream().flatMap(c -> c.steps().stream()).map(Step::sql).collect(Collectors.joining("\n"));
  }

  private static Column column(String name, String type, boolean nullable, String defaultSql) {
    return new Column(name, name, null, type, nullable, defaultSql, false, false, List.of(), null);
  }

  private static Table member(Tenancy tenancy, Column... columns) {
    return new Table(MEMBER, "test.Member", null, tenancy, List.of(columns), new Key("pk_member", List.of("account_id")),
        List.of(), List.of(), List.of(), List.of());
  }
}
