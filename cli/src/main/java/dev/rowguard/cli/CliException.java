package dev.rowguard.cli;

/** Bad usage or a database that cannot be reached: the message says what to change; the exit status is 2. */
final class CliException extends Exception {
  private static final long serialVersionUID = 1L;

  CliException(String message) {
    super(message);
  }

  CliException(String message, Throwable cause) {
    super(message, cause);
  }
}
