package dev.rowguard.spring;

import dev.rowguard.runtime.Tenant;
import dev.rowguard.runtime.TenantKeyLevel;
import dev.rowguard.runtime.TenantKeys;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The tenant from the claims of the request's JWT, as Spring Security's resource server authenticated it: one
 * claim per key level ({@code rowguard.tenant.claims.<key>}); {@code rowguard.tenant.claim} is the outermost
 * level's unless that level is named there. A request without a JWT names no tenant; a JWT without the claims
 * may not be served (403).
 */
public final class JwtClaimTenantResolver implements TenantResolver {
  private final TenantKeys keys;
  private final Map<String, String> claims;

  public JwtClaimTenantResolver(TenantKeys keys, String claim, Map<String, String> claimsByColumn) {
    this.keys = keys;
    for (String column : claimsByColumn.keySet()) {
      if (keys.level(column).isEmpty()) {
        throw new IllegalArgumentException("rowguard.tenant.claims." + column + ": " + column + " is not a tenant"
            + " key column; the keys are " + keys.columns());
      }
    }
    Map<String, String> byLevel = new LinkedHashMap<>();
    for (TenantKeyLevel level : keys.levels()) {
      String named = claimsByColumn.get(level.column());
      if (named != null) {
        byLevel.put(level.column(), named);
      } else if (level == keys.levels().get(0) && claim != null && !claim.isBlank()) {
        byLevel.put(level.column(), claim);
      }
    }
    if (byLevel.isEmpty()) {
      throw new IllegalArgumentException("no JWT claim carries the tenant: set rowguard.tenant.claim, or"
          + " rowguard.tenant.claims.<key> for each of " + keys.columns());
    }
    this.claims = Map.copyOf(byLevel);
  }

  @Override
  public Optional<Tenant> resolve(HttpServletRequest request) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (!(authentication instanceof JwtAuthenticationToken token)) {
      return Optional.empty();
    }
    Map<String, String> texts = new LinkedHashMap<>();
    Map<String, String> sources = new LinkedHashMap<>();
    claims.forEach((column, claim) -> {
      Object value = token.getToken().getClaims().get(claim);
      if (value != null) {
        texts.put(column, value.toString());
        sources.put(column, "JWT claim " + claim);
      }
    });
    if (texts.isEmpty()) {
      throw new TenantRequestException(403, "the JWT of " + token.getName() + " has none of the tenant claims "
          + claims.values() + ", so it may not reach tenanted data");
    }
    return Optional.of(TenantValues.tenant(keys, texts, sources));
  }

  @Override
  public String expects() {
    return "a JWT with the tenant claims " + claims.values();
  }
}
