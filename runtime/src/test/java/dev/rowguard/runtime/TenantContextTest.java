package dev.rowguard.runtime;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@SuppressWarnings("try") // scopes are opened for their close(), not referenced
class TenantContextTest {
  private static final Tenant A = TenantKeys.defaultKeys().tenant(UUID.fromString("00000000-0000-0000-0000-00000000000a"));
  private static final Tenant B = TenantKeys.defaultKeys().tenant(UUID.fromString("00000000-0000-0000-0000-00000000000b"));

  @AfterEach
  void threadIsLeftUnbound() {
    assertThat(TenantContext.current()).isEmpty();
  }

  @Test
  void bindLastsUntilTheScopeCloses() {
    try (TenantScope scope = TenantContext.bind(A)) {
      assertThat(TenantContext.require()).isEqualTo(A);
    }
    assertThat(TenantContext.current()).isEmpty();
  }

  @Test
  void closingANestedScopeRestoresTheOuterTenant() {
    try (TenantScope outer = TenantContext.bind(A)) {
      try (TenantScope inner = TenantContext.bind(B)) {
        assertThat(TenantContext.require()).isEqualTo(B);
      }
      assertThat(TenantContext.require()).isEqualTo(A);
    }
  }

  @Test
  void closingTwiceDoesNothing() {
    try (TenantScope outer = TenantContext.bind(A)) {
      TenantScope inner = TenantContext.bind(B);
      inner.close();
      inner.close();
      assertThat(TenantContext.require()).isEqualTo(A);
    }
  }

  @Test
  void closingOutOfOrderIsReportedAndFallsBackToTheTenantBeforeBoth() {
    TenantScope outer = TenantContext.bind(A);
    TenantScope inner = TenantContext.bind(B);

    TenantScopeException e = assertThrows(TenantScopeException.class, outer::close);

    assertThat(e).hasMessageThat().isEqualTo("tenant scopes closed out of order: the scope of " + A
        + " was closed while the scope of " + B + " inside it was still open; both are closed now. Close scopes in"
        + " reverse order of binding, with try-with-resources");
    assertThat(TenantContext.current()).isEmpty();
    inner.close(); // already closed by the outer one: nothing left to restore
    assertThat(TenantContext.current()).isEmpty();
  }

  @Test
  void closingOnAnotherThreadIsRefusedAndChangesNothing() throws Exception {
    try (TenantScope scope = TenantContext.bind(A)) {
      AtomicReference<Throwable> failure = new AtomicReference<>();
      Thread other = new Thread(() -> {
        try {
          scope.close();
        } catch (Throwable t) {
          failure.set(t);
        }
      }, "other-thread");
      other.start();
      other.join();

      assertThat(failure.get()).isInstanceOf(TenantScopeException.class);
      assertThat(failure.get()).hasMessageThat().isEqualTo("the scope of " + A + " was bound on thread \""
          + Thread.currentThread().getName() + "\" but closed on thread \"other-thread\"; close it where it was"
          + " bound, with try-with-resources, and use TenantContext.propagate(..) to hand a tenant to another thread");
      assertThat(TenantContext.require()).isEqualTo(A);
    }
  }

  @Test
  void aNewThreadDoesNotInheritTheTenant() throws Exception {
    AtomicReference<Optional<Tenant>> seen = new AtomicReference<>();
    try (TenantScope scope = TenantContext.bind(A)) {
      Thread child = new Thread(() -> seen.set(TenantContext.current()));
      child.start();
      child.join();
    }
    assertThat(seen.get()).isEmpty();
  }

  @Test
  void anExecutorTaskDoesNotSeeTheSubmittersTenantNorLeaveOneBehind() throws Exception {
    ExecutorService executor = Executors.newSingleThreadExecutor();
    try {
      try (TenantScope scope = TenantContext.bind(A)) {
        assertThat(executor.submit(TenantContext::current).get()).isEmpty();
        assertThat(executor.submit(TenantContext.propagate(TenantContext::current)).get()).hasValue(A);
      }
      // The same worker thread runs the next task: the propagated tenant did not stay behind.
      assertThat(executor.submit(TenantContext::current).get()).isEmpty();
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void requireWithoutATenantSaysHowToBindOne() {
    TenantNotBoundException e = assertThrows(TenantNotBoundException.class, TenantContext::require);

    assertThat(e).hasMessageThat().isEqualTo("no tenant is bound on thread \"" + Thread.currentThread().getName()
        + "\" for tenant-scoped work. Bind one first: try (var scope = TenantContext.bind(keys.tenant(id))) { … }."
        + " Migrations and administration jobs use dataSource.withoutTenant(\"why\") instead.");
  }

  @Test
  void runBindsTheTenantForTheTaskOnlyAndRestoresTheOuterOne() {
    AtomicReference<Optional<Tenant>> seen = new AtomicReference<>();
    try (TenantScope outer = TenantContext.bind(A)) {
      TenantContext.run(B, () -> seen.set(TenantContext.current()));
      assertThat(TenantContext.require()).isEqualTo(A);
    }
    assertThat(seen.get()).hasValue(B);
  }

  @Test
  void callReturnsTheTasksResultAndPassesItsCheckedExceptionThrough() {
    assertThat(TenantContext.call(A, TenantContext::require)).isEqualTo(A);

    java.io.IOException thrown = new java.io.IOException("disk full");
    java.io.IOException e = assertThrows(java.io.IOException.class, () -> TenantContext.call(B, () -> {
      throw thrown;
    }));
    assertThat(e).isSameInstanceAs(thrown);
    assertThat(TenantContext.current()).isEmpty();
  }

  /**
   * The attack: a task binds a tenant and never closes the scope, so the pooled worker keeps it. Before, the
   * next propagated task ran and then restored the leaked binding, and every later task ran as that tenant.
   */
  @Test
  void propagateRefusesAWorkerThatHoldsALeakedBindingSaysWhereItWasBoundAndRemovesIt() throws Exception {
    ExecutorService executor = Executors.newSingleThreadExecutor(task -> new Thread(task, "pool-worker"));
    try {
      int leakLine = leakOn(executor, B);
      Future<Optional<Tenant>> propagated;
      try (TenantScope scope = TenantContext.bind(A)) {
        propagated = executor.submit(TenantContext.propagate(TenantContext::current));
      }

      ExecutionException e = assertThrows(ExecutionException.class, propagated::get);

      assertThat(e).hasCauseThat().isInstanceOf(TenantLeakException.class);
      assertThat(e).hasCauseThat().hasMessageThat().isEqualTo("thread \"pool-worker\" still holds the scope of " + B
          + " bound at " + Leak.class.getName() + ".call(TenantContextTest.java:" + leakLine
          + "), which was never closed; TenantContext.propagate refuses to run a task for " + A + " on top of it, and"
          + " has removed the leaked binding. Close that scope with try-with-resources, or bind with"
          + " TenantContext.run(tenant, () -> …)");
      assertThat(executor.submit(TenantContext::current).get()).isEmpty();
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void propagateRunsOnTheSubmittingThreadInsideTheScopeItWasCreatedIn() throws Exception {
    try (TenantScope scope = TenantContext.bind(A)) {
      // What a caller-runs executor does: the submitting thread runs the task itself.
      assertThat(TenantContext.propagate(TenantContext::current).call()).hasValue(A);
      assertThat(TenantContext.require()).isEqualTo(A);
    }
  }

  @Test
  void aScopeRemembersTheLineThatBoundIt() {
    int line = new Throwable().getStackTrace()[0].getLineNumber() + 1;
    try (TenantScope scope = TenantContext.bind(A)) {
      assertThat(scope.boundAt()).isEqualTo(TenantContextTest.class.getName()
          + ".aScopeRemembersTheLineThatBoundIt(TenantContextTest.java:" + line + ")");
    }
    TenantContext.run(A, () -> assertThat(TenantContext.innermost().boundAt())
        .startsWith(TenantContextTest.class.getName() + ".aScopeRemembersTheLineThatBoundIt(TenantContextTest.java:"));
  }

  /** Runs a task on {@code executor} that binds {@code tenant} and never closes the scope; returns the line. */
  private static int leakOn(ExecutorService executor, Tenant tenant) throws Exception {
    return executor.submit(new Leak(tenant)).get();
  }

  /** A task that binds its tenant and never closes the scope; returns the line of the bind. */
  private record Leak(Tenant tenant) implements java.util.concurrent.Callable<Integer> {
    @Override
    public Integer call() {
      int line = new Throwable().getStackTrace()[0].getLineNumber() + 1;
      TenantContext.bind(tenant);
      return line;
    }
  }

  @Test
  void propagateRefusesWhenNothingIsBound() {
    assertThrows(TenantNotBoundException.class, () -> TenantContext.propagate(() -> {}));
  }
}
