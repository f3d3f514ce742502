package dev.rowguard.schema.sql;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Names that are legal in PostgreSQL but reserved by object-relational mappers that often share the
 * database, so a table or column with that name breaks the other application's model. A policy list kept by
 * Rowguard, separate from PostgreSQL's keywords.
 */
public final class OrmReservedNames {
  private static final Map<String, String> REASONS =
      Map.of(
          "metadata", "SQLAlchemy's declarative API reserves the attribute 'metadata'",
          "registry", "SQLAlchemy's declarative API reserves the attribute 'registry'");

  private OrmReservedNames() {}

  /** Why {@code name} is reserved, or empty when it is not. */
  public static Optional<String> reason(String name) {
    return Optional.ofNullable(REASONS.get(name.toLowerCase(Locale.ROOT)));
  }

  /** The reserved names, for documentation. */
  public static Map<String, String> all() {
    return REASONS;
  }
}
