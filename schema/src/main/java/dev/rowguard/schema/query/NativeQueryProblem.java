package dev.rowguard.schema.query;

/**
 * One thing wrong with a {@code @SqlQuery} statement.
 *
 * @param kind what sort of problem, a stable tag for messages and tests
 * @param detail what is wrong and what to do, ready to follow a tag in a compile error
 */
public record NativeQueryProblem(Kind kind, String detail) {
  /** The sorts of problem. */
  public enum Kind {
    /** JSqlParser cannot parse the SQL; nothing else is checked. */
    SYNTAX,
    /** Not one SELECT, UPDATE, DELETE or INSERT into a shared table. */
    UNSUPPORTED_STATEMENT,
    /** A table that is not in the schema model. */
    UNKNOWN_TABLE,
    /** A column its table does not have. */
    UNKNOWN_COLUMN,
    /** A {@code :name} with no method parameter of that name, or a positional {@code ?}. */
    UNDECLARED_PARAMETER,
    /** A method parameter the SQL never uses. */
    UNUSED_PARAMETER,
    /** A parameter whose Java type does not fit the column it is compared with or written to. */
    PARAMETER_TYPE,
    /** The result cannot fill what the method returns. */
    RESULT_MAPPING,
    /** A tenanted table not restricted to the bound tenant, or a misused {@code rowguard_tenant(…)}. */
    TENANT_FILTER,
    /** An UPDATE that sets a tenant key, which would move rows to another tenant. */
    TENANT_KEY_WRITE,
    /** A call or statement of {@link ForbiddenOperations}: it writes session state or administers the server. */
    FORBIDDEN_OPERATION;

    /**
     * Whether this kind is part of the tenant-isolation verdict, which the Error Prone checks reach too: what the
     * SQL runs, and whether it restricts every tenanted table. The other kinds are about names and types.
     */
    public boolean isolation() {
      return this == SYNTAX || this == UNSUPPORTED_STATEMENT || this == TENANT_FILTER || this == TENANT_KEY_WRITE
          || this == FORBIDDEN_OPERATION;
    }
  }

  /** {@code [KIND] detail}, for logs and test failures. */
  @Override
  public String toString() {
    return "[" + kind + "] " + detail;
  }
}
