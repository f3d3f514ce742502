package dev.rowguard.runtime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/**
 * Writes every tenant key setting of a connection in one statement, {@code SELECT set_config(?, ?, false),
 * …}: names and values are bind parameters, never SQL text.
 */
final class TenantSettings {
  private final TenantKeys keys;
  private final String sql;
  private final List<String> cleared;

  TenantSettings(TenantKeys keys) {
    this.keys = keys;
    // Session level (is_local = false): the values must hold across the transactions of this checkout.
    this.sql = "SELECT " + String.join(", ", Collections.nCopies(keys.levels().size(), "set_config(?, ?, false)"));
    this.cleared = Collections.nCopies(keys.levels().size(), "");
  }

  TenantKeys keys() {
    return keys;
  }

  /** The values that mean "no tenant": an empty string for every level. */
  List<String> cleared() {
    return cleared;
  }

  /**
   * Sets every level to {@code values} (outermost first) and makes the change durable: in a connection that
   * is not in auto-commit mode a rolled-back transaction would undo a session setting made inside it.
   */
  void write(Connection connection, List<String> values) throws SQLException {
    List<TenantKeyLevel> levels = keys.levels();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < levels.size(); i++) {
        statement.setString(2 * i + 1, levels.get(i).setting());
        statement.setString(2 * i + 2, values.get(i));
      }
      statement.execute();
    }
    if (!connection.getAutoCommit()) {
      connection.commit();
    }
  }

  /**
   * Clears every level. Unfinished work is rolled back first, as a pool would on return, so that a failed
   * transaction cannot block the reset.
   */
  void clear(Connection connection) throws SQLException {
    if (!connection.getAutoCommit()) {
      connection.rollback();
    }
    write(connection, cleared);
  }
}
