package dev.rowguard.runtime;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
  void propagateRefusesWhenNothingIsBound() {
    assertThrows(TenantNotBoundException.class, () -> TenantContext.propagate(() -> {}));
  }
}
