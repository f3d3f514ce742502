package dev.rowguard.runtime;

/** Tenant-scoped work was attempted on a thread where no tenant is bound. */
public final class TenantNotBoundException extends RowguardException {
  private static final long serialVersionUID = 1L;

  TenantNotBoundException(String message) {
    super(message);
  }
}
