package dev.rowguard.runtime;

/**
 * A connection from {@link TenantBindingDataSource} was used to create or run a statement after the tenant
 * scope it was checked out in had closed, or while another tenant's scope (or none) was current. Nothing was
 * sent to the database.
 */
public final class ConnectionOutOfScopeException extends RowguardException {
  private static final long serialVersionUID = 1L;

  ConnectionOutOfScopeException(String message) {
    super(message);
  }
}
