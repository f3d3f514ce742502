package dev.rowguard.spring;

import dev.rowguard.runtime.TenantContext;
import org.springframework.core.task.TaskDecorator;

/**
 * Hands the submitting thread's tenant to the task, for the executors Spring Boot builds (the application task
 * executor behind {@code @Async} and Spring MVC's async requests): the task runs bound to that tenant and leaves
 * the worker as it found it ({@link TenantContext#propagate(Runnable)}, which refuses a worker that still holds a
 * leaked binding). A task submitted with no tenant bound runs with none, and refuses a worker that holds one, so it
 * never runs as whichever tenant an earlier task left behind.
 */
final class TenantPropagatingTaskDecorator implements TaskDecorator {
  @Override
  public Runnable decorate(Runnable task) {
    if (TenantContext.current().isPresent()) {
      return TenantContext.propagate(task);
    }
    return () -> {
      TenantContext.current().ifPresent(leaked -> {
        throw new IllegalStateException("thread \"" + Thread.currentThread().getName() + "\" still holds a binding"
            + " of " + leaked + " that an earlier task never closed; a task submitted with no tenant does not run"
            + " on it. Close tenant scopes with try-with-resources, or bind with TenantContext.run(tenant, () -> …)");
      });
      task.run();
    };
  }
}
