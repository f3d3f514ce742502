package dev.rowguard.schema.migrate;

/**
 * One SQL statement of a change.
 *
 * @param lock the lock the statement takes and for how long, for the comment above it; {@code null} for none
 *     worth saying
 * @param sql the statement, ending with {@code ;}
 * @param part the migration file it goes to
 */
public record Step(String lock, String sql, Part part) {
  /**
   * The files of one version, in the order Flyway runs them. {@code CREATE INDEX CONCURRENTLY} cannot run inside a
   * transaction, so it has a file of its own; what needs the indexes built there (a key attached with {@code USING
   * INDEX}, a foreign key that references that key) runs in a third file, after it, in a transaction again.
   */
  public enum Part {
    /** {@code V<n>__…sql}: in the migration's transaction. */
    TRANSACTION,
    /** {@code V<n>.1__…_concurrently.sql}: outside a transaction, one statement at a time. */
    CONCURRENTLY,
    /** {@code V<n>.2__…_constraints.sql}: in a transaction, once the concurrent indexes exist. */
    AFTER_CONCURRENTLY
  }

  public static Step of(String lock, String sql) {
    return new Step(lock, sql, Part.TRANSACTION);
  }

  public static Step concurrently(String lock, String sql) {
    return new Step(lock, sql, Part.CONCURRENTLY);
  }

  public static Step afterConcurrently(String lock, String sql) {
    return new Step(lock, sql, Part.AFTER_CONCURRENTLY);
  }

  public boolean concurrent() {
    return part == Part.CONCURRENTLY;
  }
}
