package dev.rowguard.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The tenant binding of one checkout: the values its statements bind, and what the checkout has done that
 * matters when the connection goes back to the pool.
 *
 * <p>A checkout is <em>dirty</em> once it has run a statement that is not {@linkplain SqlText#sessionNeutral
 * session-neutral}, a batch of such statements, or a stored procedure call: its close then resets the session (one
 * round trip, {@link TenantSettings#clear}). A checkout that ran only session-neutral statements left nothing in
 * the session (its settings ended with each statement or transaction), and its close sends nothing.
 */
final class CheckoutBinding {
  private final Connection connection;
  private final TenantSettings settings;
  private final List<String> values;
  private final TenantBinding binding;
  private boolean dirty;
  /** Whether the transaction open now was bound by a statement of its own (reset when it may have ended). */
  private boolean transactionBound;

  CheckoutBinding(Connection connection, TenantSettings settings, List<String> values, TenantBinding binding) {
    this.connection = connection;
    this.settings = settings;
    this.values = values;
    this.binding = binding;
  }

  Connection connection() {
    return connection;
  }

  /** The data source's texts, each read once. */
  BoundTexts texts() {
    return settings.texts();
  }

  List<String> values() {
    return values;
  }

  boolean piggybacks() {
    return binding.piggybacks();
  }

  boolean dirty() {
    return dirty;
  }

  /** After a statement that may have left session state, or ended its transaction in its own text. */
  void ranStatementThatMayLeaveState() {
    dirty = true;
    transactionBound = false;
  }

  /**
   * Whether the transaction open now carries the tenant already (bound by one of its statements), so that its
   * further statements run as the application wrote them: a local setting holds until the transaction ends.
   */
  boolean transactionCarriesTenant() throws SQLException {
    return transactionBound && !connection.getAutoCommit();
  }

  /** After a statement that carried the binding ran inside the open transaction. */
  void statementBoundTransaction() throws SQLException {
    if (!connection.getAutoCommit()) {
      transactionBound = true;
    }
  }

  /** After commit, rollback (also to a savepoint) or a change of auto-commit mode. */
  void transactionMayHaveEnded() {
    transactionBound = false;
  }

  /**
   * Runs {@code work} in a transaction bound by a statement of its own: the open transaction (bound once), or in
   * auto-commit mode one of its own, committed when {@code work} returns and rolled back when it throws.
   */
  <T> T inBoundTransaction(RepositorySupport.SqlWork<T> work) throws SQLException {
    if (!connection.getAutoCommit()) {
      if (!transactionBound) {
        binding.bindTransaction(connection, settings.keys(), values);
        transactionBound = true;
      }
      return work.run();
    }
    // A transaction of its own, bound for as long as it lasts.
    try {
      return RepositorySupport.atomically(connection, () -> {
        binding.bindTransaction(connection, settings.keys(), values);
        transactionBound = true;
        return work.run();
      });
    } finally {
      transactionBound = false;
    }
  }

  /** Puts the connection back as the pool lent it: a reset when dirty, else only unfinished work rolled back. */
  void release() throws SQLException {
    if (dirty) {
      settings.clear(connection);
    } else if (!connection.getAutoCommit()) {
      connection.rollback(); // pgjdbc sends nothing when no transaction is open
    }
  }
}
