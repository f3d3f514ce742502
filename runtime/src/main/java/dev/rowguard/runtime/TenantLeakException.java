package dev.rowguard.runtime;

/**
 * A thread still held a tenant scope that its code never closed, so a task handed to it with {@link
 * TenantContext#propagate(Runnable)} would have run next to another tenant's binding. The message says where
 * the leaked scope was bound.
 */
public final class TenantLeakException extends RowguardException {
  private static final long serialVersionUID = 1L;

  TenantLeakException(String message) {
    super(message);
  }
}
