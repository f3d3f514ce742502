package dev.rowguard.schema.migrate;

/**
 * One SQL statement of a change.
 *
 * @param lock the lock the statement takes and for how long, for the comment above it; {@code null} for none
 *     worth saying
 * @param sql the statement, ending with {@code ;}
 * @param concurrent whether it must run outside a transaction ({@code CREATE INDEX CONCURRENTLY}): such steps
 *     go to a migration of their own
 */
public record Step(String lock, String sql, boolean concurrent) {
  public static Step of(String lock, String sql) {
    return new Step(lock, sql, false);
  }

  public static Step concurrently(String lock, String sql) {
    return new Step(lock, sql, true);
  }
}
