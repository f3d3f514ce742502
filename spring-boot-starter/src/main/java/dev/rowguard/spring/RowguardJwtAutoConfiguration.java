package dev.rowguard.spring;

import dev.rowguard.runtime.TenantKeys;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The tenant from JWT claims, when Spring Security's resource server is present and claims are configured. */
@AutoConfiguration(after = RowguardAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(JwtAuthenticationToken.class)
@Conditional(OnTenantClaimsCondition.class)
public final class RowguardJwtAutoConfiguration {
  @Bean
  @ConditionalOnMissingBean
  TenantResolver rowguardTenantResolver(TenantKeys keys, RowguardProperties properties) {
    return new JwtClaimTenantResolver(keys, properties.tenant().claim(), properties.tenant().claims());
  }
}
