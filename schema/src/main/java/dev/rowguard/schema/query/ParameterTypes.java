package dev.rowguard.schema.query;

import dev.rowguard.schema.query.NativeQueryProblem.Kind;
import dev.rowguard.schema.query.References.ParameterSite;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Checks that each parameter compared with, or written to, a column has a Java type that fits the column. */
final class ParameterTypes {
  private ParameterTypes() {}

  static List<NativeQueryProblem> check(List<ParameterSite> sites, List<QueryParameter> parameters, TypeFit fit) {
    Map<String, QueryParameter> byName = parameters.stream()
        .collect(Collectors.toMap(QueryParameter::name, Function.identity(), (first, second) -> first));
    Set<ParameterSite> reported = new HashSet<>();
    List<NativeQueryProblem> problems = new ArrayList<>();
    for (ParameterSite site : sites) {
      QueryParameter parameter = byName.get(site.parameter());
      if (parameter == null || !reported.add(site)) {
        continue; // undeclared: reported as such
      }
      String sqlType = site.column().sqlType();
      TypeFit.Verdict verdict =
          fit.fit(parameter.javaType(), sqlType, site.column().javaType(), TypeFit.Direction.BIND);
      if (verdict == TypeFit.Verdict.DOES_NOT_FIT) {
        String field = simpleName(site.table().entity()) + "." + site.column().field();
        boolean castHelps = !fit.isEnum(parameter.javaType());
        problems.add(new NativeQueryProblem(Kind.PARAMETER_TYPE, ":" + parameter.name() + " ("
            + parameter.javaType() + ") does not fit " + site.table().name().name() + "." + site.column().name()
            + ", a " + sqlType + " column; declare the parameter as " + site.column().javaType() + " (the type of "
            + field + ")"
            + (castHelps ? ", or cast it in the SQL (:" + parameter.name() + "::" + sqlType + ") if the conversion"
                + " is meant" : "")));
      }
    }
    return problems;
  }

  static String simpleName(String qualifiedName) {
    return qualifiedName == null ? "?" : qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
  }
}
