package dev.rowguard.processor.read;

import dev.rowguard.processor.diagnostics.Message;

/**
 * A method name the grammar cannot read: the catalog entry that says why and its arguments after the method's
 * label, which the parser does not know and the reader adds when it reports.
 */
final class MethodNameException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final transient Message problem;
  private final transient Object[] details;

  MethodNameException(Message problem, Object... details) {
    super(problem.tag());
    this.problem = problem;
    this.details = details.clone();
  }

  Message problem() {
    return problem;
  }

  Object[] details() {
    return details.clone();
  }
}
