package dev.rowguard.schema.query;

import dev.rowguard.schema.sql.Suggestions;
import dev.rowguard.schema.query.NativeQueryProblem.Kind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Matches the {@code :name} parameters of the SQL with the method's parameters. */
final class ParameterUsage {
  private ParameterUsage() {}

  static List<NativeQueryProblem> check(List<SqlMark> marks, List<QueryParameter> parameters) {
    List<String> declared = parameters.stream().map(QueryParameter::name).toList();
    String example = declared.isEmpty() ? ":name" : ":" + declared.get(0);
    Set<String> used = new LinkedHashSet<>();
    List<NativeQueryProblem> problems = new ArrayList<>();
    for (SqlMark mark : marks) {
      if (mark instanceof SqlMark.PositionalParameter positional) {
        problems.add(new NativeQueryProblem(Kind.UNDECLARED_PARAMETER, "the positional parameter "
            + positional.written() + " at offset " + positional.start() + " is not supported in @SqlQuery; name the"
            + " method parameter it stands for instead, e.g. " + example));
      } else if (mark instanceof SqlMark.NamedParameter named) {
        used.add(named.name());
      }
    }
    for (String name : used) {
      if (!declared.contains(name)) {
        problems.add(new NativeQueryProblem(Kind.UNDECLARED_PARAMETER, ":" + name
            + " is not a parameter of the method"
            + (declared.isEmpty() ? ", which has none" : " (its parameters: " + String.join(", ", declared) + ")")
            + Suggestions.didYouMean(name, declared, "; add a parameter named " + name
                + " (or annotate one with @Param(\"" + name + "\")), or refer to an existing one")));
      }
    }
    for (String name : declared) {
      if (!used.contains(name)) {
        problems.add(new NativeQueryProblem(Kind.UNUSED_PARAMETER, "the method parameter " + name
            + " is not used in the SQL; refer to it as :" + name + ", or remove it"));
      }
    }
    return problems;
  }
}
