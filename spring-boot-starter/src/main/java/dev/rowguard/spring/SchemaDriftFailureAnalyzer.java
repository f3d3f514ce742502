package dev.rowguard.spring;

import dev.rowguard.runtime.SchemaDriftException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A start-up that the schema verification refused, as Boot's "APPLICATION FAILED TO START" report: the verifier's
 * report of every difference, then what to do, instead of a stack trace.
 */
final class SchemaDriftFailureAnalyzer extends AbstractFailureAnalyzer<SchemaDriftException> {
  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, SchemaDriftException cause) {
    return new FailureAnalysis("The database does not match the schema model the application was built with ("
        + ApplicationModel.RESOURCE + "), which Rowguard verifies after the migrations.\n" + cause.result().report(),
        "Bring the database to the model (rowguard-cli align writes the migration), or rebuild the application from"
            + " the schema it should have. rowguard.verify-schema=false starts without the check, and leaves the"
            + " differences in place.", cause);
  }
}
