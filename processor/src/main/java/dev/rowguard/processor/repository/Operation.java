package dev.rowguard.processor.repository;

import java.util.List;

/** What one repository method does. */
public sealed interface Operation {
  /** The entity whose table the operation works on. */
  EntityMapping entity();

  /** An operation on the rows a {@link Query} selects: its entity is the query's. */
  sealed interface Queried extends Operation {
    Query query();

    @Override
    default EntityMapping entity() {
      return query().entity();
    }
  }

  /** How many results a finder returns, and in what container. */
  enum Cardinality { ONE, OPTIONAL, LIST, STREAM, PAGE }

  /**
   * Reads rows.
   *
   * @param projection the record returned instead of the entity, or {@code null}
   */
  record Find(Query query, Projection projection, Cardinality cardinality) implements Queried {}

  /** Counts rows; {@code resultType} is {@code long} or {@code int} (or their wrappers). */
  record Count(Query query, JavaType resultType) implements Queried {}

  /** Whether any row matches. */
  record Exists(Query query) implements Queried {}

  /** Deletes the rows that match; {@code resultType} is {@code void}, {@code int} or {@code long}. */
  record DeleteWhere(Query query, JavaType resultType) implements Queried {}

  /**
   * Runs native SQL from {@code @SqlQuery}, checked at compile time against the schema model.
   *
   * @param entity the repository's entity
   * @param sql the statement to prepare: placeholders expanded, {@code :name} replaced by {@code ?}
   * @param binds what each {@code ?} is bound to, in order
   * @param tenantKeys the tenant keys the method requires, outermost first: the entity's, or, when the SQL reaches
   *     a table scoped more deeply than the entity, the keys the SQL names
   * @param result how each row is read, or {@code null} for a statement that writes
   * @param cardinality for a row-reading method, how many rows it returns
   * @param resultType for a writing method, {@code void}, {@code int}, {@code long} or {@code boolean}
   */
  record Native(EntityMapping entity, String sql, List<Bind> binds, List<TenantKey> tenantKeys,
      NativeResult result, Cardinality cardinality, JavaType resultType) implements Operation {
    public Native {
      binds = List.copyOf(binds);
      tenantKeys = List.copyOf(tenantKeys);
    }

    /** Whether the keys required are the entity's own, so the repository's tenant constant serves. */
    public boolean bindsEntityKeys() {
      return tenantKeys.stream().map(TenantKey::column).toList()
          .equals(entity.tenantKeys().stream().map(p -> p.column().name()).toList());
    }

    /** A tenant key column and the Java type the runtime binds it as. */
    public record TenantKey(String column, JavaType type) {}
  }

  /**
   * Writes entities given as a parameter.
   *
   * @param parameter the parameter holding the entity or the list of entities
   * @param many whether it is a list
   * @param result what the method returns
   */
  record Write(Kind kind, EntityMapping entity, String parameter, boolean many, Result result) implements Operation {
    /** The lifecycle operation. */
    public enum Kind { INSERT, UPDATE, DELETE, SAVE }

    /** What a write method returns. */
    public enum Result { VOID, ENTITIES, INT_COUNT, LONG_COUNT }
  }
}
