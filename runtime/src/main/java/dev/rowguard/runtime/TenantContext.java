package dev.rowguard.runtime;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The tenant bound to the current thread. Binding is explicit and per thread: a new thread or an executor's
 * worker starts with no tenant (a plain {@link ThreadLocal}, never an inheritable one), and a task that
 * should run for a tenant says so with {@link #propagate(Runnable)}.
 *
 * <pre>{@code
 * try (TenantScope scope = TenantContext.bind(KEYS.tenant(clientId, engagementId))) {
 *   … every connection from the TenantBindingDataSource is bound to this tenant …
 * }
 * }</pre>
 */
public final class TenantContext {
  /** The innermost open scope of each thread; each scope links to the one it shadows. */
  private static final ThreadLocal<TenantScope> CURRENT = new ThreadLocal<>();

  private TenantContext() {}

  /**
   * Binds {@code tenant} to this thread until the returned scope is closed, which restores the binding that
   * was current before. Use it in try-with-resources.
   */
  public static TenantScope bind(Tenant tenant) {
    Objects.requireNonNull(tenant, "tenant");
    TenantScope scope = new TenantScope(tenant, CURRENT.get(), Thread.currentThread());
    CURRENT.set(scope);
    return scope;
  }

  /** The tenant bound to this thread, if any. */
  public static Optional<Tenant> current() {
    TenantScope scope = CURRENT.get();
    return scope == null ? Optional.empty() : Optional.of(scope.tenant());
  }

  /** The tenant bound to this thread; use where tenant-scoped work must not run without one. */
  public static Tenant require() {
    return current().orElseThrow(() -> notBound("tenant-scoped work"));
  }

  /**
   * Wraps {@code task} so that it runs bound to the tenant current now, on whichever thread runs it, and
   * leaves that thread as it found it. This is the explicit hand-off to executors.
   */
  @SuppressWarnings("try") // the scope is used for its close(), not referenced
  public static Runnable propagate(Runnable task) {
    Tenant tenant = require();
    return () -> {
      try (TenantScope ignored = bind(tenant)) {
        task.run();
      }
    };
  }

  /** {@link #propagate(Runnable)} for tasks with a result. */
  @SuppressWarnings("try")
  public static <T> Callable<T> propagate(Callable<T> task) {
    Tenant tenant = require();
    return () -> {
      try (TenantScope ignored = bind(tenant)) {
        return task.call();
      }
    };
  }

  static TenantNotBoundException notBound(String what) {
    return new TenantNotBoundException("no tenant is bound on thread \"" + Thread.currentThread().getName()
        + "\" for " + what + ". Bind one first: try (var scope = TenantContext.bind(keys.tenant(id))) { … }."
        + " Migrations and administration jobs use dataSource.withoutTenant(\"why\") instead.");
  }

  static TenantScope innermost() {
    return CURRENT.get();
  }

  /** Makes {@code scope} the innermost open scope of this thread; null unbinds. */
  static void restore(TenantScope scope) {
    if (scope == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(scope);
    }
  }
}
