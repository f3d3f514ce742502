package dev.rowguard.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The few conversions and failures generated repositories share; applications do not call it. Kept here rather
 * than repeated in every generated class.
 */
public final class RepositorySupport {
  private RepositorySupport() {}

  /** Work on a connection that may throw {@link SQLException}. */
  @FunctionalInterface
  public interface SqlWork<T> {
    T run() throws SQLException;
  }

  /**
   * Runs {@code work} as one transaction when the connection is in auto-commit mode (a batch must not half-apply);
   * inside a transaction the caller already manages, it just runs.
   */
  public static <T> T atomically(Connection connection, SqlWork<T> work) throws SQLException {
    if (!connection.getAutoCommit()) {
      return work.run();
    }
    connection.setAutoCommit(false);
    try {
      T result = work.run();
      connection.commit();
      return result;
    } catch (SQLException | RuntimeException | Error e) {
      try {
        connection.rollback();
      } catch (SQLException rollbackFailure) {
        e.addSuppressed(rollbackFailure);
      }
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }

  /** A failed statement, as an unchecked exception that keeps the SQL state and vendor code. */
  public static RowguardSqlException failure(String operation, SQLException cause) {
    // A failed batch says only "see getNextException"; the statement's own error is the useful one.
    SQLException next = cause.getNextException();
    return new RowguardSqlException(operation, next != null ? next : cause);
  }

  /**
   * An {@link Instant} as the driver takes it: pgjdbc binds {@link OffsetDateTime} to {@code timestamptz} but
   * has no mapping for {@code Instant}.
   */
  public static OffsetDateTime toOffsetDateTime(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  /** The {@link Instant} of a {@code timestamptz} read as {@link OffsetDateTime}; null stays null. */
  public static Instant toInstant(OffsetDateTime value) {
    return value == null ? null : value.toInstant();
  }

  /** A LIKE pattern matching {@code text} literally at the start ({@code StartsWith}); escape character {@code \}. */
  public static String startsWith(String text) {
    return text == null ? null : escapeLike(text) + "%";
  }

  /** A LIKE pattern matching {@code text} literally at the end ({@code EndsWith}). */
  public static String endsWith(String text) {
    return text == null ? null : "%" + escapeLike(text);
  }

  /** A LIKE pattern matching {@code text} literally anywhere ({@code Contains}). */
  public static String contains(String text) {
    return text == null ? null : "%" + escapeLike(text) + "%";
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  /** A stored enum value that no constant writes: a legacy value still in the table, or a value written by hand. */
  public static IllegalStateException unknownStoredValue(String value, Class<?> enumType) {
    return new IllegalStateException("a row holds '" + value + "', which no constant of " + enumType.getName()
        + " stores (a legacy value?); migrate the rows to a current value, or map it with @StoredValue");
  }
}
