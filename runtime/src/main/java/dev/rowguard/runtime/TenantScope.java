package dev.rowguard.runtime;

/**
 * One binding of a tenant to a thread, from {@link TenantContext#bind(Tenant)} until {@link #close()}.
 * Scopes nest: closing one restores the tenant bound before it. Closing twice does nothing.
 */
public final class TenantScope implements AutoCloseable {
  private final Tenant tenant;
  private final TenantScope previous;
  private final Thread thread;
  // Read and written only by the binding thread: close() refuses every other thread first.
  private boolean closed;

  TenantScope(Tenant tenant, TenantScope previous, Thread thread) {
    this.tenant = tenant;
    this.previous = previous;
    this.thread = thread;
  }

  public Tenant tenant() {
    return tenant;
  }

  /**
   * Unbinds this scope's tenant and restores the one bound before it.
   *
   * @throws TenantScopeException when called on another thread (nothing changes), or when inner scopes are
   *     still open: they are closed too, so the thread falls back to the tenant bound before this scope, never
   *     to an inner one
   */
  @Override
  public void close() {
    Thread current = Thread.currentThread();
    if (current != thread) {
      throw new TenantScopeException("the scope of " + tenant + " was bound on thread \"" + thread.getName()
          + "\" but closed on thread \"" + current.getName() + "\"; close it where it was bound, with"
          + " try-with-resources, and use TenantContext.propagate(..) to hand a tenant to another thread");
    }
    if (closed) {
      return;
    }
    closed = true;
    TenantScope innermost = TenantContext.innermost();
    if (innermost == this) {
      TenantContext.restore(previous);
      return;
    }
    if (!isBelow(innermost)) {
      return; // Already unwound when an outer scope was closed out of order, which reported it.
    }
    for (TenantScope inner = innermost; inner != this; inner = inner.previous) {
      inner.closed = true;
    }
    TenantContext.restore(previous);
    throw new TenantScopeException("tenant scopes closed out of order: the scope of " + tenant
        + " was closed while the scope of " + innermost.tenant + " inside it was still open; both are closed"
        + " now. Close scopes in reverse order of binding, with try-with-resources");
  }

  private boolean isBelow(TenantScope scope) {
    for (TenantScope s = scope; s != null; s = s.previous) {
      if (s == this) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "TenantScope[" + tenant + (closed ? ", closed]" : "]");
  }
}
