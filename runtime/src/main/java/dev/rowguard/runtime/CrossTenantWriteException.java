package dev.rowguard.runtime;

/** A repository was asked to write an entity that carries a tenant key other than the bound tenant's. */
public final class CrossTenantWriteException extends RowguardException {
  private static final long serialVersionUID = 1L;

  CrossTenantWriteException(String message) {
    super(message);
  }
}
