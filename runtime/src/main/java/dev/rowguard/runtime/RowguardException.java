package dev.rowguard.runtime;

/**
 * The one family of exceptions the Rowguard runtime throws. Every message says what is wrong and what to do;
 * catch this type to handle them all.
 */
public abstract class RowguardException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  RowguardException(String message) {
    super(message);
  }

  RowguardException(String message, Throwable cause) {
    super(message, cause);
  }
}
