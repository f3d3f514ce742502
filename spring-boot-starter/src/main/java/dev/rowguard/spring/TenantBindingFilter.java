package dev.rowguard.spring;

import dev.rowguard.runtime.Tenant;
import dev.rowguard.runtime.TenantContext;
import dev.rowguard.runtime.TenantScope;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Binds the tenant the {@link TenantResolver} finds for the whole of each request and unbinds it when the
 * request is done, so that every transaction and repository call the request makes is that tenant's. A request to
 * a tenanted path (every path but {@code rowguard.tenant.excluded-paths}) that names no tenant, or an invalid
 * one, is answered with a 4xx problem detail before anything else runs. An async request's second dispatch, which
 * renders its result, is bound to the tenant of its first.
 */
final class TenantBindingFilter extends OncePerRequestFilter {
  /** The request's tenant, for its async dispatch and its {@code Callable}s ({@link TenantCallableInterceptor}). */
  static final String TENANT_ATTRIBUTE = TenantBindingFilter.class.getName() + ".tenant";

  private final TenantResolver resolver;
  private final List<PathPattern> excluded;

  TenantBindingFilter(TenantResolver resolver, List<String> excludedPaths) {
    this.resolver = resolver;
    this.excluded = excludedPaths.stream().map(PathPatternParser.defaultInstance::parse).toList();
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    PathContainer path = PathContainer.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
    return excluded.stream().anyMatch(pattern -> pattern.matches(path));
  }

  /** An async request's result is rendered in a second dispatch, which gets the tenant of the first. */
  @Override
  protected boolean shouldNotFilterAsyncDispatch() {
    return false;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (isAsyncDispatch(request)) {
      if (request.getAttribute(TENANT_ATTRIBUTE) instanceof Tenant first) {
        try (TenantScope scope = TenantContext.bind(first)) {
          chain.doFilter(request, response);
        }
      } else {
        chain.doFilter(request, response); // the first dispatch bound none: nothing tenanted is in reach here either
      }
      return;
    }
    Optional<Tenant> tenant;
    try {
      tenant = resolver.resolve(request);
    } catch (TenantRequestException e) {
      ProblemResponse.write(response, e.status(), "Invalid tenant", e.getMessage(), request.getRequestURI());
      return;
    }
    if (tenant.isEmpty()) {
      ProblemResponse.write(response, 400, "Tenant required", request.getRequestURI()
          + " serves tenanted data: send " + resolver.expects(), request.getRequestURI());
      return;
    }
    request.setAttribute(TENANT_ATTRIBUTE, tenant.get());
    try (TenantScope scope = TenantContext.bind(tenant.get())) {
      chain.doFilter(request, response);
    }
  }
}
