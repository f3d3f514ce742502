package dev.rowguard.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Wraps the application's pool so that every statement run on a connection it hands out is bound to the tenant
 * of the calling thread ({@link TenantContext}), and nothing of that tenant is left on the connection afterwards.
 *
 * <p>Checking a connection out sends nothing. Each statement carries the tenant in its own round trip, as the
 * {@link TenantBinding} says: by default, {@code SELECT length(set_config('<key>', $1, true) || …);} sent in the same
 * prepared text as the statement, so the setting holds for that statement only (or, inside a transaction, until
 * the transaction ends: there only the first statement carries it, and the others run as written). Every declared key is bound, {@code ''} for levels the tenant does not bind, so a value
 * left in the session (by code that bypassed this wrapper) is shadowed for every statement that runs through it.
 * With no tenant bound, {@link #getConnection()} throws {@link TenantNotBoundException} before touching the pool.
 *
 * <p>A connection belongs to the scope it was checked out in: once that scope has closed, or while another
 * tenant's scope is current, creating or executing a statement on it throws {@link
 * ConnectionOutOfScopeException}. A checkout that ran only session-neutral statements (one {@code SELECT}, {@code
 * INSERT}, {@code UPDATE}, {@code DELETE}, {@code MERGE}, {@code WITH}, {@code VALUES} or {@code TABLE} each, calling
 * only state-free built-ins: see {@code docs/runtime.md}) is handed back as it is. Any other statement may leave
 * something in the session (temporary tables and views, SQL-level prepared statements, cursors, settings changed
 * with {@code SET}, {@code LISTEN}s, advisory locks), so its checkout's close discards all of it in one round trip
 * before the pool gets the connection back. Session settings an application wants on every connection therefore
 * belong in the connection's start-up options (pgjdbc's {@code options}, {@code currentSchema}) or in {@code ALTER
 * ROLE … SET}, not in a pool's init SQL.
 *
 * <p>Several calls share one connection and one transaction inside {@link #runInTransaction} or {@link
 * #callInTransaction}: every connection handed out on that thread meanwhile is the transaction's, so generated
 * repositories and hand-written JDBC take part without being told.
 *
 * <pre>{@code
 * TenantBindingDataSource dataSource = TenantBindingDataSource.wrap(hikari, KEYS);
 * dataSource.runInTransaction(() -> {
 *   assets.insert(asset);
 *   dependencies.insert(dependency);   // both commit, or neither
 * });
 * }</pre>
 */
public final class TenantBindingDataSource extends DelegatingDataSource {
  private final TenantSettings settings;
  private final TenantBinding binding;
  /** The transaction open on each thread, if any (one at a time: nested calls join it). */
  private final ThreadLocal<TenantTransaction> transaction = new ThreadLocal<>();

  private TenantBindingDataSource(DataSource delegate, TenantKeys keys, TenantBinding binding) {
    super(delegate);
    this.settings = new TenantSettings(keys);
    this.binding = binding;
  }

  /**
   * Binds connections of {@code delegate} (usually a pool) to the current tenant's {@code keys}, statement by
   * statement ({@link TenantBinding#statementScoped()}, for PostgreSQL).
   */
  public static TenantBindingDataSource wrap(DataSource delegate, TenantKeys keys) {
    return wrap(delegate, keys, TenantBinding.statementScoped());
  }

  /** As {@link #wrap(DataSource, TenantKeys)}, with another {@link TenantBinding} (Citus: transaction-scoped). */
  public static TenantBindingDataSource wrap(DataSource delegate, TenantKeys keys, TenantBinding binding) {
    return new TenantBindingDataSource(
        delegate, Objects.requireNonNull(keys, "keys"), Objects.requireNonNull(binding, "binding"));
  }

  /** How statements carry the tenant. */
  public TenantBinding binding() {
    return binding;
  }

  public TenantKeys keys() {
    return settings.keys();
  }

  /** The wrapped data source, for code that must reach the pool itself (metrics, shutdown). */
  public DataSource delegate() {
    return delegate;
  }

  /**
   * A connection bound to the current tenant.
   *
   * @throws TenantNotBoundException when no tenant is bound on this thread
   * @throws InvalidTenantException when the bound tenant was built for other keys than this data source's
   */
  @Override
  public Connection getConnection() throws SQLException {
    TenantScope scope = boundScope();
    TenantTransaction open = transaction.get();
    if (open != null) {
      return open.participant(scope.tenant());
    }
    return TenantBoundConnection.open(delegate.getConnection(), settings, scope.tenant().settingValues(),
        binding, scope.tenant(), new ConnectionGuard(scope));
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    TenantScope scope = boundScope();
    return TenantBoundConnection.open(delegate.getConnection(username, password), settings,
        scope.tenant().settingValues(), binding, scope.tenant(), new ConnectionGuard(scope));
  }

  /**
   * Runs {@code work} in one transaction for the bound tenant: every connection this data source hands out on
   * this thread meanwhile is the transaction's connection (closing it does nothing), so several repository
   * calls read each other's writes and commit together when {@code work} returns, or roll back together when
   * it throws (the exception is rethrown as it was). A call inside another one joins the outer transaction.
   *
   * @throws TenantNotBoundException when no tenant is bound on this thread
   * @throws RowguardSqlException when the transaction cannot begin, commit or roll back
   */
  public <E extends Exception> void runInTransaction(TenantContext.ScopedRunnable<E> work) throws E {
    callInTransaction(() -> {
      work.run();
      return null;
    });
  }

  /** {@link #runInTransaction} for work with a result. */
  public <T, E extends Exception> T callInTransaction(TenantContext.ScopedCallable<T, E> work) throws E {
    if (transaction.get() != null) {
      boundScope();
      return work.call(); // joins the transaction open on this thread; getConnection() checks the tenant
    }
    Tenant tenant = boundScope().tenant();
    Connection connection = begin();
    transaction.set(new TenantTransaction(connection, tenant));
    try {
      T result = work.call();
      end(connection, true, null);
      return result;
    } catch (Throwable failure) {
      end(connection, false, failure);
      throw failure;
    } finally {
      transaction.remove();
      try {
        connection.close();
      } catch (SQLException e) {
        // The work's outcome stands; the session reset failed, and every statement binds its tenant anyway.
      }
    }
  }

  private Connection begin() {
    try {
      Connection connection = getConnection();
      try {
        connection.setAutoCommit(false);
        return connection;
      } catch (SQLException e) {
        connection.close();
        throw e;
      }
    } catch (SQLException e) {
      throw RepositorySupport.failure("TenantBindingDataSource.callInTransaction (begin)", e);
    }
  }

  /** Commits or rolls back; a failed rollback is added to {@code failure}, which the caller rethrows. */
  private static void end(Connection connection, boolean commit, Throwable failure) {
    try {
      if (commit) {
        connection.commit();
      } else {
        connection.rollback();
      }
      connection.setAutoCommit(true);
    } catch (SQLException e) {
      if (failure != null) {
        failure.addSuppressed(e);
      } else {
        throw RepositorySupport.failure("TenantBindingDataSource.callInTransaction (commit)", e);
      }
    }
  }

  /**
   * The escape hatch for schema migrations and administration jobs: a data source whose connections need no
   * tenant and carry none (every setting {@code ''}, so tenanted tables still show no rows to a role that is
   * subject to row-level security). The reason is required, so that every use is greppable and explains
   * itself.
   */
  public DataSource withoutTenant(String reason) {
    return new WithoutTenantDataSource(delegate, settings, binding, reason);
  }

  private TenantScope boundScope() {
    TenantScope scope = TenantContext.innermost();
    if (scope == null) {
      throw TenantContext.notBound("a database connection");
    }
    Tenant tenant = scope.tenant();
    if (tenant.keys() != settings.keys() && !tenant.keys().equals(settings.keys())) { // the same keys, usually
      throw new InvalidTenantException("the bound " + tenant + " was built for " + tenant.keys()
          + ", but this data source binds " + settings.keys() + "; build tenants from the same TenantKeys");
    }
    return scope;
  }

  @Override
  public String toString() {
    return "TenantBindingDataSource[" + settings.keys() + ", " + binding + " over " + delegate + "]";
  }
}
