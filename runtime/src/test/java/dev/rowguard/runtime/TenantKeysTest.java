package dev.rowguard.runtime;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class TenantKeysTest {
  @Test
  void defaultKeysAreOneUuidTenantIdCarriedByRowguardTenantId() {
    TenantKeyLevel level = TenantKeys.defaultKeys().levels().get(0);

    assertThat(TenantKeys.defaultKeys().levels()).hasSize(1);
    assertThat(level).isEqualTo(new TenantKeyLevel("tenant_id", UUID.class, "rowguard.tenant_id"));
    assertThat(level.sqlType()).isEqualTo("uuid");
  }

  @Test
  void levelsMayUseLongOrStringAndTheirOwnSetting() {
    TenantKeys keys = TenantKeys.of(
        TenantKeyLevel.of("client_account_id", Long.class),
        TenantKeyLevel.of("region", String.class).withSetting("app.region"));

    assertThat(keys.toString()).isEqualTo(
        "TenantKeys[client_account_id bigint (rowguard.client_account_id), region text (app.region)]");
  }

  @Test
  void refusesATypeOtherThanUuidLongOrString() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> TenantKeyLevel.of("tenant_id", Integer.class));

    assertThat(e).hasMessageThat().isEqualTo(
        "tenant key tenant_id has type java.lang.Integer; use java.util.UUID, java.lang.Long or java.lang.String");
  }

  @Test
  void refusesASettingWithoutPrefix() {
    IllegalArgumentException e = assertThrows(
        IllegalArgumentException.class, () -> TenantKeyLevel.uuid("tenant_id").withSetting("tenant_id"));

    assertThat(e).hasMessageThat().isEqualTo("tenant key tenant_id has setting 'tenant_id'; a PostgreSQL custom"
        + " setting needs a prefix, e.g. rowguard.tenant_id");
  }

  @Test
  void refusesAColumnThatIsNotALowerCaseIdentifier() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> TenantKeyLevel.uuid("Tenant Id"));

    assertThat(e).hasMessageThat().isEqualTo(
        "tenant key column must be a lower-case SQL identifier of at most 63 bytes, got: Tenant Id");
  }

  @Test
  void refusesTheSameSettingTwiceIgnoringCase() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TenantKeys.of(
        TenantKeyLevel.uuid("client_id").withSetting("app.key"),
        TenantKeyLevel.uuid("engagement_id").withSetting("APP.KEY")));

    assertThat(e).hasMessageThat().isEqualTo("tenant key setting APP.KEY is declared twice");
  }

  @Test
  void refusesNoLevels() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, TenantKeys::of);

    assertThat(e).hasMessageThat().isEqualTo(
        "declare at least one tenant key level, e.g. TenantKeyLevel.uuid(\"tenant_id\")");
  }

  @Test
  void aModelsKeyTakesItsJavaTypeFromThePolicysSqlType() {
    assertThat(TenantKeyLevel.ofSqlType("tenant_id", "uuid", "rowguard.tenant_id"))
        .isEqualTo(new TenantKeyLevel("tenant_id", UUID.class, "rowguard.tenant_id"));
    assertThat(TenantKeyLevel.ofSqlType("client_account_id", "BIGINT", "app.client").type()).isEqualTo(Long.class);
    assertThat(TenantKeyLevel.ofSqlType("region", "text", "rowguard.region").type()).isEqualTo(String.class);

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TenantKeyLevel.ofSqlType("tenant_id", "integer", "rowguard.tenant_id"));

    assertThat(e).hasMessageThat().isEqualTo("tenant key tenant_id has type integer, which Rowguard does not bind"
        + " (uuid, bigint or text); use the same Rowguard version to build and to run");
  }
}
