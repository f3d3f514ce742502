package dev.rowguard.runtime;

import com.google.errorprone.annotations.MustBeClosed;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The tenant bound to the current thread. Binding is explicit and per thread: a new thread or an executor's
 * worker starts with no tenant (a plain {@link ThreadLocal}, never an inheritable one), and a task that
 * should run for a tenant says so with {@link #propagate(Runnable)}.
 *
 * <pre>{@code
 * TenantContext.run(KEYS.tenant(clientId, engagementId), () -> { … });
 * try (TenantScope scope = TenantContext.bind(KEYS.tenant(clientId, engagementId))) {
 *   … every connection from the TenantBindingDataSource is bound to this tenant …
 * }
 * }</pre>
 *
 * <p>A scope that is never closed would stay on a pooled thread and bind its tenant for whatever runs there
 * next. {@link #bind(Tenant)} is therefore {@link MustBeClosed}: with Error Prone (its {@code MustBeClosedChecker}
 * is on by default) a bind outside try-with-resources does not compile. Code that should not hold a scope uses
 * {@link #run} and {@link #call}. Every scope remembers the line that bound it, so that a leak that got through
 * anyway is reported with its origin ({@link TenantLeakException}).
 */
public final class TenantContext {
  /** The innermost open scope of each thread; each scope links to the one it shadows. */
  private static final ThreadLocal<TenantScope> CURRENT = new ThreadLocal<>();
  // Frames of this class (bind, run, call and propagate's lambdas) are skipped to find the caller's line.
  private static final StackWalker WALKER = StackWalker.getInstance();

  private TenantContext() {}

  /** A task for {@link #run}, which may throw a checked exception of its own. */
  @FunctionalInterface
  public interface ScopedRunnable<E extends Exception> {
    void run() throws E;
  }

  /** A task with a result for {@link #call}, which may throw a checked exception of its own. */
  @FunctionalInterface
  public interface ScopedCallable<T, E extends Exception> {
    T call() throws E;
  }

  /**
   * Binds {@code tenant} to this thread until the returned scope is closed, which restores the binding that
   * was current before. Use it in try-with-resources, or use {@link #run}/{@link #call} instead.
   */
  @MustBeClosed
  public static TenantScope bind(Tenant tenant) {
    Objects.requireNonNull(tenant, "tenant");
    TenantScope scope = new TenantScope(tenant, CURRENT.get(), Thread.currentThread(), caller());
    CURRENT.set(scope);
    return scope;
  }

  /** Runs {@code task} bound to {@code tenant} and restores this thread's previous binding afterwards. */
  public static <E extends Exception> void run(Tenant tenant, ScopedRunnable<E> task) throws E {
    Objects.requireNonNull(task, "task");
    try (TenantScope scope = bind(tenant)) {
      task.run();
    }
  }

  /** {@link #run} for a task with a result. */
  public static <T, E extends Exception> T call(Tenant tenant, ScopedCallable<T, E> task) throws E {
    Objects.requireNonNull(task, "task");
    try (TenantScope scope = bind(tenant)) {
      return task.call();
    }
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
   *
   * <p>The wrapped task refuses to run, with {@link TenantLeakException}, on a thread that already holds a
   * binding: on a worker thread that can only be a scope some earlier task bound and never closed. The leaked
   * binding is removed, so that the thread stops running as that tenant. The one binding that is accepted is
   * the very scope that was current when {@code propagate} was called, still open: the submitting thread
   * running the task itself (a caller-runs executor).
   */
  public static Runnable propagate(Runnable task) {
    Objects.requireNonNull(task, "task");
    TenantScope origin = requireScope();
    return () -> {
      refuseLeak(origin);
      run(origin.tenant(), task::run);
    };
  }

  /** {@link #propagate(Runnable)} for tasks with a result. */
  public static <T> Callable<T> propagate(Callable<T> task) {
    Objects.requireNonNull(task, "task");
    TenantScope origin = requireScope();
    return () -> {
      refuseLeak(origin);
      return call(origin.tenant(), task::call);
    };
  }

  private static TenantScope requireScope() {
    TenantScope scope = CURRENT.get();
    if (scope == null) {
      throw notBound("TenantContext.propagate");
    }
    return scope;
  }

  private static void refuseLeak(TenantScope origin) {
    TenantScope held = CURRENT.get();
    if (held == null || (held == origin && held.isOpen())) {
      return;
    }
    CURRENT.remove();
    throw new TenantLeakException("thread \"" + Thread.currentThread().getName() + "\" still holds the scope of "
        + held.tenant() + " bound at " + held.boundAt() + ", which was never closed; TenantContext.propagate"
        + " refuses to run a task for " + origin.tenant() + " on top of it, and has removed the leaked binding."
        + " Close that scope with try-with-resources, or bind with TenantContext.run(tenant, () -> …)");
  }

  /** The first frame outside this class: the line of application code that bound the scope. */
  private static StackWalker.StackFrame caller() {
    return WALKER.walk(frames -> frames
        .filter(frame -> !frame.getClassName().equals(TenantContext.class.getName()))
        .findFirst()
        .orElse(null));
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
