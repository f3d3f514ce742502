package dev.rowguard.runtime;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TenantTest {
  private static final TenantKeys HIERARCHY =
      TenantKeys.of(TenantKeyLevel.of("client_account_id", Long.class), TenantKeyLevel.uuid("engagement_id"));
  private static final UUID ENGAGEMENT = UUID.fromString("00000000-0000-0000-0000-0000000000e1");

  @Test
  void engagementLevelTenantBindsBothLevels() {
    Tenant tenant = HIERARCHY.tenant(7L, ENGAGEMENT);

    assertThat(tenant.boundLevels()).isEqualTo(2);
    assertThat(tenant.value("engagement_id")).isEqualTo(Optional.of(ENGAGEMENT));
    assertThat(tenant.settingValues()).containsExactly("7", ENGAGEMENT.toString()).inOrder();
    assertThat(tenant.toString()).isEqualTo("Tenant[client_account_id=7, engagement_id=" + ENGAGEMENT + "]");
  }

  @Test
  void clientLevelTenantLeavesTheInnerSettingEmpty() {
    Tenant tenant = HIERARCHY.tenant(7L);

    assertThat(tenant.value("engagement_id")).isEqualTo(Optional.empty());
    assertThat(tenant.settingValues()).containsExactly("7", "").inOrder();
  }

  @Test
  void tenantsWithTheSameKeysAndValuesAreEqual() {
    assertThat(Tenant.of(HIERARCHY, Map.of("client_account_id", 7L, "engagement_id", ENGAGEMENT)))
        .isEqualTo(HIERARCHY.tenant(7L, ENGAGEMENT));
    assertThat(HIERARCHY.tenant(7L)).isNotEqualTo(HIERARCHY.tenant(7L, ENGAGEMENT));
  }

  @Test
  void refusesAValueOfTheWrongJavaType() {
    InvalidTenantException e =
        assertThrows(InvalidTenantException.class, () -> HIERARCHY.tenant(7, ENGAGEMENT));

    assertThat(e).hasMessageThat()
        .isEqualTo("tenant key client_account_id takes a java.lang.Long, not a java.lang.Integer (7)");
  }

  @Test
  void refusesAnInnerLevelWithoutItsOuterLevel() {
    InvalidTenantException e = assertThrows(
        InvalidTenantException.class, () -> Tenant.of(HIERARCHY, Map.of("engagement_id", ENGAGEMENT)));

    assertThat(e).hasMessageThat().isEqualTo(
        "tenant key engagement_id is given but its outer level client_account_id is missing; bind client_account_id too");
  }

  @Test
  void refusesANullOuterLevel() {
    InvalidTenantException e =
        assertThrows(InvalidTenantException.class, () -> HIERARCHY.tenant(null, ENGAGEMENT));

    assertThat(e).hasMessageThat().isEqualTo("the value for tenant key client_account_id is null; give every outer"
        + " level a value, and leave out only inner levels");
  }

  @Test
  void refusesNoValues() {
    InvalidTenantException e = assertThrows(InvalidTenantException.class, HIERARCHY::tenant);

    assertThat(e).hasMessageThat().isEqualTo(
        "a tenant needs a value for at least the outermost key level, client_account_id; got none");
  }

  @Test
  void refusesMoreValuesThanLevels() {
    InvalidTenantException e =
        assertThrows(InvalidTenantException.class, () -> HIERARCHY.tenant(7L, ENGAGEMENT, ENGAGEMENT));

    assertThat(e).hasMessageThat().isEqualTo("got 3 values for 2 tenant key levels [client_account_id, engagement_id]: [7, "
        + ENGAGEMENT + ", " + ENGAGEMENT + "]");
  }

  @Test
  void refusesAnUnknownColumn() {
    InvalidTenantException e =
        assertThrows(InvalidTenantException.class, () -> Tenant.of(HIERARCHY, Map.of("tenant_id", 7L)));

    assertThat(e).hasMessageThat()
        .isEqualTo("unknown tenant key column tenant_id; the keys are [client_account_id, engagement_id]");
  }

  @Test
  void refusesAnEmptyStringBecauseEmptyMeansNoTenant() {
    TenantKeys keys = TenantKeys.of(TenantKeyLevel.of("region", String.class));

    InvalidTenantException e = assertThrows(InvalidTenantException.class, () -> keys.tenant(""));

    assertThat(e).hasMessageThat().isEqualTo("the value for tenant key region is empty");
  }

  @Test
  void valuesCannotBeChanged() {
    Tenant tenant = HIERARCHY.tenant(7L, ENGAGEMENT);

    assertThrows(UnsupportedOperationException.class, () -> tenant.values().set(0, 8L));
  }
}
