package dev.rowguard.runtime.verify;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What {@link CatalogReader} read of a live database: its tables in the model's terms, with what the model
 * implies but does not list (row-level security, the application role's privileges).
 *
 * @param appRole the role whose privileges were read
 * @param roleExists whether that role exists
 * @param schemasWithUsage the schemas on which the role has USAGE
 * @param unusedEnumTypes the native ENUM types of the schemas that nothing uses (no column, no function), each
 *     with its labels, by name as SQL writes it
 */
public record Catalog(List<LiveTable> tables, String appRole, boolean roleExists, Set<String> schemasWithUsage,
    Map<String, List<String>> unusedEnumTypes) {
  public Catalog {
    tables = List.copyOf(tables);
    schemasWithUsage = Set.copyOf(schemasWithUsage);
    unusedEnumTypes = Collections.unmodifiableMap(new TreeMap<>(unusedEnumTypes));
  }

  public Optional<LiveTable> table(String schema, String name) {
    return tables.stream().filter(t -> t.table().schema().equals(schema) && t.table().name().equals(name))
        .findFirst();
  }

  /**
   * @param enumColumns the columns of a native ENUM type (their type name is the column's type, their labels its
   *     allowed values)
   * @param privileges what the application role was granted on the table directly ({@code SELECT}, …), sorted
   * @param policies the names of the table's policies, sorted
   */
  public record LiveTable(Model.Table table, boolean rowSecurity, boolean forcedRowSecurity, Set<String> enumColumns,
      List<String> privileges, List<String> policies) {
    public LiveTable {
      enumColumns = Set.copyOf(enumColumns);
      privileges = List.copyOf(privileges);
      policies = List.copyOf(policies);
    }
  }
}
