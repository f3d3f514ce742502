package dev.rowguard.processor.read;

import dev.rowguard.processor.repository.Operator;
import java.util.List;

/**
 * A repository method name parsed by Jakarta Data's query-by-method-name grammar, before its properties are
 * matched to parameters.
 *
 * @param action what the method does
 * @param first {@code First<n>}/{@code Top<n>}, 0 when absent
 * @param conditions the conditions after {@code By}
 * @param orderBy the terms after {@code OrderBy}
 */
record MethodName(Action action, int first, List<Term> conditions, List<Order> orderBy) {
  enum Action { FIND, COUNT, EXISTS, DELETE }

  record Term(String property, Operator operator, boolean negated, boolean ignoreCase, boolean orWithPrevious) {}

  record Order(String property, boolean descending, boolean ignoreCase) {}

  MethodName {
    conditions = List.copyOf(conditions);
    orderBy = List.copyOf(orderBy);
  }
}
