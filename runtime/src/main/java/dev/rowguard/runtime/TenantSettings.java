package dev.rowguard.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The tenant keys of a data source, the texts its statements run ({@link BoundTexts}, each read once), and the
 * session reset ({@link #clear}) that a checkout which may have left state in the session runs on close: the
 * settings cleared, and what else a tenant can leave there.
 */
final class TenantSettings {
  private final TenantKeys keys;
  private final List<String> cleared;
  private final String reset;
  private final BoundTexts texts;

  TenantSettings(TenantKeys keys) {
    this.keys = keys;
    this.cleared = Collections.nCopies(keys.levels().size(), "");
    this.texts = new BoundTexts(keys);
    // DISCARD ALL would do, but it refuses to run inside the implicit transaction of a multi-statement text.
    // These are the parts of it that a tenant can leave state in; SET SESSION AUTHORIZATION changes nothing for
    // a non-superuser login, and DISCARD PLANS drops no state a tenant can see (it would only cost replanning).
    // pgjdbc sees DEALLOCATE ALL in the command status and prepares its cached statements again on next use.
    // Setting names are checked by TenantKeyLevel to be identifiers, so they are safe as literals here, and a
    // plain Statement keeps this text from being server-prepared and deallocated by itself.
    this.reset = "CLOSE ALL; DISCARD TEMP; DEALLOCATE ALL; RESET ALL; UNLISTEN *; DISCARD SEQUENCES;"
        + " SELECT pg_advisory_unlock_all(), " + keys.levels().stream()
            .map(level -> "set_config('" + level.setting() + "', '', false)")
            .collect(Collectors.joining(", "));
  }

  TenantKeys keys() {
    return keys;
  }

  BoundTexts texts() {
    return texts;
  }

  /** The values that mean "no tenant": an empty string for every level. */
  List<String> cleared() {
    return cleared;
  }

  /**
   * Clears every level and resets the session: temporary objects, SQL-level prepared statements, cursors,
   * settings changed with {@code SET}, listens, advisory locks and sequence state, all in one round trip.
   * Unfinished work is rolled back first, as a pool would on return, so that a failed transaction cannot block
   * the reset.
   */
  void clear(Connection connection) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    if (!autoCommit) {
      connection.rollback();
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute(reset);
    }
    if (!autoCommit) {
      connection.commit();
    }
  }
}
