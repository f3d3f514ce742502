package dev.rowguard.runtime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How the statements of a checkout carry the bound tenant to the server. Either way the tenant is bound only for
 * as long as the statement or transaction that needs it, so nothing of it is left on the connection afterwards.
 *
 * <ul>
 *   <li>{@link #statementScoped()} (PostgreSQL, the default): each statement is sent as one prepared text behind
 *       {@code SELECT length(set_config('<key>', $1, true) || …);}. pgjdbc sends the two as one batch before a single Sync,
 *       so they run in one implicit transaction: the setting holds for exactly that statement (or, inside an
 *       explicit transaction, until it ends) and costs no round trip of its own.
 *   <li>{@link #transactionScoped()} (Citus): Citus passes settings to its workers only as {@code SET LOCAL}
 *       inside an explicit transaction, with {@code citus.propagate_set_commands = 'local'}, and refuses a
 *       message that holds {@code SET LOCAL} and a distributed query together. So the first statement of each
 *       transaction is preceded by {@code SET LOCAL citus.propagate_set_commands = 'local'; SET LOCAL <setting> =
 *       <literal>} as a message of its own ({@link #setLocal}), and a statement run in auto-commit mode gets a
 *       transaction of its own around it: one round trip for {@code BEGIN} and the settings, one for the
 *       statement, one for {@code COMMIT}. A statement outside such a transaction sees no tenant: no rows.
 * </ul>
 *
 * <p>Batches ({@code executeBatch}) and stored procedure calls ({@code prepareCall}) cannot carry a prefix: under
 * either strategy they run inside a transaction bound first by a statement of its own (the batch's own
 * transaction in auto-commit mode, as the generated repositories' {@code insertAll} already is).
 */
public abstract sealed class TenantBinding {
  private TenantBinding() {}

  /** Statement-scoped {@code set_config(…, true)} sent with each statement, for PostgreSQL. */
  public static TenantBinding statementScoped() {
    return StatementScoped.INSTANCE;
  }

  /** {@code SET LOCAL} at the start of each transaction, as a statement of its own, for Citus. */
  public static TenantBinding transactionScoped() {
    return TransactionScoped.INSTANCE;
  }

  /** Whether the settings travel in the same prepared text as each statement. */
  abstract boolean piggybacks();

  /** Binds {@code values} for the rest of the transaction open on {@code connection}, in one round trip. */
  abstract void bindTransaction(Connection connection, TenantKeys keys, List<String> values) throws SQLException;

  /**
   * The text sent before a statement: binds for that statement (or the rest of its transaction), or, with
   * {@code sessionLevel}, for the session, for a statement that may end its own transaction ({@code COMMIT} in
   * its text). Values are the first {@code keys.levels().size()} parameters; setting names are checked
   * identifiers ({@link TenantKeyLevel}), safe as literals.
   */
  static String prefix(TenantKeys keys, boolean sessionLevel) {
    // One integer, not the settings' text: pgjdbc sends a Sync after a described statement whose result size it
    // cannot bound (text is unbounded), which would end the implicit transaction, and the setting, before the
    // statement. length(a || b) evaluates every set_config and returns a fixed-size int4.
    return "SELECT length(" + keys.levels().stream()
        .map(level -> "set_config('" + level.setting() + "', ?, " + !sessionLevel + ")")
        .collect(Collectors.joining(" || ")) + "); ";
  }

  /**
   * {@code SET LOCAL citus.propagate_set_commands = 'local'; SET LOCAL <setting> = <literal>; …}: the first makes
   * Citus pass the others on to every worker the transaction reaches (on plain PostgreSQL it is an unused custom
   * setting). The values are checked literals of their keys' types ({@link SettingLiteral}); setting names are
   * checked identifiers. No distributed query rides in the same message, which Citus would refuse.
   */
  static String setLocal(TenantKeys keys, List<String> values) {
    StringBuilder sql = new StringBuilder("SET LOCAL citus.propagate_set_commands = 'local'");
    for (int i = 0; i < values.size(); i++) {
      TenantKeyLevel level = keys.levels().get(i);
      sql.append("; SET LOCAL ").append(level.setting()).append(" = ").append(SettingLiteral.of(level, values.get(i)));
    }
    return sql.toString();
  }

  private static final class StatementScoped extends TenantBinding {
    static final StatementScoped INSTANCE = new StatementScoped();

    @Override
    boolean piggybacks() {
      return true;
    }

    @Override
    void bindTransaction(Connection connection, TenantKeys keys, List<String> values) throws SQLException {
      String sql = prefix(keys, false); // transaction-local: holds until the transaction ends
      try (PreparedStatement statement = connection.prepareStatement(sql.substring(0, sql.length() - 2))) {
        for (int i = 0; i < values.size(); i++) {
          statement.setString(i + 1, values.get(i));
        }
        statement.execute();
      }
    }

    @Override
    public String toString() {
      return "TenantBinding.statementScoped()";
    }
  }

  private static final class TransactionScoped extends TenantBinding {
    static final TransactionScoped INSTANCE = new TransactionScoped();

    @Override
    boolean piggybacks() {
      return false;
    }

    @Override
    void bindTransaction(Connection connection, TenantKeys keys, List<String> values) throws SQLException {
      try (Statement statement = connection.createStatement()) {
        statement.execute(setLocal(keys, values));
      }
    }

    @Override
    public String toString() {
      return "TenantBinding.transactionScoped()";
    }
  }
}
