package dev.rowguard.spring;

import dev.rowguard.runtime.Tenant;
import dev.rowguard.runtime.TenantContext;
import dev.rowguard.runtime.TenantScope;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.async.CallableProcessingInterceptor;

/**
 * Binds the request's tenant around a {@code Callable} a controller returns, on whichever executor Spring MVC runs it:
 * the application task executor has already handed the tenant over ({@link TenantPropagatingTaskDecorator}), any
 * other executor gets it here. A worker bound to another tenant is refused.
 */
final class TenantCallableInterceptor implements CallableProcessingInterceptor {
  private static final String SCOPE_ATTRIBUTE = TenantCallableInterceptor.class.getName() + ".scope";

  @Override
  @SuppressWarnings("MustBeClosedChecker") // closed in postProcess, which Spring MVC runs on the same thread
  public <T> void preProcess(NativeWebRequest request, Callable<T> task) {
    if (!(request.getAttribute(TenantBindingFilter.TENANT_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST)
        instanceof Tenant tenant)) {
      return; // an excluded path: it runs with no tenant, as its request did
    }
    Optional<Tenant> bound = TenantContext.current();
    if (bound.isPresent()) {
      if (!bound.get().equals(tenant)) {
        throw new IllegalStateException("the async task of a request for " + tenant + " would run on thread \""
            + Thread.currentThread().getName() + "\", which is bound to " + bound.get() + "; refusing it. Close"
            + " tenant scopes with try-with-resources, so that no worker keeps one");
      }
      return;
    }
    request.setAttribute(SCOPE_ATTRIBUTE, TenantContext.bind(tenant), RequestAttributes.SCOPE_REQUEST);
  }

  @Override
  public <T> void postProcess(NativeWebRequest request, Callable<T> task, Object result) {
    if (request.getAttribute(SCOPE_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof TenantScope scope) {
      request.removeAttribute(SCOPE_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
      scope.close();
    }
  }
}
