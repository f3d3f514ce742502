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
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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
  private final ImmutableList<String> problems;

  private ConfiguredSinks(ImmutableList<Entry> entries, ImmutableList<String> problems) {
    this.entries = entries;
    this.problems = problems;
  }

  /** The shipped lists and the flag's entries; a malformed entry is left out and kept in {@link #problems()}. */
  static ConfiguredSinks of(ErrorProneFlags flags) {
    List<Entry> entries = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    LIQUIBASE.forEach(e -> entries.add(parse(e, SqlSinks.Kind.SQL).orElseThrow()));
    SPRING_NAMES.forEach(e -> entries.add(parse(e, SqlSinks.Kind.NAME).orElseThrow()));
    flags.get(FLAG).ifPresent(value -> split(value).forEach(e -> {
      Optional<Entry> entry = parse(e, SqlSinks.Kind.SQL);
      if (entry.isPresent()) {
        entries.add(entry.get());
      } else {
        problems.add(e.strip());
      }
    }));
    return new ConfiguredSinks(ImmutableList.copyOf(entries), ImmutableList.copyOf(problems));
  }

  /**
   * What to say about the flag's malformed entries, once per compilation (by whichever SQL check sees a
   * compilation unit first): the build fails on it, since a sink that is not matched is SQL that is not checked.
   */
  Optional<String> problemToReport(VisitorState state) {
    if (problems.isEmpty() || !SqlWrappers.of(state, this).claimFlagReport()) {
      return Optional.empty();
    }
    return Optional.of("-XepOpt:" + FLAG + " has " + (problems.size() == 1 ? "an entry" : "entries") + " that"
        + " cannot be read: " + problems.stream().map(p -> "`" + p + "`").collect(Collectors.joining(", "))
        + "; write each as <class>#<method> or <class>#<method>(<erased parameter types>), e.g."
        + " com.example.Db#query(java.lang.String,java.lang.Object...), separated by commas");
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

  private static final Pattern NAME = Pattern.compile("[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*");
  private static final Pattern CLASS = Pattern.compile(NAME + "(\\." + NAME + ")*(\\$" + NAME + ")*");
  private static final Pattern TYPE = Pattern.compile(CLASS + "(\\[\\]|\\.\\.\\.)*");

  /** The entry, or empty when it is not {@code <class>#<method>[(<types>)]} with Java names. */
  private static Optional<Entry> parse(String entry, SqlSinks.Kind kind) {
    String text = entry.strip();
    int hash = text.indexOf('#');
    if (hash <= 0) {
      return Optional.empty();
    }
    String owner = text.substring(0, hash);
    String method = text.substring(hash + 1);
    int open = method.indexOf('(');
    String name = open < 0 ? method : method.substring(0, open);
    if (!CLASS.matcher(owner).matches() || !(name.equals("<init>") || NAME.matcher(name).matches())) {
      return Optional.empty();
    }
    if (open < 0) {
      return Optional.of(new Entry(owner, name, Optional.empty(), kind));
    }
    if (!method.endsWith(")")) {
      return Optional.empty();
    }
    String list = method.substring(open + 1, method.length() - 1).strip();
    ImmutableList.Builder<String> parameters = ImmutableList.builder();
    if (!list.isEmpty()) {
      for (String parameter : list.split(",", -1)) {
        String type = parameter.strip();
        if (!TYPE.matcher(type).matches()) {
          return Optional.empty();
        }
        parameters.add(type.replace("...", "[]"));
      }
    }
    return Optional.of(new Entry(owner, name, Optional.of(parameters.build()), kind));
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
