package dev.rowguard.runtime;

import java.sql.SQLException;

/**
 * A database call the runtime made on its own behalf failed. Keeps the driver's SQL state and vendor code,
 * so callers can still tell a lost connection ({@code 08…}) from a missing privilege ({@code 42501}).
 */
public final class RowguardSqlException extends RowguardException {
  private static final long serialVersionUID = 1L;

  private final String sqlState;
  private final int errorCode;

  RowguardSqlException(String whatFailed, SQLException cause) {
    super(whatFailed + ": " + cause.getMessage() + " (SQL state " + cause.getSQLState() + ")", cause);
    this.sqlState = cause.getSQLState();
    this.errorCode = cause.getErrorCode();
  }

  public String getSQLState() {
    return sqlState;
  }

  public int getErrorCode() {
    return errorCode;
  }

  @Override
  public synchronized SQLException getCause() {
    return (SQLException) super.getCause();
  }
}
