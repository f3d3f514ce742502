package dev.rowguard.processor.repository;

import java.util.List;

/**
 * One restriction of a query, from a method name ({@code HostnameIgnoreCaseNotLike}) or a parameter of a
 * {@code @Find} method.
 *
 * @param property the property compared
 * @param operator the comparison
 * @param negated whether it is negated ({@code Not})
 * @param ignoreCase whether text is compared case-insensitively
 * @param parameters the method parameters that supply the operands, {@link Operator#arity()} of them
 * @param orWithPrevious whether it is joined to the previous condition by OR rather than AND
 */
public record Condition(
    Property property, Operator operator, boolean negated, boolean ignoreCase, List<String> parameters,
    boolean orWithPrevious) {
  public Condition {
    parameters = List.copyOf(parameters);
  }
}
