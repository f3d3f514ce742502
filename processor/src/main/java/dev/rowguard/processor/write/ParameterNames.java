package dev.rowguard.processor.write;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parameter names of a generated override. Java lets an override name its parameters freely, so a parameter
 * that would hide a name the generated body uses (a local, a field, or a class the body calls a static method
 * on) is renamed there, and only there: the interface, and every other method, keep the user's names.
 */
final class ParameterNames {
  /** Locals of the generated bodies, the lambda parameter and the caught exception. */
  static final Set<String> LOCALS = Set.of("connection", "statement", "rows", "tenant", "order", "sort", "sql",
      "results", "result", "total", "more", "count", "counts", "generated", "index", "entity", "value", "e");
  /**
   * Classes the bodies name in an expression ({@code Math.toIntExact}, {@code Types.OTHER}): a variable of that
   * name would obscure the class (JLS 6.4.2).
   */
  static final Set<String> QUALIFIERS = Set.of("Math", "Arrays", "List", "Optional", "String", "Types",
      "PageRequest", ValueCode.SUPPORT.simpleName());

  private ParameterNames() {}

  /**
   * Each parameter's name in the override, in order: its own, or when that is reserved, {@code <name>Argument},
   * numbered if that too is taken.
   *
   * @param fields the fields of the generated class (the data source and the constants)
   */
  static Map<String, String> allocate(List<String> parameters, Set<String> fields) {
    Set<String> taken = new HashSet<>(parameters);
    taken.addAll(LOCALS);
    taken.addAll(QUALIFIERS);
    taken.addAll(fields);
    Map<String, String> names = new LinkedHashMap<>();
    for (String parameter : parameters) {
      if (!isReserved(parameter, fields)) {
        names.put(parameter, parameter);
        continue;
      }
      String name = parameter + "Argument";
      for (int n = 2; taken.contains(name); n++) {
        name = parameter + "Argument" + n;
      }
      taken.add(name);
      names.put(parameter, name);
    }
    return names;
  }

  static boolean isReserved(String parameter, Set<String> fields) {
    return LOCALS.contains(parameter) || QUALIFIERS.contains(parameter) || fields.contains(parameter);
  }
}
