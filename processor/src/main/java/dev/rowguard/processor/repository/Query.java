package dev.rowguard.processor.repository;

import java.util.List;

/**
 * What a reading or deleting method selects: the rows of one entity's table that match its conditions (and,
 * always, the bound tenant).
 *
 * @param entity the entity whose table is queried
 * @param conditions the restrictions, in order; AND binds tighter than OR
 * @param orderBy ORDER BY terms fixed at compile time
 * @param dynamicOrder parameters of type {@code Order}, {@code Sort} or {@code Sort[]} that add ORDER BY terms at
 *     run time, in order
 * @param first {@code First<n>}/{@code Top<n>} of the method name, 0 when none
 * @param pageRequest the {@code PageRequest} parameter, or {@code null}
 * @param limit the {@code Limit} parameter, or {@code null}
 */
public record Query(
    EntityMapping entity, List<Condition> conditions, List<SortKey> orderBy, List<DynamicOrder> dynamicOrder,
    int first, String pageRequest, String limit) {
  public Query {
    conditions = List.copyOf(conditions);
    orderBy = List.copyOf(orderBy);
    dynamicOrder = List.copyOf(dynamicOrder);
  }

  /** A parameter that orders results at run time. */
  public record DynamicOrder(String parameter, Kind kind) {
    /** The parameter's type. */
    public enum Kind { ORDER, SORT, SORT_ARRAY }
  }
}
