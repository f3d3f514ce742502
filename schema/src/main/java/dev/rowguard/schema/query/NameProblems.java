package dev.rowguard.schema.query;

import static dev.rowguard.schema.query.SqlNames.fold;

import dev.rowguard.schema.query.NativeQueryProblem.Kind;
import dev.rowguard.schema.query.QueryScope.Source;
import dev.rowguard.schema.sql.Suggestions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** The problems of names the model does not have, each saying what to write instead. */
final class NameProblems {
  private NameProblems() {}

  /** A table that is not in the model; {@code name} is its folded name. */
  static NativeQueryProblem unknownTable(String written, String name, ModelTables tables) {
    return new NativeQueryProblem(Kind.UNKNOWN_TABLE, "the table '" + written + "' is not in the schema model"
        + " (tables: " + Suggestions.list(tables.names()) + ")"
        + Suggestions.didYouMean(name, tables.names(), "; name a table of an @Entity, or a CTE of this statement"));
  }

  /** A column that none of {@code sources} (tables of the model) has. */
  static NativeQueryProblem unknownColumn(String name, List<Source> sources) {
    List<String> candidates = new ArrayList<>();
    List<String> described = new ArrayList<>();
    for (Source source : sources) {
      described.add(source.written());
      source.table().columns().forEach(c -> candidates.add(c.name()));
    }
    String detail = "'" + name + "' is not a column of " + String.join(" or ", described);
    if (sources.size() == 1) {
      detail += " (its columns: " + Suggestions.list(candidates) + ")";
    }
    return new NativeQueryProblem(Kind.UNKNOWN_COLUMN, detail + Suggestions.didYouMean(name,
        new LinkedHashSet<>(candidates), "; use one of its columns (their SQL names, not the Java field names)"));
  }

  /** A qualifier ({@code x} of {@code x.name} or {@code x.*}) that names no FROM item in scope. */
  static NativeQueryProblem unknownQualifier(String qualifier, String written, QueryScope scope) {
    List<String> names = new ArrayList<>();
    List<String> described = new ArrayList<>();
    for (QueryScope s = scope; s != null; s = s.parent) {
      for (Source source : s.sources) {
        described.add(source.written());
        names.add(source.alias() != null ? source.alias() : source.name());
      }
    }
    return new NativeQueryProblem(Kind.UNKNOWN_TABLE, "'" + qualifier + "' in " + written
        + " is not a table or alias of this query"
        + (described.isEmpty() ? "" : " (it reads " + String.join(", ", described) + ")")
        + Suggestions.didYouMean(fold(qualifier), names,
            "; qualify columns with the alias the FROM clause gives their table"));
  }
}
