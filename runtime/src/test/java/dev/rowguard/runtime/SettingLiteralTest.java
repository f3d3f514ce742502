package dev.rowguard.runtime;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The literals of the Citus binding's {@code SET LOCAL}: rendered from the value parsed as its key's type. */
class SettingLiteralTest {
  private static final TenantKeyLevel UUID_KEY = TenantKeyLevel.uuid("tenant_id");
  private static final TenantKeyLevel LONG_KEY = TenantKeyLevel.of("org_id", Long.class);
  private static final TenantKeyLevel TEXT_KEY = TenantKeyLevel.of("region", String.class);

  @Test
  void aUuidIsRenderedInItsCanonicalForm() {
    assertThat(SettingLiteral.of(UUID_KEY, "0000000A-0000-0000-0000-0000000000B5"))
        .isEqualTo("'0000000a-0000-0000-0000-0000000000b5'");
  }

  @Test
  void aBigintIsRenderedAsItsDigits() {
    assertThat(SettingLiteral.of(LONG_KEY, "-42")).isEqualTo("'-42'");
  }

  @Test
  void aStringHasItsQuotesAndBackslashesEscaped() {
    assertThat(SettingLiteral.of(TEXT_KEY, "eu'; RESET ALL; --\\")).isEqualTo("E'eu\\'; RESET ALL; --\\\\'");
  }

  @Test
  void anUnboundLevelIsEmptyForEveryType() {
    assertThat(SettingLiteral.of(UUID_KEY, "")).isEqualTo("''");
    assertThat(SettingLiteral.of(LONG_KEY, "")).isEqualTo("''");
  }

  @Test
  void textThatIsNotOfTheKeysTypeIsRefusedWithTheKey() {
    InvalidTenantException uuid = assertThrows(InvalidTenantException.class,
        () -> SettingLiteral.of(UUID_KEY, "1' OR '1"));
    assertThat(uuid).hasMessageThat().isEqualTo("the value for tenant key tenant_id is not a java.util.UUID: 1' OR '1");
    InvalidTenantException number = assertThrows(InvalidTenantException.class,
        () -> SettingLiteral.of(LONG_KEY, "1; RESET ALL"));
    assertThat(number).hasMessageThat().isEqualTo("the value for tenant key org_id is not a java.lang.Long: 1; RESET ALL");
  }

  @Test
  void aNulCharacterIsRefused() {
    InvalidTenantException e = assertThrows(InvalidTenantException.class, () -> SettingLiteral.of(TEXT_KEY, "a\0b"));
    assertThat(e).hasMessageThat().contains("tenant key region contains a NUL character");
  }

  @Test
  void theBindingSetsCitusPropagationFirstThenEveryLevel() {
    TenantKeys keys = TenantKeys.of(LONG_KEY, TEXT_KEY);
    assertThat(TenantBinding.setLocal(keys, List.of("7", "eu")))
        .isEqualTo("SET LOCAL citus.propagate_set_commands = 'local'; SET LOCAL rowguard.org_id = '7'; "
            + "SET LOCAL rowguard.region = E'eu'");
    assertThat(TenantBinding.setLocal(TenantKeys.defaultKeys(), List.of(new UUID(1, 2).toString())))
        .endsWith("SET LOCAL rowguard.tenant_id = '00000000-0000-0001-0000-000000000002'");
  }
}
