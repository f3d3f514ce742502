package dev.rowguard.processor.read;

import dev.rowguard.processor.diagnostics.Message;
import dev.rowguard.processor.read.MethodName.Action;
import dev.rowguard.processor.repository.Operator;
import dev.rowguard.schema.sql.Suggestions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses query-by-method-name: {@code find[First<n>|Top<n>]By<conditions>[OrderBy<terms>]}, and {@code countBy},
 * {@code existsBy}, {@code deleteBy}. A condition is {@code <Property>[IgnoreCase][Is][Not][<Operator>]}, joined
 * by {@code And}/{@code Or}; an order term is {@code <Property>[IgnoreCase][Asc|Desc]}. Property names are matched
 * against the entity's, longest first, so a property may contain {@code And} or {@code Or}.
 */
final class MethodNameParser {
  private static final Pattern PREFIX =
      Pattern.compile("^(find|count|exists|delete)(?:(First|Top)(\\d*))?By(.*)$");
  /** Longest first, so that {@code GreaterThanEqual} wins over {@code GreaterThan}. */
  private static final List<Map.Entry<String, Operator>> OPERATORS = List.of(
      Map.entry("GreaterThanEqual", Operator.GREATER_THAN_EQUAL),
      Map.entry("LessThanEqual", Operator.LESS_THAN_EQUAL),
      Map.entry("GreaterThan", Operator.GREATER_THAN),
      Map.entry("StartsWith", Operator.STARTS_WITH),
      Map.entry("LessThan", Operator.LESS_THAN),
      Map.entry("EndsWith", Operator.ENDS_WITH),
      Map.entry("Contains", Operator.CONTAINS),
      Map.entry("Between", Operator.BETWEEN),
      Map.entry("Equals", Operator.EQUAL),
      Map.entry("False", Operator.FALSE),
      Map.entry("Like", Operator.LIKE),
      Map.entry("Null", Operator.NULL),
      Map.entry("True", Operator.TRUE),
      Map.entry("In", Operator.IN));

  private final List<String> properties;

  /** @param properties the entity's property names, as declared ({@code hostname}, {@code ipAddress}) */
  MethodNameParser(List<String> properties) {
    this.properties = properties.stream()
        .sorted(Comparator.comparingInt(String::length).reversed())
        .toList();
  }

  /** Whether the name has the shape of a query-by-method-name method at all. */
  static boolean looksLikeQuery(String methodName) {
    return PREFIX.matcher(methodName).matches();
  }

  /**
   * The parsed name.
   *
   * @throws MethodNameException saying what is wrong and what the grammar accepts
   */
  MethodName parse(String methodName) {
    Matcher matcher = PREFIX.matcher(methodName);
    if (!matcher.matches()) {
      // Callers ask looksLikeQuery first: a name without the prefix is never parsed.
      throw new IllegalArgumentException("not a query method name: " + methodName);
    }
    Action action = Action.valueOf(matcher.group(1).toUpperCase(java.util.Locale.ROOT));
    int first = 0;
    if (matcher.group(2) != null) {
      if (action != Action.FIND) {
        throw new MethodNameException(Message.NAME_FIRST_OUTSIDE_FIND, matcher.group(2));
      }
      first = matcher.group(3).isEmpty() ? 1 : Integer.parseInt(matcher.group(3));
      if (first < 1) {
        throw new MethodNameException(Message.NAME_FIRST_ZERO, matcher.group(2) + matcher.group(3));
      }
    }
    String rest = matcher.group(4);
    int orderBy = rest.indexOf("OrderBy");
    String predicate = orderBy < 0 ? rest : rest.substring(0, orderBy);
    List<MethodName.Order> order = orderBy < 0 ? List.of() : orderTerms(rest.substring(orderBy + "OrderBy".length()));
    if (predicate.isEmpty() && order.isEmpty()) {
      throw new MethodNameException(Message.NAME_EMPTY_CONDITION,
          matcher.group(1) + "By" + capitalize(properties.get(properties.size() - 1)));
    }
    return new MethodName(action, first, predicate.isEmpty() ? List.of() : conditions(predicate), order);
  }

  private List<MethodName.Term> conditions(String text) {
    List<MethodName.Term> terms = new ArrayList<>();
    int position = 0;
    boolean or = false;
    while (true) {
      String property = property(text, position);
      position += property.length();
      boolean ignoreCase = false;
      boolean negated = false;
      if (text.startsWith("IgnoreCase", position)) {
        ignoreCase = true;
        position += "IgnoreCase".length();
      }
      if (text.startsWith("Is", position)) { // IsNull, IsNotNull, IsTrue: "Is" adds nothing
        position += "Is".length();
      }
      if (text.startsWith("Not", position)) {
        negated = true;
        position += "Not".length();
      }
      Operator operator = Operator.EQUAL;
      for (Map.Entry<String, Operator> candidate : OPERATORS) {
        if (text.startsWith(candidate.getKey(), position)) {
          operator = candidate.getValue();
          position += candidate.getKey().length();
          break;
        }
      }
      if (ignoreCase && operator != Operator.EQUAL && !operator.textual()) {
        throw new MethodNameException(Message.NAME_IGNORE_CASE, operatorName(operator));
      }
      terms.add(new MethodName.Term(uncapitalize(property), operator, negated, ignoreCase, or));
      if (position == text.length()) {
        return terms;
      }
      if (text.startsWith("And", position)) {
        or = false;
        position += "And".length();
      } else if (text.startsWith("Or", position)) {
        or = true;
        position += "Or".length();
      } else {
        throw new MethodNameException(Message.NAME_UNKNOWN_OPERATOR, text.substring(position), uncapitalize(property),
            OPERATORS.stream().map(Map.Entry::getKey).sorted().toList());
      }
    }
  }

  private List<MethodName.Order> orderTerms(String text) {
    List<MethodName.Order> terms = new ArrayList<>();
    int position = 0;
    while (position < text.length()) {
      String property = property(text, position);
      position += property.length();
      boolean ignoreCase = false;
      if (text.startsWith("IgnoreCase", position)) {
        ignoreCase = true;
        position += "IgnoreCase".length();
      }
      boolean descending = false;
      if (text.startsWith("Desc", position)) {
        descending = true;
        position += "Desc".length();
      } else if (text.startsWith("Asc", position)) {
        position += "Asc".length();
      }
      terms.add(new MethodName.Order(uncapitalize(property), descending, ignoreCase));
    }
    if (terms.isEmpty()) {
      throw new MethodNameException(Message.NAME_EMPTY_ORDER, capitalize(properties.get(properties.size() - 1)));
    }
    return terms;
  }

  /** The capitalized property name at {@code position}, longest match first. */
  private String property(String text, int position) {
    for (String property : properties) {
      if (text.startsWith(capitalize(property), position)) {
        return capitalize(property);
      }
    }
    String rest = text.substring(position);
    Optional<String> guess = Suggestions.closest(uncapitalize(firstWord(rest)), properties);
    throw new MethodNameException(Message.NAME_UNKNOWN_PROPERTY, rest,
        guess.map(g -> " (did you mean '" + g + "'?)").orElse(""), properties.stream().sorted().toList());
  }

  /** Up to the next keyword, for suggestions: {@code HostnmeAndStatus} → {@code Hostnme}. */
  private static String firstWord(String text) {
    Matcher keyword = Pattern.compile("(?<=.)(And|Or|IgnoreCase|Not|Is|Asc|Desc|"
        + String.join("|", OPERATORS.stream().map(Map.Entry::getKey).toList()) + ")(?=[A-Z]|$)").matcher(text);
    return keyword.find() ? text.substring(0, keyword.start()) : text;
  }

  private static String operatorName(Operator operator) {
    return OPERATORS.stream().filter(e -> e.getValue() == operator).map(Map.Entry::getKey).findFirst().orElseThrow();
  }

  static String capitalize(String name) {
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  static String uncapitalize(String name) {
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }
}
