package dev.rowguard.processor.write;

import dev.rowguard.processor.repository.Bind;
import dev.rowguard.processor.repository.Condition;
import dev.rowguard.processor.repository.EntityMapping;
import dev.rowguard.processor.repository.Property;
import dev.rowguard.processor.repository.Query;
import dev.rowguard.processor.repository.SortKey;
import dev.rowguard.schema.sql.Identifiers;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The SQL of generated repository methods. Every statement on a tenanted table starts its WHERE clause with
 * each tenant key compared to the bound tenant's value, ahead of (and around) the method's own conditions, so
 * that no condition, OR included, can widen it; RLS enforces the same in the database.
 */
final class RepositorySql {
  private RepositorySql() {}

  static String column(Property property) {
    return Identifiers.quote(property.column().name());
  }

  static String table(EntityMapping entity) {
    return entity.table().name().sql();
  }

  static String columns(List<Property> properties) {
    return properties.stream().map(RepositorySql::column).collect(Collectors.joining(", "));
  }

  /** {@code SELECT <columns> FROM <table> WHERE …} without ORDER BY or LIMIT. */
  static Statement select(Query query, List<Property> selected) {
    return where("SELECT " + columns(selected) + " FROM " + table(query.entity()), query);
  }

  static Statement count(Query query) {
    return where("SELECT count(*) FROM " + table(query.entity()), query);
  }

  static Statement exists(Query query) {
    Statement where = where("SELECT 1 FROM " + table(query.entity()), query);
    return new Statement(where.sql() + " LIMIT 1", where.binds());
  }

  static Statement delete(Query query) {
    return where("DELETE FROM " + table(query.entity()), query);
  }

  /** The ORDER BY terms fixed at compile time, e.g. {@code hostname DESC}. */
  static List<String> orderTerms(List<SortKey> keys) {
    return keys.stream()
        .map(key -> (key.ignoreCase() ? "lower(" + column(key.property()) + ")" : column(key.property()))
            + (key.descending() ? " DESC" : ""))
        .toList();
  }

  private static Statement where(String head, Query query) {
    List<Bind> binds = new ArrayList<>();
    List<String> restrictions = new ArrayList<>(tenantRestrictions(query.entity(), binds));
    List<String> conditions = new ArrayList<>();
    boolean anyOr = false;
    StringBuilder own = new StringBuilder();
    for (Condition condition : query.conditions()) {
      if (own.length() > 0) {
        own.append(condition.orWithPrevious() ? " OR " : " AND ");
      }
      anyOr |= condition.orWithPrevious();
      own.append(condition(condition, binds));
    }
    if (own.length() > 0) {
      conditions.add(anyOr && !restrictions.isEmpty() ? "(" + own + ")" : own.toString());
    }
    restrictions.addAll(conditions);
    return new Statement(restrictions.isEmpty() ? head : head + " WHERE " + String.join(" AND ", restrictions),
        binds);
  }

  /** {@code client_account_id = ?} for each tenant key, adding the binds. */
  static List<String> tenantRestrictions(EntityMapping entity, List<Bind> binds) {
    List<String> restrictions = new ArrayList<>();
    List<Property> keys = entity.tenantKeys();
    for (int i = 0; i < keys.size(); i++) {
      restrictions.add(column(keys.get(i)) + " = ?");
      binds.add(new Bind.TenantKey(i, keys.get(i).column().name()));
    }
    return restrictions;
  }

  private static String condition(Condition condition, List<Bind> binds) {
    String column = column(condition.property());
    boolean not = condition.negated();
    for (String parameter : condition.parameters()) {
      binds.add(new Bind.Parameter(parameter, condition.property(), condition.operator()));
    }
    String like = (not ? "NOT " : "") + (condition.ignoreCase() ? "ILIKE" : "LIKE");
    return switch (condition.operator()) {
      case EQUAL -> condition.ignoreCase()
          ? "lower(" + column + ")" + (not ? " <> " : " = ") + "lower(?)"
          : column + (not ? " <> ?" : " = ?");
      case LESS_THAN -> negate(not, column + " < ?");
      case LESS_THAN_EQUAL -> negate(not, column + " <= ?");
      case GREATER_THAN -> negate(not, column + " > ?");
      case GREATER_THAN_EQUAL -> negate(not, column + " >= ?");
      case BETWEEN -> column + (not ? " NOT BETWEEN ? AND ?" : " BETWEEN ? AND ?");
      case LIKE -> column + " " + like + " ?";
      case STARTS_WITH, ENDS_WITH, CONTAINS -> column + " " + like + " ? ESCAPE '\\'";
      case IN -> negate(not, column + " = ANY (?)");
      case NULL -> column + (not ? " IS NOT NULL" : " IS NULL");
      case TRUE -> column + (not ? " IS NOT TRUE" : " IS TRUE");
      case FALSE -> column + (not ? " IS NOT FALSE" : " IS FALSE");
    };
  }

  private static String negate(boolean not, String comparison) {
    return not ? "NOT (" + comparison + ")" : comparison;
  }

  // ---- writes ----

  /** The columns an insert lists: all but identity columns, which the database numbers. */
  static List<Property> insertedColumns(EntityMapping entity) {
    return entity.properties().stream().filter(p -> !p.column().identity()).toList();
  }

  /** Columns read back after an insert or save: identity, defaulted and version columns. */
  static List<Property> generatedColumns(EntityMapping entity) {
    return entity.properties().stream()
        .filter(p -> p.column().identity() || p.column().defaultSql() != null || p.column().version())
        .toList();
  }

  /**
   * {@code INSERT INTO t (…) VALUES (…)}: a null in a column with a DEFAULT takes the default
   * ({@code COALESCE(?, now())}), which keeps one statement text for JDBC batching.
   */
  static String insert(EntityMapping entity) {
    List<Property> columns = insertedColumns(entity);
    return "INSERT INTO " + table(entity) + " (" + columns(columns) + ") VALUES ("
        + columns.stream().map(RepositorySql::value).collect(Collectors.joining(", ")) + ")";
  }

  private static String value(Property property) {
    String defaultSql = property.column().defaultSql();
    return defaultSql == null || property.column().version() ? "?" : "COALESCE(?, " + defaultSql + ")";
  }

  /** The columns an update sets: not the key, the tenant keys (never changed) or identity and version columns. */
  static List<Property> updatedColumns(EntityMapping entity) {
    return entity.properties().stream()
        .filter(p -> !p.equals(entity.id()) && !entity.isTenantKey(p) && !p.column().identity() && !p.column().version())
        .toList();
  }

  /**
   * {@code UPDATE t SET … WHERE <tenant> AND id = ? [AND version = ?]}: a null in a column with a DEFAULT keeps
   * the stored value; the version goes up by one.
   */
  static String update(EntityMapping entity) {
    List<String> sets = new ArrayList<>();
    for (Property property : updatedColumns(entity)) {
      String column = column(property);
      sets.add(column + " = " + (property.column().defaultSql() == null ? "?" : "COALESCE(?, " + column + ")"));
    }
    entity.version().ifPresent(v -> sets.add(column(v) + " = " + column(v) + " + 1"));
    if (sets.isEmpty()) {
      sets.add(column(entity.id()) + " = " + column(entity.id())); // Nothing else to write: still report a missing row.
    }
    return "UPDATE " + table(entity) + " SET " + String.join(", ", sets) + " WHERE " + keyRestriction(entity);
  }

  /** {@code DELETE FROM t WHERE <tenant> AND id = ? [AND version = ?]}. */
  static String deleteEntity(EntityMapping entity) {
    return "DELETE FROM " + table(entity) + " WHERE " + keyRestriction(entity);
  }

  private static String keyRestriction(EntityMapping entity) {
    List<String> restrictions = new ArrayList<>(tenantRestrictions(entity, new ArrayList<>()));
    restrictions.add(column(entity.id()) + " = ?");
    entity.version().ifPresent(v -> restrictions.add(column(v) + " = ?"));
    return String.join(" AND ", restrictions);
  }

  /**
   * An upsert: {@code INSERT … ON CONFLICT (<primary key>) DO UPDATE SET … WHERE} the stored row belongs to the same tenant
   * (and has the same version). A key taken by another tenant updates nothing, which the caller reports.
   */
  static String save(EntityMapping entity) {
    String table = Identifiers.quote(entity.table().name().name());
    List<String> sets = new ArrayList<>();
    for (Property property : updatedColumns(entity)) {
      String column = column(property);
      sets.add(column + " = " + (property.column().defaultSql() == null
          ? "EXCLUDED." + column : "COALESCE(EXCLUDED." + column + ", " + table + "." + column + ")"));
    }
    entity.version().ifPresent(v -> sets.add(column(v) + " = " + table + "." + column(v) + " + 1"));
    List<String> same = new ArrayList<>();
    for (Property key : entity.tenantKeys()) {
      same.add(table + "." + column(key) + " = EXCLUDED." + column(key));
    }
    entity.version().ifPresent(v -> same.add(table + "." + column(v) + " = EXCLUDED." + column(v)));
    // The primary key: (id), or on Citus (root tenant key, id), since a distributed table has no key without it.
    List<String> key = entity.table().primaryKey() == null
        ? List.of(column(entity.id()))
        : entity.table().primaryKey().columns().stream().map(Identifiers::quote).toList();
    String conflict = " ON CONFLICT (" + String.join(", ", key) + ") DO "
        + (sets.isEmpty() ? "NOTHING" : "UPDATE SET " + String.join(", ", sets)
            + (same.isEmpty() ? "" : " WHERE " + String.join(" AND ", same)));
    return insert(entity) + conflict;
  }
}
