package dev.rowguard.errorprone;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sinks that no analysis of the compilation can find, because their code is in a library: the lists Rowguard
 * ships (Liquibase's SQL statements and connection, Spring's simple-JDBC table and procedure names) and those
 * named by {@code -XepOpt:Rowguard:SqlSinks=com.example.Db#strings(java.lang.String,java.lang.Object...),…}.
 * An entry is {@code <class>#<method>} (every overload) or {@code <class>#<method>(<erased parameter types>)};
 * {@code <init>} names a constructor. The SQL parameter is the method's first {@code String} parameter, and the
 * entry matches the method in that class and in its subtypes.
 */
final class ConfiguredSinks {
  /** {@code -XepOpt:Rowguard:SqlSinks=…}: extra sink methods, comma-separated. */
  static final String FLAG = "Rowguard:SqlSinks";

  /** Liquibase: the SQL a migration runs. */
  static final ImmutableList<String> LIQUIBASE = ImmutableList.of(
      "liquibase.database.jvm.JdbcConnection#prepareStatement",
      "liquibase.database.jvm.JdbcConnection#prepareCall",
      "liquibase.database.jvm.JdbcConnection#nativeSQL",
      "liquibase.statement.core.RawSqlStatement#<init>",
      "liquibase.statement.core.RawParameterizedSqlStatement#<init>");

  /** Spring's SimpleJdbcInsert and SimpleJdbcCall: names (table, schema, procedure) rather than SQL text. */
  static final ImmutableList<String> SPRING_NAMES = ImmutableList.of(
      "org.springframework.jdbc.core.simple.SimpleJdbcInsertOperations#withTableName",
      "org.springframework.jdbc.core.simple.SimpleJdbcInsertOperations#withSchemaName",
      "org.springframework.jdbc.core.simple.SimpleJdbcInsertOperations#withCatalogName",
      "org.springframework.jdbc.core.simple.SimpleJdbcCallOperations#withProcedureName",
      "org.springframework.jdbc.core.simple.SimpleJdbcCallOperations#withFunctionName",
      "org.springframework.jdbc.core.simple.SimpleJdbcCallOperations#withSchemaName",
      "org.springframework.jdbc.core.simple.SimpleJdbcCallOperations#withCatalogName");

  private record Entry(String owner, String name, Optional<ImmutableList<String>> parameters, SqlSinks.Kind kind) {}

  private final ImmutableList<Entry> entries;

  private ConfiguredSinks(ImmutableList<Entry> entries) {
    this.entries = entries;
  }

  static ConfiguredSinks of(ErrorProneFlags flags) {
    List<Entry> entries = new ArrayList<>();
    LIQUIBASE.forEach(e -> entries.add(parse(e, SqlSinks.Kind.SQL)));
    SPRING_NAMES.forEach(e -> entries.add(parse(e, SqlSinks.Kind.NAME)));
    flags.get(FLAG).ifPresent(value -> split(value).forEach(e -> entries.add(parse(e, SqlSinks.Kind.SQL))));
    return new ConfiguredSinks(ImmutableList.copyOf(entries));
  }

  /** What {@code method}'s SQL parameter carries when it is a configured sink. */
  Optional<SqlSinks.Kind> kind(MethodSymbol method, VisitorState state, SqlWrappers lookups) {
    for (Entry entry : entries) {
      if (!method.getSimpleName().contentEquals(entry.name())) {
        continue;
      }
      Symbol owner = lookups.owner(entry.owner(), state).orElse(null);
      if (owner == null || !(method.owner.isSubClass(owner, state.getTypes()))) {
        continue;
      }
      if (entry.parameters().isPresent() && !sameParameters(method, entry.parameters().get(), state.getTypes())) {
        continue;
      }
      return Optional.of(entry.kind());
    }
    return Optional.empty();
  }

  private static boolean sameParameters(MethodSymbol method, ImmutableList<String> expected, Types types) {
    List<Symbol.VarSymbol> parameters = method.getParameters();
    if (parameters.size() != expected.size()) {
      return false;
    }
    for (int i = 0; i < parameters.size(); i++) {
      Type erased = types.erasure(parameters.get(i).asType());
      if (!erased.toString().equals(expected.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static Entry parse(String entry, SqlSinks.Kind kind) {
    String text = entry.strip();
    int hash = text.indexOf('#');
    if (hash <= 0 || hash == text.length() - 1) {
      throw new IllegalArgumentException("-XepOpt:" + FLAG + ": `" + text + "` is not <class>#<method> or"
          + " <class>#<method>(<parameter types>), e.g. com.example.Db#query(java.lang.String,java.lang.Object...)");
    }
    String owner = text.substring(0, hash);
    String method = text.substring(hash + 1);
    int open = method.indexOf('(');
    if (open < 0) {
      return new Entry(owner, method, Optional.empty(), kind);
    }
    if (!method.endsWith(")")) {
      throw new IllegalArgumentException("-XepOpt:" + FLAG + ": `" + text + "` does not close its parameter list");
    }
    String list = method.substring(open + 1, method.length() - 1).strip();
    ImmutableList.Builder<String> parameters = ImmutableList.builder();
    if (!list.isEmpty()) {
      for (String parameter : list.split(",")) {
        parameters.add(parameter.strip().replace("...", "[]"));
      }
    }
    return new Entry(owner, method.substring(0, open), Optional.of(parameters.build()), kind);
  }

  /** Splits at the commas between entries, not at those inside a parameter list. */
  private static List<String> split(String value) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(value.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(value.substring(start));
    parts.removeIf(String::isBlank);
    return parts;
  }
}
