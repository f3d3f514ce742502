package dev.rowguard.runtime;

/**
 * Keeps a connection to the tenant scope it was checked out in: before every statement is created or executed,
 * that scope must still be open and its tenant must be the one bound on the calling thread. Otherwise a
 * connection that outlived its scope (kept in a field, handed to another thread, used after the try block)
 * would go on running as the tenant it was bound to, inside another tenant's scope or in none.
 *
 * <p>The check is a volatile read and a thread-local lookup; it does not depend on how the tenant is sent to
 * the database, only on the scopes.
 */
final class ConnectionGuard {
  private final TenantScope scope;

  ConnectionGuard(TenantScope scope) {
    this.scope = scope;
  }

  /**
   * @throws ConnectionOutOfScopeException when the checkout's scope has closed, or another tenant (or none) is
   *     bound on this thread
   */
  void check() {
    if (!scope.isOpen()) {
      throw new ConnectionOutOfScopeException("this connection was checked out for " + scope.tenant()
          + " in the scope bound at " + scope.boundAt() + ", which has been closed; it refuses to run statements"
          + " outside that scope. Close the connection inside the scope: try (var scope = TenantContext.bind(tenant);"
          + " var connection = dataSource.getConnection()) { … }");
    }
    TenantScope current = TenantContext.innermost();
    if (current == scope) {
      return;
    }
    Tenant tenant = scope.tenant();
    if (current == null) {
      throw new ConnectionOutOfScopeException("this connection was checked out for " + tenant + " in the scope"
          + " bound at " + scope.boundAt() + ", but no tenant is bound on thread \"" + Thread.currentThread().getName()
          + "\"; it refuses to run statements there. Use a connection only inside the scope it was checked out in,"
          + " and hand work to another thread with TenantContext.propagate(..) and a connection of its own");
    }
    if (!current.tenant().equals(tenant)) {
      throw new ConnectionOutOfScopeException("this connection was checked out for " + tenant + " in the scope"
          + " bound at " + scope.boundAt() + ", but " + current.tenant() + " is bound on thread \""
          + Thread.currentThread().getName() + "\" now (scope bound at " + current.boundAt() + "); it refuses to run"
          + " statements for another tenant. Take a new connection inside the scope of " + current.tenant());
    }
  }
}
