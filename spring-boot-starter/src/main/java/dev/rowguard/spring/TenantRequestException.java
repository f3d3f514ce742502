package dev.rowguard.spring;

/**
 * A request whose tenant is not valid (a malformed key, an inner level without its outer one) or may not be
 * served; answered with {@link #status()} and the message as a problem detail, before any data is touched.
 */
public final class TenantRequestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  public TenantRequestException(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
