package dev.rowguard.runtime;

/**
 * One binding of a tenant to a thread, from {@link TenantContext#bind(Tenant)} until {@link #close()}.
 * Scopes nest: closing one restores the tenant bound before it. Closing twice does nothing.
 */
public final class TenantScope implements AutoCloseable {
  private final Tenant tenant;
  private final TenantScope previous;
  private final Thread thread;
  private final StackWalker.StackFrame boundAt;
  // Written only by the binding thread (close() refuses every other thread first); volatile because a
  // connection taken in this scope reads it on whichever thread uses the connection.
  private volatile boolean closed;

  TenantScope(Tenant tenant, TenantScope previous, Thread thread, StackWalker.StackFrame boundAt) {
    this.tenant = tenant;
    this.previous = previous;
    this.thread = thread;
    this.boundAt = boundAt;
  }

  public Tenant tenant() {
    return tenant;
  }

  /** Whether this scope still binds its tenant: not yet closed, by itself or by an outer scope. */
  public boolean isOpen() {
    return !closed;
  }

  /** The line that bound this scope, e.g. {@code com.example.Jobs.nightly(Jobs.java:42)}. */
  String boundAt() {
    return boundAt == null ? "an unknown line" : boundAt.toString();
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
    return "TenantScope[" + tenant + ", bound at " + boundAt() + (closed ? ", closed]" : "]");
  }
}
