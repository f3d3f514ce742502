package dev.rowguard.spring;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rowguard.runtime.TenantKeyLevel;
import dev.rowguard.runtime.TenantKeys;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** The request headers' tenant: one header per level, the outer levels alone, and clear refusals. */
class HeaderTenantResolverTest {
  private static final TenantKeys KEYS =
      TenantKeys.of(TenantKeyLevel.uuid("client_account_id"), TenantKeyLevel.of("region", String.class));
  private static final HeaderTenantResolver RESOLVER =
      new HeaderTenantResolver(KEYS, "X-Tenant-Id", Map.of("region", "X-Region"));

  @Test
  void eachLevelFromItsHeaderTheOutermostFromTheDefaultOne() {
    UUID client = UUID.randomUUID();
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.addHeader("X-Tenant-Id", client.toString());
    request.addHeader("X-Region", "eu-west");
    assertThat(RESOLVER.resolve(request)).hasValue(KEYS.tenant(client, "eu-west"));
  }

  @Test
  void theOuterLevelAloneIsATenantOfThatLevel() {
    UUID client = UUID.randomUUID();
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.addHeader("X-Tenant-Id", " " + client + " ");
    assertThat(RESOLVER.resolve(request)).hasValue(KEYS.tenant(client));
  }

  @Test
  void noHeaderIsNoTenant() {
    assertThat(RESOLVER.resolve(new MockHttpServletRequest())).isEmpty();
    assertThat(RESOLVER.expects()).isEqualTo("the tenant in headers X-Tenant-Id, X-Region");
  }

  @Test
  void anInnerLevelWithoutItsOuterOneIsRefused() {
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.addHeader("X-Region", "eu-west");
    TenantRequestException refused = assertThrows(TenantRequestException.class, () -> RESOLVER.resolve(request));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused).hasMessageThat().startsWith("the request's tenant is not valid: ");
  }

  @Test
  void aMalformedValueIsRefusedNamingItsHeader() {
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.addHeader("X-Tenant-Id", "acme");
    TenantRequestException refused = assertThrows(TenantRequestException.class, () -> RESOLVER.resolve(request));
    assertThat(refused).hasMessageThat()
        .isEqualTo("header X-Tenant-Id is 'acme', which is not a valid UUID for tenant key client_account_id");
  }

  @Test
  void aHeaderForAnUnknownColumnFailsTheConfiguration() {
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> new HeaderTenantResolver(KEYS, null, Map.of("tenant_id", "X-Tenant")));
    assertThat(refused).hasMessageThat().isEqualTo("rowguard.tenant.headers.tenant_id: tenant_id is not a tenant key"
        + " column; the keys are [client_account_id, region]");
  }
}
