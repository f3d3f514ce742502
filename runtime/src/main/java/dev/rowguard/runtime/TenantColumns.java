package dev.rowguard.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The tenant key columns of one table, with the Java type each holds: what a generated repository needs to
 * read the bound tenant before it sends any SQL. Generated code declares one per tenanted entity:
 *
 * <pre>{@code
 * private static final TenantColumns TENANT =
 *     TenantColumns.of("client_account_id", UUID.class).and("engagement_id", UUID.class);
 * }</pre>
 */
public final class TenantColumns {
  private final List<String> columns;
  private final List<Class<?>> types;

  private TenantColumns(List<String> columns, List<Class<?>> types) {
    this.columns = List.copyOf(columns);
    this.types = List.copyOf(types);
  }

  /** The outermost key column and its Java type. */
  public static TenantColumns of(String column, Class<?> type) {
    return new TenantColumns(List.of(column), List.of(type));
  }

  /** These columns and one more, the next level inward. */
  public TenantColumns and(String column, Class<?> type) {
    List<String> moreColumns = new ArrayList<>(columns);
    moreColumns.add(Objects.requireNonNull(column, "column"));
    List<Class<?>> moreTypes = new ArrayList<>(types);
    moreTypes.add(Objects.requireNonNull(type, "type"));
    return new TenantColumns(moreColumns, moreTypes);
  }

  public List<String> columns() {
    return columns;
  }

  /**
   * The bound tenant's value for each column, in order.
   *
   * @param operation what is about to run, for the message, e.g. {@code AssetRepository.findByHostname}
   * @throws TenantNotBoundException when no tenant is bound, or the bound one stops short of a column
   * @throws InvalidTenantException when a bound value is not of the column's Java type
   */
  public Object[] require(String operation) {
    Tenant tenant = TenantContext.current().orElseThrow(() -> TenantContext.notBound(operation));
    Object[] values = new Object[columns.size()];
    for (int i = 0; i < values.length; i++) {
      String column = columns.get(i);
      if (tenant.keys().indexOf(column) < 0) {
        throw new InvalidTenantException(operation + " needs tenant key " + column + ", but the bound tenant's keys are "
            + tenant.keys().columns() + "; bind a tenant of the keys the entities declare");
      }
      Object value = tenant.value(column).orElseThrow(() -> new TenantNotBoundException(operation + " needs tenant key "
          + column + " bound, but the bound tenant is " + tenant + "; bind the inner level too"));
      if (!types.get(i).isInstance(value)) {
        throw new InvalidTenantException(operation + ": tenant key " + column + " holds a " + types.get(i).getName()
            + ", but the bound value is a " + value.getClass().getName() + " (" + value + ")");
      }
      values[i] = value;
    }
    return values;
  }

  /**
   * Checks that an entity about to be written belongs to the bound tenant: its key is unset (the repository fills
   * it) or equal to the bound value.
   *
   * @throws CrossTenantWriteException when the entity carries another tenant's key
   */
  public void checkCarried(String operation, String entity, int index, Object carried, Object[] bound) {
    if (carried != null && !carried.equals(bound[index])) {
      throw new CrossTenantWriteException(operation + ": the " + entity + " carries " + columns.get(index) + " = "
          + carried + ", but the bound tenant has " + columns.get(index) + " = " + bound[index]
          + "; an entity cannot be written into another tenant. Leave the key unset (the repository fills it) or "
          + "bind that tenant");
    }
  }

  @Override
  public String toString() {
    return "TenantColumns" + columns;
  }
}
