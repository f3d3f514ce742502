package dev.rowguard.spring;

import dev.rowguard.runtime.CrossTenantWriteException;
import dev.rowguard.runtime.InvalidTenantException;
import dev.rowguard.runtime.Tenant;
import dev.rowguard.runtime.TenantContext;
import dev.rowguard.runtime.TenantNotBoundException;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The runtime's refusals inside a handler as 4xx problem details rather than 500s: a repository that needs a tenant
 * level the request did not bind (an engagement's data asked for with the client account only), a tenant built
 * from bad input, a write of another tenant's row. Last in order, so that an application's own handlers win.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
final class RowguardProblems {
  private final TenantResolver resolver;

  RowguardProblems(TenantResolver resolver) {
    this.resolver = resolver;
  }

  @ExceptionHandler(TenantNotBoundException.class)
  ProblemDetail tenantNotBound(TenantNotBoundException e) {
    Optional<Tenant> request = TenantContext.current();
    if (request.isPresent() && request.get().boundLevels() == request.get().keys().levels().size()) {
      // The request bound every level, so the work that found none ran on a thread it was not handed to.
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, e.getMessage()
          + " The request's tenant was bound, but not where this work ran: run it on Spring's application task"
          + " executor (@Async, or the AsyncTaskExecutor bean), which hands the tenant over, or wrap it in"
          + " TenantContext.propagate(..).");
      problem.setTitle("Tenant not handed to async work");
      return problem;
    }
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        e.getMessage() + " This endpoint needs every tenant level it reads: send " + resolver.expects() + ".");
    problem.setTitle("Tenant level required");
    return problem;
  }

  @ExceptionHandler(InvalidTenantException.class)
  ProblemDetail invalidTenant(InvalidTenantException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("Invalid tenant");
    return problem;
  }

  @ExceptionHandler(CrossTenantWriteException.class)
  ProblemDetail crossTenantWrite(CrossTenantWriteException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    problem.setTitle("Write for another tenant refused");
    return problem;
  }
}
