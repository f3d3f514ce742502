package dev.rowguard.runtime;

import java.util.List;

/**
 * The start-up check found that row-level security would not protect every tenant: the connected role can
 * bypass it, or a tenanted table does not enforce it. {@link #problems()} lists each finding with its fix.
 */
public final class RlsBypassException extends RowguardException {
  private static final long serialVersionUID = 1L;

  private final String role;
  private final List<String> problems;

  RlsBypassException(String role, List<String> problems) {
    super(message(role, problems));
    this.role = role;
    this.problems = List.copyOf(problems);
  }

  /** The role the connection runs as ({@code current_user}). */
  public String role() {
    return role;
  }

  /** One sentence per problem, each ending with what to change. */
  public List<String> problems() {
    return problems;
  }

  private static String message(String role, List<String> problems) {
    StringBuilder message = new StringBuilder("row-level security would not protect every tenant for role \"")
        .append(role)
        .append("\"; refusing to start:");
    for (String problem : problems) {
      message.append("\n  - ").append(problem);
    }
    return message.toString();
  }
}
