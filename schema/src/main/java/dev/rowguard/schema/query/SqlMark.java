package dev.rowguard.schema.query;

/** A span of native SQL text that Rowguard rewrites or checks, found by {@link SqlScanner}. */
sealed interface SqlMark {
  /** Offset of the first character. */
  int start();

  /** Offset after the last character. */
  int end();

  /** {@code :name}. */
  record NamedParameter(int start, int end, String name) implements SqlMark {}

  /** {@code ?} or {@code $1}, which {@code @SqlQuery} does not accept. */
  record PositionalParameter(int start, int end, String written) implements SqlMark {}

  /**
   * {@code rowguard_tenant(…)}.
   *
   * @param ordinal its position among the placeholders of the statement, from 0
   * @param argument the table alias or name between the parentheses, as written; empty for none
   * @param wellFormed whether the argument is empty or one identifier
   */
  record TenantPlaceholder(int start, int end, int ordinal, String argument, boolean wellFormed)
      implements SqlMark {
    /** As written, for messages. */
    String written() {
      return "rowguard_tenant(" + argument + ")";
    }
  }

  /**
   * Where an unqualified name of a model table starts: {@code schema.} is written there, so that the SQL runs
   * with any search path and no temporary object can shadow the table.
   */
  record SchemaQualifier(int start, String schema) implements SqlMark {
    @Override
    public int end() {
      return start;
    }
  }
}
