package dev.rowguard.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * An immutable tenant: a value for each bound level of the project's {@link TenantKeys}, outermost first. A
 * tenant may stop short of the innermost levels (a client-level job binds only {@code client_account_id});
 * the unbound levels carry an empty setting, so tables scoped by them show no rows.
 */
public final class Tenant {
  private final TenantKeys keys;
  private final List<Object> values;
  /** Rendered once: every checkout for this tenant binds them. */
  private final List<String> settingValues;

  private Tenant(TenantKeys keys, List<Object> values) {
    this.keys = keys;
    this.values = Collections.unmodifiableList(values);
    List<TenantKeyLevel> levels = keys.levels();
    List<String> settings = new ArrayList<>(levels.size());
    for (int i = 0; i < levels.size(); i++) {
      settings.add(i < values.size() ? levels.get(i).settingValue(values.get(i)) : "");
    }
    this.settingValues = Collections.unmodifiableList(settings);
  }

  /**
   * A tenant bound at the outermost {@code values.length} levels of {@code keys}.
   *
   * @throws InvalidTenantException when no value is given, too many are, one is null or empty, or one is not
   *     of its level's Java type
   */
  public static Tenant of(TenantKeys keys, Object... values) {
    Objects.requireNonNull(keys, "keys");
    List<TenantKeyLevel> levels = keys.levels();
    if (values == null || values.length == 0) {
      throw new InvalidTenantException("a tenant needs a value for at least the outermost key level, "
          + levels.get(0).column() + "; got none");
    }
    if (values.length > levels.size()) {
      throw new InvalidTenantException("got " + values.length + " values for " + levels.size()
          + " tenant key levels " + keys.columns() + ": " + Arrays.toString(values));
    }
    List<Object> checked = new ArrayList<>(values.length);
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        throw new InvalidTenantException("the value for tenant key " + levels.get(i).column()
            + " is null; give every outer level a value, and leave out only inner levels");
      }
      checked.add(checked(levels.get(i), values[i]));
    }
    return new Tenant(keys, checked);
  }

  /**
   * A tenant from values by column. The bound columns must be an outermost prefix of the levels: an inner
   * level without its outer level is refused, because the policies would match it in every outer scope.
   */
  public static Tenant of(TenantKeys keys, Map<String, ?> valuesByColumn) {
    Objects.requireNonNull(keys, "keys");
    for (String column : valuesByColumn.keySet()) {
      if (keys.level(column).isEmpty()) {
        throw new InvalidTenantException("unknown tenant key column " + column + "; the keys are " + keys.columns());
      }
    }
    List<Object> values = new ArrayList<>();
    String firstMissing = null;
    for (TenantKeyLevel level : keys.levels()) {
      Object value = valuesByColumn.get(level.column());
      if (value == null) {
        if (firstMissing == null) {
          firstMissing = level.column();
        }
      } else if (firstMissing != null) {
        throw new InvalidTenantException("tenant key " + level.column() + " is given but its outer level "
            + firstMissing + " is missing; bind " + firstMissing + " too");
      } else {
        values.add(value);
      }
    }
    return of(keys, values.toArray());
  }

  private static Object checked(TenantKeyLevel level, Object value) {
    if (!level.type().isInstance(value)) {
      throw new InvalidTenantException("tenant key " + level.column() + " takes a " + level.type().getName()
          + ", not a " + value.getClass().getName() + " (" + value + ")");
    }
    if (value instanceof String text && text.isEmpty()) {
      // An empty setting is how the policies spell "no tenant".
      throw new InvalidTenantException("the value for tenant key " + level.column() + " is empty");
    }
    return value;
  }

  public TenantKeys keys() {
    return keys;
  }

  /** How many levels are bound, from the outermost; at least 1. */
  public int boundLevels() {
    return values.size();
  }

  /** The value bound to {@code column}, empty when that level is not bound. */
  public Optional<Object> value(String column) {
    int index = keys.indexOf(column);
    if (index < 0) {
      throw new InvalidTenantException("unknown tenant key column " + column + "; the keys are " + keys.columns());
    }
    return index < values.size() ? Optional.of(values.get(index)) : Optional.empty();
  }

  /** The bound values, outermost first. */
  public List<Object> values() {
    return values;
  }

  /** The text of each level's setting, outermost first; {@code ""} for unbound levels. */
  List<String> settingValues() {
    return settingValues;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Tenant that && keys.equals(that.keys) && values.equals(that.values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(keys, values);
  }

  @Override
  public String toString() {
    StringJoiner joiner = new StringJoiner(", ", "Tenant[", "]");
    List<String> columns = keys.columns();
    for (int i = 0; i < values.size(); i++) {
      joiner.add(columns.get(i) + "=" + values.get(i));
    }
    return joiner.toString();
  }
}
