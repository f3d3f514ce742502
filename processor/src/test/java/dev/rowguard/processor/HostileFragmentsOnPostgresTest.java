package dev.rowguard.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.rowguard.postgres.Database;
import dev.rowguard.postgres.DevPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Hostile {@code @Check} and {@code @ColumnDefault} text, generated from pieces that could end a clause, add a
 * statement, hide text or reach other rows ({@code )}, {@code ;}, comments, dollar and single quotes, subqueries,
 * CREATE POLICY, aggregates, other tables' columns) mixed into valid expressions at random depths. For each, the
 * processor either refuses it with its diagnostic (never an exception), or the schema.sql it writes applies on
 * PostgreSQL and adds exactly what the same model without the fragment adds, plus that one constraint or default.
 */
class HostileFragmentsOnPostgresTest {
  private static final AtomicInteger SCHEMAS = new AtomicInteger();
  /** Catalog rows that any injected DDL would add to; counted over the whole database. */
  private static final String CATALOG_COUNTS = "SELECT (SELECT count(*) FROM pg_class), "
      + "(SELECT count(*) FROM pg_constraint), (SELECT count(*) FROM pg_policy), (SELECT count(*) FROM pg_attrdef), "
      + "(SELECT count(*) FROM pg_namespace), (SELECT count(*) FROM pg_proc), (SELECT count(*) FROM pg_trigger), "
      + "(SELECT count(*) FROM pg_rewrite), (SELECT count(*) FROM pg_roles), (SELECT count(*) FROM pg_operator), "
      + "(SELECT count(*) FROM pg_type)";
  private static final int CONSTRAINTS = 1;
  private static final int DEFAULTS = 3;
  private static Database database;
  /** What the model without a fragment adds to the catalog. */
  private static long[] baseline;

  @BeforeContainer
  static void createDatabase() {
    database = DevPostgres.shared().createDatabase("rg_hostile_fragments");
    // The target the attacks name, so that an injected statement would succeed rather than fail.
    database.executeScript("CREATE SCHEMA app; CREATE TABLE app.victim (id int PRIMARY KEY, quantity int);"
        + "ALTER TABLE app.victim ENABLE ROW LEVEL SECURITY;");
    // The first script also creates the application role; the baseline is that of a later one.
    for (String schema : List.of("b0", "b1")) {
      Compilation plain = compile(Place.NONE, "", schema);
      assertThat(plain.errors()).isEmpty();
      baseline = applyCounting(Compilations.schemaSql(plain));
    }
  }

  @AfterContainer
  static void dropDatabase() {
    database.close();
  }

  @Property(tries = 400, seed = "20261202", edgeCases = EdgeCasesMode.NONE)
  void hostileFragmentsAreRefusedOrAddOnlyTheirConstraint(@ForAll("fragments") Fragment fragment) {
    Compilation compilation = compile(fragment.place(), fragment.text(), "f" + SCHEMAS.incrementAndGet());
    if (!compilation.errors().isEmpty()) {
      Statistics.label("outcome").collect("refused");
      for (Diagnostic<? extends JavaFileObject> error : compilation.errors()) {
        assertWithMessage("fragment %s", fragment).that(error.getMessage(null))
            .startsWith(fragment.place() == Place.CHECK ? "[RowguardCheckExpression]" : "[RowguardDefaultExpression]");
      }
      return;
    }
    Statistics.label("outcome").collect("applied");
    long[] added;
    try {
      added = applyCounting(Compilations.schemaSql(compilation));
    } catch (IllegalStateException e) {
      throw new AssertionError("accepted fragment " + fragment + " yields DDL that PostgreSQL refuses", e);
    }
    long[] expected = baseline.clone();
    expected[fragment.place() == Place.CHECK ? CONSTRAINTS : DEFAULTS]++;
    assertWithMessage("catalog rows added with %s", fragment).that(added).isEqualTo(expected);
  }

  enum Place {
    NONE, CHECK, DEFAULT
  }

  record Fragment(Place place, String text) {
    @Override
    public String toString() {
      return place + " " + text;
    }
  }

  private static Compilation compile(Place place, String fragment, String schema) {
    String literal = "\"" + fragment.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    String source = "package hostile;\n"
        + "import jakarta.persistence.*;\nimport dev.rowguard.annotations.*;\n"
        + "@Entity public class Sample {\n"
        + "  @Id java.util.UUID id;\n"
        + "  " + (place == Place.DEFAULT ? "@ColumnDefault(" + literal + ") " : "") + "String label;\n"
        + "  " + (place == Place.CHECK ? "@Check(" + literal + ") " : "") + "Integer quantity;\n"
        + "}\n";
    return Compilations.compile(List.of(JavaFileObjects.forSourceString("hostile.Sample", source)),
        "-Arowguard.defaultSchema=" + schema);
  }

  /** Applies a script and returns how many rows of each counted catalog it added. */
  private static long[] applyCounting(String sql) {
    long[] before = counts();
    database.executeScript(sql);
    long[] after = counts();
    for (int i = 0; i < after.length; i++) {
      after[i] -= before[i];
    }
    return after;
  }

  private static long[] counts() {
    try (Connection connection = database.ownerDataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(CATALOG_COUNTS)) {
      rows.next();
      long[] counts = new long[rows.getMetaData().getColumnCount()];
      for (int i = 0; i < counts.length; i++) {
        counts[i] = rows.getLong(i + 1);
      }
      return counts;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Provide
  Arbitrary<Fragment> fragments() {
    Arbitrary<Fragment> checks = Combinators.combine(tokens(check(3)), lonePieces())
        .as((tokens, pieces) -> new Fragment(Place.CHECK, insert(tokens, pieces)));
    Arbitrary<Fragment> defaults = Combinators.combine(tokens(columnDefault(3)), lonePieces())
        .as((tokens, pieces) -> new Fragment(Place.DEFAULT, insert(tokens, pieces)));
    return Arbitraries.oneOf(checks, defaults);
  }

  private static Arbitrary<List<String>> tokens(Arbitrary<String> expression) {
    return expression.map(e -> List.of(e.split("\u0001")));
  }

  /**
   * Pieces inserted between tokens, outside literals. At most one of each pairing kind (parenthesis, quote), so
   * that two of them never pair up into an expression that parses but has the wrong type.
   */
  private static Arbitrary<List<Piece>> lonePieces() {
    Arbitrary<Piece> piece = Arbitraries.of(
        new Piece(")", "paren"), new Piece("(", "paren"), new Piece("))", "paren"), new Piece("[", "bracket"),
        new Piece("'", "squote"), new Piece("\"", "dquote"), new Piece(";", ""), new Piece("--", ""),
        new Piece("/*", ""), new Piece("*/", ""), new Piece("$$", ""), new Piece("$q$", ""), new Piece("\\", ""),
        new Piece(",", ""), new Piece("?", ""), new Piece(":p", ""),
        new Piece("; CREATE POLICY open ON app.victim USING (true)", ""),
        new Piece(")); CREATE POLICY open ON app.victim USING (true); CREATE TABLE x (y int, CHECK (true", "paren"),
        new Piece("CREATE POLICY open ON app.victim USING (true)", ""));
    Arbitrary<Piece> placed = Combinators.combine(piece, Arbitraries.integers().between(0, 1000))
        .as((p, at) -> new Piece(p.text(), p.pairing(), at));
    Arbitrary<List<Piece>> some = placed.list().ofMinSize(1).ofMaxSize(2).map(pieces -> {
      List<Piece> kept = new ArrayList<>();
      for (Piece p : pieces) {
        if (p.pairing().isEmpty() || kept.stream().noneMatch(k -> k.pairing().equals(p.pairing()))) {
          kept.add(p);
        }
      }
      return kept;
    });
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(1, Arbitraries.just(List.of())), net.jqwik.api.Tuple.of(1, some));
  }

  /** A piece of text and the token boundary it goes to (modulo the number of boundaries). */
  record Piece(String text, String pairing, int at) {
    Piece(String text, String pairing) {
      this(text, pairing, 0);
    }
  }

  private static String insert(List<String> tokens, List<Piece> pieces) {
    List<String> out = new ArrayList<>(tokens);
    for (Piece piece : pieces) {
      out.add(piece.at() % (out.size() + 1), piece.text());
    }
    return String.join(" ", out);
  }

  /** Text that goes inside a string literal: harmless there, dangerous anywhere else. */
  private static Arbitrary<String> literalContent() {
    return Arbitraries.of("x", "); DROP TABLE app.victim; --", "/* c */", "--", "$$", "''", "(", ")", ";",
            "CREATE POLICY open ON app.victim USING (true)", "a\\b", "%_")
        .list().ofMinSize(0).ofMaxSize(3).map(parts -> "'" + String.join("", parts) + "'");
  }

  private static Arbitrary<Integer> small() {
    return Arbitraries.integers().between(0, 99);
  }

  /** A boolean expression over label and quantity, with hostile atoms among the valid ones; \u0001 separates tokens. */
  private static Arbitrary<String> check(int depth) {
    Arbitrary<String> valid = Arbitraries.oneOf(
        small().map(n -> "quantity\u0001>=\u0001" + n),
        Combinators.combine(small(), small()).as((a, b) -> "quantity\u0001BETWEEN\u0001" + a + "\u0001AND\u0001" + b),
        Combinators.combine(small(), small()).as((a, b) -> "quantity\u0001IN\u0001(\u0001" + a + "\u0001,\u0001" + b
            + "\u0001)"),
        small().map(n -> "length\u0001(\u0001label\u0001)\u0001>\u0001" + n),
        literalContent().map(l -> "label\u0001<>\u0001" + l),
        literalContent().map(l -> "lower\u0001(\u0001label\u0001)\u0001=\u0001" + l),
        Arbitraries.just("label\u0001IS\u0001NOT\u0001NULL"),
        small().map(n -> "(\u0001quantity\u0001+\u0001" + n + "\u0001)\u0001*\u00012\u0001>\u00010"),
        Arbitraries.just("label\u0001<>\u0001current_user"),
        Arbitraries.just("CASE\u0001WHEN\u0001quantity\u0001>\u00010\u0001THEN\u0001true\u0001ELSE\u0001false\u0001END"),
        Arbitraries.just("coalesce\u0001(\u0001quantity\u0001,\u00010\u0001)\u0001>=\u00010"),
        Arbitraries.just("quantity\u0001=\u0001ANY\u0001(\u0001ARRAY[1, 2]\u0001)"),
        Arbitraries.just("label\u0001IS\u0001DISTINCT\u0001FROM\u0001'x'"),
        Arbitraries.just("label::text\u0001~\u0001'^[a-z]'"),
        Arbitraries.just("current_setting('rowguard.x', true)\u0001IS\u0001NULL"));
    Arbitrary<String> hostile = Arbitraries.of(
        "quantity\u0001IN\u0001(SELECT 1)", "EXISTS\u0001(SELECT 1 FROM app.victim)",
        "quantity\u0001>\u0001(select count(*) from app.victim)", "count(*)\u0001>\u00010",
        "sum(quantity)\u0001OVER\u0001()\u0001>\u00010", "max(quantity)\u0001>\u00010",
        "generate_series(1, quantity)\u0001>\u00010", "unnest(ARRAY[quantity])\u0001>\u00010",
        "other_column\u0001>\u00010", "victim.quantity\u0001>\u00010", "app.victim.quantity\u0001>\u00010",
        "quantity\u0001>\u0001?", "quantity\u0001>\u0001:limit", "label\u0001<>\u0001$$x$$",
        "label\u0001<>\u0001$q$x$q$", "\"Quantity\"\u0001>\u00010", "quantity\u0001>\u0001@quantity",
        "set_config('rowguard.store_id', label, true)\u0001IS\u0001NOT\u0001NULL", "pg_sleep(0)\u0001IS\u0001NULL",
        "setval('s', quantity)\u0001>\u00010");
    Arbitrary<String> atom = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, valid), net.jqwik.api.Tuple.of(1, hostile));
    if (depth == 0) {
      return atom;
    }
    Arbitrary<String> inner = Arbitraries.lazy(() -> check(depth - 1));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, atom),
        net.jqwik.api.Tuple.of(2, Combinators.combine(inner, inner, Arbitraries.of("AND", "OR"))
            .as((a, b, op) -> a + "\u0001" + op + "\u0001" + b)),
        net.jqwik.api.Tuple.of(1, inner.map(e -> "NOT\u0001(\u0001" + e + "\u0001)")),
        net.jqwik.api.Tuple.of(2, inner.map(e -> "(\u0001" + e + "\u0001)")));
  }

  /** A text-valued expression for the label column's DEFAULT, with hostile terms among the valid ones. */
  private static Arbitrary<String> columnDefault(int depth) {
    Arbitrary<String> valid = Arbitraries.oneOf(
        literalContent(),
        literalContent().map(l -> "lower\u0001(\u0001" + l + "\u0001)"),
        literalContent().map(l -> "md5\u0001(\u0001" + l + "\u0001)"),
        Combinators.combine(small(), small()).as((a, b) -> "(\u0001" + a + "\u0001+\u0001" + b + "\u0001)::text"),
        small().map(n -> "concat\u0001(\u0001'n'\u0001,\u0001" + n + "\u0001)"),
        Arbitraries.of("now()::text", "current_user::text", "gen_random_uuid()::text", "current_timestamp::text",
            "current_setting('rowguard.x',\u0001true)", "CAST(1 AS text)", "upper('x')"));
    Arbitrary<String> hostile = Arbitraries.of(
        "(SELECT 'x')", "(select min(quantity)::text from app.victim)", "label", "quantity::text",
        "string_agg('a',\u0001',')", "max('a')", "unnest(ARRAY['a'])", "(row_number() OVER ())::text",
        "jsonb_object_keys('{}')", "victim.label", "?", ":p", "$$x$$", "\"label\"",
        "set_config('rowguard.store_id',\u0001'other',\u0001false)", "pg_read_file('/etc/passwd')");
    Arbitrary<String> term = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, valid), net.jqwik.api.Tuple.of(1, hostile));
    if (depth == 0) {
      return term;
    }
    Arbitrary<String> inner = Arbitraries.lazy(() -> columnDefault(depth - 1));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, term),
        net.jqwik.api.Tuple.of(2, Combinators.combine(inner, inner).as((a, b) -> a + "\u0001||\u0001" + b)),
        net.jqwik.api.Tuple.of(1, inner.map(e -> "lower\u0001(\u0001" + e + "\u0001)")),
        net.jqwik.api.Tuple.of(1, inner.map(e -> "coalesce\u0001(\u0001" + e + "\u0001,\u0001'x'\u0001)")),
        net.jqwik.api.Tuple.of(2, inner.map(e -> "(\u0001" + e + "\u0001)")));
  }
}
