package dev.rowguard.runtime;

/**
 * A tenant does not fit the declared keys: a value of the wrong Java type, a missing outer level, an unknown
 * column, or a tenant declared for other keys than the data source binds.
 */
public final class InvalidTenantException extends RowguardException {
  private static final long serialVersionUID = 1L;

  InvalidTenantException(String message) {
    super(message);
  }
}
