package dev.rowguard.sample.web;

/** A request the API cannot carry out as asked: answered with 422 and the reason. */
final class InvalidRequestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  InvalidRequestException(String message) {
    super(message);
  }
}
