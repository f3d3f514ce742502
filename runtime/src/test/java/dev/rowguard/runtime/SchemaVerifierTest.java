package dev.rowguard.runtime;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rowguard.postgres.Database;
import dev.rowguard.postgres.DevPostgres.ServerAddress;
import dev.rowguard.postgres.PostgresExtension;
import dev.rowguard.runtime.verify.Difference;
import dev.rowguard.runtime.verify.DriftKind;
import dev.rowguard.runtime.verify.VerificationResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The verifier against a hand-kept database ({@code existing-database/existing.sql}) and the model its team
 * wants ({@code existing-database/model.json}): each kind of drift is reported once, with what the model
 * expects and what the server holds. Run as a non-owner login that owns nothing.
 */
@ExtendWith(PostgresExtension.class)
class SchemaVerifierTest {
  private static final String PREDICATE =
      "account_id = (SELECT NULLIF(current_setting('rowguard.account_id', true), '')::uuid)";

  private static TestRoles roles;
  private static ServerAddress app;
  private static VerificationResult result;

  @BeforeAll
  static void verifyTheHandKeptDatabase(Database database) {
    roles = new TestRoles(database);
    app = roles.create("app", "NOINHERIT");
    ExistingDatabase.create(database, app.user());
    result = SchemaVerifier.of(ExistingDatabase.model()).withAppRole(app.user()).check(app.dataSource());
  }

  @AfterAll
  static void dropRoles() {
    roles.close();
  }

  @Test
  void columnLengthDiffers() {
    assertThat(result.differences()).contains(new Difference(DriftKind.COLUMN_LENGTH, "crm.account.name", "varchar(200)",
        "varchar(100)"));
  }

  @Test
  void extraColumn() {
    assertThat(result.differences()).contains(new Difference(DriftKind.COLUMN_EXTRA, "crm.account.legacy_code", "none",
        "text"));
  }

  @Test
  void primaryKeyNamedByTheServer() {
    assertThat(result.differences()).contains(new Difference(DriftKind.NAME_DIFFERS, "crm.account.pk_account", "pk_account (PRIMARY KEY (id))",
        "account_pkey"));
  }

  @Test
  void missingUniqueKey() {
    assertThat(result.differences()).contains(new Difference(DriftKind.UNIQUE_KEY_MISSING, "crm.account.uq_account_name", "UNIQUE (name)",
        "none"));
  }

  @Test
  void missingPrimaryKey() {
    assertThat(result.differences()).contains(new Difference(DriftKind.PRIMARY_KEY_MISSING, "crm.tag.pk_tag", "PRIMARY KEY (id)",
        "none"));
  }

  @Test
  void nullableTenantKey() {
    assertThat(result.differences()).contains(new Difference(DriftKind.COLUMN_NULLABILITY, "crm.member.account_id", "NOT NULL",
        "nullable"));
  }

  @Test
  void nativeEnumWhereTheModelHasACheck() {
    assertThat(result.differences()).contains(new Difference(DriftKind.NATIVE_ENUM, "crm.member.role", "text ('owner', 'admin', 'viewer')",
        "ENUM type crm.member_role ('owner', 'admin', 'viewer', 'guest')"));
  }

  @Test
  void timestampsStoredAsText() {
    assertThat(result.differences()).contains(new Difference(DriftKind.COLUMN_TYPE, "crm.member.joined_at", "timestamptz",
        "text"));
  }

  @Test
  void defaultDiffers() {
    assertThat(result.differences()).contains(new Difference(DriftKind.COLUMN_DEFAULT, "crm.member.joined_at", "now()",
        "(now())::text"));
  }

  @Test
  void numericPrecisionDiffers() {
    assertThat(result.differences()).contains(new Difference(DriftKind.COLUMN_PRECISION, "crm.member.score", "numeric(10,2)",
        "numeric(8,2)"));
  }

  @Test
  void missingColumn() {
    assertThat(result.differences()).contains(new Difference(DriftKind.COLUMN_MISSING, "crm.member.nickname", "varchar(40)",
        "none"));
  }

  @Test
  void uniqueKeyOnOtherColumns() {
    assertThat(result.differences()).contains(new Difference(DriftKind.UNIQUE_KEY_CHANGED, "crm.member.uq_member_account_id_email", "UNIQUE (account_id, email)",
        "UNIQUE (email)"));
  }

  @Test
  void foreignKeyNamedByTheServer() {
    assertThat(result.differences()).contains(new Difference(DriftKind.NAME_DIFFERS, "crm.member.fk_member_account_id", "fk_member_account_id (FOREIGN KEY (account_id) REFERENCES crm.account (id))",
        "member_account_id_fkey"));
  }

  @Test
  void missingCheck() {
    assertThat(result.differences()).contains(new Difference(DriftKind.CHECK_MISSING, "crm.member.ck_member_role", "CHECK (role IN ('owner', 'admin', 'viewer'))",
        "none"));
  }

  @Test
  void missingIndex() {
    assertThat(result.differences()).contains(new Difference(DriftKind.INDEX_MISSING, "crm.member.ix_member_account_id", "INDEX (account_id)",
        "none"));
  }

  @Test
  void rowLevelSecurityNotForced() {
    assertThat(result.differences()).contains(new Difference(DriftKind.RLS_NOT_FORCED, "crm.member", "FORCE ROW LEVEL SECURITY",
        "not forced"));
  }

  @Test
  void extraPermissivePolicy() {
    assertThat(result.differences()).contains(new Difference(DriftKind.POLICY_EXTRA, "crm.member.support_read", "none",
        "PERMISSIVE FOR SELECT TO PUBLIC, USING true"));
  }

  @Test
  void missingIdentity() {
    assertThat(result.differences()).contains(new Difference(DriftKind.COLUMN_IDENTITY, "crm.invoice.id", "identity",
        "no identity"));
  }

  @Test
  void missingForeignKey() {
    assertThat(result.differences()).contains(new Difference(DriftKind.FOREIGN_KEY_MISSING, "crm.invoice.fk_invoice_member_id", "FOREIGN KEY (member_id) REFERENCES crm.member (id)",
        "none"));
  }

  @Test
  void checkAllowingAnotherValue() {
    assertThat(result.differences()).contains(new Difference(DriftKind.CHECK_CHANGED, "crm.invoice.ck_invoice_status", "CHECK (status IN ('draft', 'sent', 'paid'))",
        "CHECK ((status = ANY (ARRAY['draft'::text, 'sent'::text, 'paid'::text, 'void'::text])))"));
  }

  @Test
  void extraCheck() {
    assertThat(result.differences()).contains(new Difference(DriftKind.CONSTRAINT_EXTRA, "crm.invoice.amount_not_negative", "none",
        "CHECK ((amount >= (0)::numeric))"));
  }

  @Test
  void indexOnOtherColumns() {
    assertThat(result.differences()).contains(new Difference(DriftKind.INDEX_CHANGED, "crm.invoice.ix_invoice_member_id", "INDEX (member_id)",
        "INDEX (member_id, account_id)"));
  }

  @Test
  void extraIndex() {
    assertThat(result.differences()).contains(new Difference(DriftKind.INDEX_EXTRA, "crm.invoice.invoice_note_idx", "none",
        "INDEX (note)"));
  }

  @Test
  void rowLevelSecurityDisabled() {
    assertThat(result.differences()).contains(new Difference(DriftKind.RLS_DISABLED, "crm.invoice", "ENABLE ROW LEVEL SECURITY",
        "disabled"));
  }

  @Test
  void primaryKeyOnOtherColumns() {
    assertThat(result.differences()).contains(new Difference(DriftKind.PRIMARY_KEY_CHANGED, "crm.project.pk_project", "PRIMARY KEY (id)",
        "PRIMARY KEY (id, account_id)"));
  }

  @Test
  void nameTruncatedByTheServer() {
    assertThat(result.differences()).contains(new Difference(DriftKind.NAME_DIFFERS, "crm.project.uq_project_account_id_name", "uq_project_account_id_name (UNIQUE (account_id, name))",
        "project_account_id_name_unique_constraint_written_by_hand_and_t (63 bytes: a longer name the server truncated)"));
  }

  @Test
  void foreignKeyToAnotherTable() {
    assertThat(result.differences()).contains(new Difference(DriftKind.FOREIGN_KEY_CHANGED, "crm.project.fk_project_lead_id", "FOREIGN KEY (lead_id) REFERENCES crm.member (id)",
        "FOREIGN KEY (lead_id) REFERENCES crm.invoice (id)"));
  }

  @Test
  void missingPolicy() {
    assertThat(result.differences()).contains(new Difference(DriftKind.POLICY_MISSING, "crm.project.tenant_isolation", "PERMISSIVE FOR ALL TO PUBLIC USING (" + PREDICATE + ")",
        "none"));
  }

  @Test
  void missingTable() {
    assertThat(result.differences()).contains(new Difference(DriftKind.TABLE_MISSING, "crm.audit_log", "3 columns",
        "none"));
  }

  @Test
  void extraGrantOnASharedTable() {
    assertThat(result.differences()).contains(new Difference(DriftKind.GRANT_EXTRA, "crm.account", "SELECT only",
        "DELETE, INSERT, UPDATE also granted"));
  }

  @Test
  void extraTable() {
    assertThat(result.differences()).contains(new Difference(DriftKind.TABLE_EXTRA, "crm.tmp_import", "none",
        "1 column"));
  }

  @Test
  void enumTypeThatNothingUses() {
    assertThat(result.differences()).contains(new Difference(DriftKind.ENUM_TYPE_EXTRA, "crm.memberrole", "none",
        "ENUM type ('owner', 'admin'), used by no column"));
  }

  @Test
  void policyUsingAnotherExpressionAndNoWithCheck() {
    assertThat(result.differences()).containsAtLeast(
        new Difference(DriftKind.POLICY_CHANGED, "crm.invoice.tenant_isolation", "USING (" + PREDICATE + ")",
            "USING true"),
        new Difference(DriftKind.POLICY_CHANGED, "crm.invoice.tenant_isolation", "WITH CHECK (" + PREDICATE + ")",
            "WITH CHECK missing"));
  }

  @Test
  void missingPrivilegesOnATenantedTable() {
    assertThat(result.differences()).contains(new Difference(DriftKind.GRANT_MISSING, "crm.member",
        "DELETE, INSERT, UPDATE to " + app.user(), "SELECT"));
  }

  @Test
  void everyKindIsReportedAndNothingElse() {
    assertThat(result.differences().stream().map(Difference::kind).distinct().toList())
        .containsExactlyElementsIn(DriftKind.values());
    assertThat(result.differences()).hasSize(36);
  }

  @Test
  void theReportListsEachDifferenceOnItsLine() {
    String report = result.report();

    assertThat(report).startsWith("The database differs from the model in 36 ways (6 tables in the model):\n");
    assertThat(report).contains("\n  COLUMN_TYPE crm.invoice.issued_at: expected timestamptz, actual text\n");
    assertThat(report).contains("\n  POLICY_EXTRA crm.member.support_read: expected none, actual PERMISSIVE FOR"
        + " SELECT TO PUBLIC, USING true\n");
    assertThat(report).endsWith("GRANT_MISSING 1, GRANT_EXTRA 1.\n");
  }

  @Test
  void verifyRefusesWithTheReport() {
    SchemaDriftException e = assertThrows(SchemaDriftException.class,
        () -> SchemaVerifier.of(ExistingDatabase.model()).withAppRole(app.user()).verify(app.dataSource()));

    assertThat(e.result().differences()).isEqualTo(result.differences());
    assertThat(e.getMessage()).startsWith("the database does not match the schema model the application was built"
        + " with; refusing to start.\nThe database differs from the model in 36 ways");
  }

  @Test
  void aMissingAppRoleIsOneDifference() {
    VerificationResult other = SchemaVerifier.of(ExistingDatabase.model()).withAppRole("no_such_role_here")
        .check(app.dataSource());

    assertThat(other.differences()).contains(new Difference(DriftKind.GRANT_MISSING, "no_such_role_here",
        "role no_such_role_here with the model's privileges", "no such role"));
    assertThat(other.differences().stream().filter(d -> d.kind() == DriftKind.GRANT_EXTRA).toList()).isEmpty();
  }
}
