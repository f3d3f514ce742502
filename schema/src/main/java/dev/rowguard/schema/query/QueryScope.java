package dev.rowguard.schema.query;

import dev.rowguard.schema.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * The FROM items one query block can refer to, and the block it is nested in (for correlated subqueries).
 * Filled while the block's FROM clause is read; not shared across threads.
 */
final class QueryScope {
  final QueryScope parent;
  final List<Source> sources = new ArrayList<>();

  QueryScope(QueryScope parent) {
    this.parent = parent;
  }

  /** The source that {@code qualifier} (and {@code schema}, if written) names in this block, or {@code null}. */
  Source find(String qualifier, String schema) {
    for (Source source : sources) {
      if (source.answersTo(qualifier, schema)) {
        return source;
      }
    }
    return null;
  }

  /** Whether some source's columns are not known from the model. */
  boolean hasOpaqueSource() {
    return sources.stream().anyMatch(s -> s.table() == null);
  }

  /** {@code asset a, asset_dependency d}, for messages. */
  String describe() {
    return String.join(", ", sources.stream().map(Source::written).toList());
  }

  /** What a FROM item is. */
  enum Kind {
    /** A table of the model. */
    TABLE,
    /** A CTE of the statement. */
    CTE,
    /** A subquery, table function or VALUES list. */
    DERIVED,
    /** A table the model does not have (already reported). */
    UNKNOWN
  }

  /**
   * One FROM item.
   *
   * @param alias the folded alias, or {@code null}
   * @param name the folded table or CTE name, or {@code null} for a derived table
   * @param schema the folded schema name as written, or {@code null}
   * @param table the model table for {@link Kind#TABLE}, else {@code null}
   * @param written the item as written ({@code app.asset a}), for messages
   * @param writtenAlias the alias as written, to qualify columns with, or {@code null}
   */
  record Source(Kind kind, String alias, String name, String schema, Table table, String written,
      String writtenAlias) {
    /** Whether {@code qualifier.column} refers to this item: by its alias if it has one, else by its name. */
    boolean answersTo(String qualifier, String schemaQualifier) {
      if (alias != null) {
        return schemaQualifier == null && alias.equals(qualifier);
      }
      return name != null && name.equals(qualifier)
          && (schemaQualifier == null || (table != null && schemaQualifier.equals(table.name().schema())));
    }
  }
}
