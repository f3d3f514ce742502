package dev.rowguard.sample.web;

import dev.rowguard.runtime.TenantNotBoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The API's errors as problem details. */
@RestControllerAdvice
class SampleProblems {
  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
  }

  @ExceptionHandler(InvalidRequestException.class)
  ProblemDetail invalid(InvalidRequestException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
  }

  /** An engagement-level endpoint called with the client account's header only. */
  @ExceptionHandler(TenantNotBoundException.class)
  ProblemDetail tenantLevelMissing(TenantNotBoundException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage()
        + " (send X-Engagement-Id with X-Client-Account-Id)");
  }
}
