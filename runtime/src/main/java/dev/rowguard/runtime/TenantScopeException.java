package dev.rowguard.runtime;

/** A {@link TenantScope} was closed out of order or on another thread than the one that bound it. */
public final class TenantScopeException extends RowguardException {
  private static final long serialVersionUID = 1L;

  TenantScopeException(String message) {
    super(message);
  }
}
