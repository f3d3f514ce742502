package dev.rowguard.spring;

import dev.rowguard.runtime.Tenant;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * Where the tenant of a request comes from. The starter ships one for request headers ({@code
 * rowguard.tenant.header}, {@code rowguard.tenant.headers.<key>}) and one for JWT claims (with Spring Security's
 * resource server, {@code rowguard.tenant.claim}, {@code rowguard.tenant.claims.<key>}); a bean of the
 * application's own replaces both.
 */
@FunctionalInterface
public interface TenantResolver {
  /**
   * @return the request's tenant, or empty when the request names none (answered with 400)
   * @throws TenantRequestException when the request names a tenant that is not valid, or may not be served
   */
  Optional<Tenant> resolve(HttpServletRequest request);

  /** What a request must carry, for the answer to a request that carries no tenant. */
  default String expects() {
    return "a tenant";
  }
}
