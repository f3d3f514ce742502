package dev.rowguard.spring;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rowguard.runtime.TenantKeyLevel;
import dev.rowguard.runtime.TenantKeys;
import dev.rowguard.runtime.verify.Model;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tenancy the starter takes from the model: keys, tenanted tables, and properties that contradict them. */
class ModelTenancyTest {
  private static final Model.TenantKey ACCOUNT =
      new Model.TenantKey("client_account_id", "rowguard.client_account_id", "uuid");
  private static final Model.TenantKey REGION = new Model.TenantKey("region_id", "app.region", "bigint");
  private static final ModelTenancy TENANCY = new ModelTenancy(new Model(List.of(
      table("app", "client_account", List.of()),
      table("app", "project", List.of(ACCOUNT)),
      table("billing", "Invoice", List.of(ACCOUNT, REGION)))));

  @Test
  void theKeysAreTheWidestTablesOutermostFirst() {
    assertThat(TENANCY.keys()).isEqualTo(TenantKeys.of(TenantKeyLevel.uuid("client_account_id"),
        TenantKeyLevel.of("region_id", Long.class).withSetting("app.region")));
  }

  @Test
  void theTenantedTablesAsSqlNamesThemAndTheirSchemas() {
    assertThat(TENANCY.tenantedTables()).asList().containsExactly("\"app\".\"project\"", "\"billing\".\"Invoice\"");
    assertThat(TENANCY.tenantedSchemas()).containsExactly("app", "billing").inOrder();
  }

  @Test
  void keysThatAreNotOneHierarchyAreRefused() {
    ModelTenancy crossed = new ModelTenancy(new Model(List.of(table("app", "a", List.of(ACCOUNT, REGION)),
        table("app", "b", List.of(REGION)))));
    IllegalStateException e = assertThrows(IllegalStateException.class, crossed::keys);
    assertThat(e).hasMessageThat().contains("the tenant keys of app.b");
    assertThat(e).hasMessageThat().contains("are not the outermost levels of those of app.a");
  }

  @Test
  void propertiesThatRestateTheModelAreAcceptedUnsetTypeAndSettingAreTheModels() {
    TENANCY.requireAgreement(TENANCY.keys(), List.of(new RowguardProperties.KeyLevel("client_account_id", null, null),
        new RowguardProperties.KeyLevel("region_id", RowguardProperties.KeyType.LONG, "app.region")));
  }

  @Test
  void propertiesThatContradictTheModelAreRefusedSayingWhich() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> TENANCY.requireAgreement(TENANCY.keys(),
        List.of(new RowguardProperties.KeyLevel("tenant_id", null, null),
            new RowguardProperties.KeyLevel("region_id", RowguardProperties.KeyType.STRING, "rowguard.region_id"))));
    assertThat(e).hasMessageThat().contains("rowguard.tenant.keys[0].column is tenant_id, the model's level 0 is"
        + " client_account_id; rowguard.tenant.keys[1].type is string, the model's region_id is bigint;"
        + " rowguard.tenant.keys[1].setting is rowguard.region_id, the model's region_id is carried by app.region");
    IllegalStateException levels = assertThrows(IllegalStateException.class, () -> TENANCY.requireAgreement(
        TENANCY.keys(), List.of(new RowguardProperties.KeyLevel("client_account_id", null, null))));
    assertThat(levels).hasMessageThat().contains("they declare 1 level(s), the model 2: [client_account_id, region_id]");
  }

  @Test
  void roleCheckSchemasMustCoverTheModels() {
    TENANCY.requireCoverage(List.of("billing", "app", "public"));
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> TENANCY.requireCoverage(List.of("app")));
    assertThat(e).hasMessageThat().startsWith("rowguard.role-check.schemas=app leaves out billing, where the model"
        + " (META-INF/rowguard/schema.json) has tenanted tables [billing.Invoice]");
  }

  @Test
  void aModelOfSharedTablesOnlyIsNotTenanted() {
    assertThat(new ModelTenancy(new Model(List.of(table("app", "country", List.of())))).tenanted()).isFalse();
  }

  private static Model.Table table(String schema, String name, List<Model.TenantKey> keys) {
    return new Model.Table(schema, name, keys, List.of(), null, List.of(), List.of(), List.of(), List.of());
  }
}
