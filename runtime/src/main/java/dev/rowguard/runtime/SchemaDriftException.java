package dev.rowguard.runtime;

import dev.rowguard.runtime.verify.VerificationResult;

/**
 * The live database does not match the model the application was built with: {@link #result()} lists every
 * difference; the message is the report.
 */
public final class SchemaDriftException extends RowguardException {
  private static final long serialVersionUID = 1L;

  private final transient VerificationResult result;

  SchemaDriftException(VerificationResult result) {
    super("the database does not match the schema model the application was built with; refusing to start.\n"
        + result.report() + "Bring the database to the model (rowguard-cli align writes the migration), or rebuild"
        + " the application from the schema it should have.");
    this.result = result;
  }

  public VerificationResult result() {
    return result;
  }
}
