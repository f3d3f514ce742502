package dev.rowguard.sample;

import java.sql.SQLException;

/**
 * What an attempted statement did: the rows it returned or changed, or the error that stopped it.
 *
 * @param rows rows returned (queries) or affected (writes); 0 when it failed
 * @param error the failure, or {@code null}
 */
record Outcome(long rows, SQLException error) {
  boolean failed() {
    return error != null;
  }

  boolean failedWith(String sqlState) {
    return error != null && sqlState.equals(error.getSQLState());
  }

  @Override
  public String toString() {
    if (error == null) {
      return rows + (rows == 1 ? " row" : " rows");
    }
    String message = error.getMessage();
    int end = message.indexOf('\n');
    return "SQL state " + error.getSQLState() + " (" + (end < 0 ? message : message.substring(0, end)) + ")";
  }
}
