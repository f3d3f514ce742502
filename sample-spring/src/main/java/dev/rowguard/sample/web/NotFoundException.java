package dev.rowguard.sample.web;

/** Nothing the bound tenant can see has this key: answered with 404, whether it exists for another tenant or not. */
final class NotFoundException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  NotFoundException(String what) {
    super("no " + what + " for the request's tenant");
  }
}
