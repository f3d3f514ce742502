package dev.rowguard.schema.sql;

import static com.google.common.truth.Truth.assertThat;

import dev.rowguard.schema.sql.FragmentProblem.Kind;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SqlFragmentsTest {
  private static final Set<String> COLUMNS = Set.of("id", "quantity", "label", "Weird");
  private static final String ATTACK =
      "id > 0)); CREATE POLICY open ON app.victim USING (true); CREATE TABLE x (y int, CHECK (true";

  private static Kind check(String fragment) {
    return SqlFragments.checkProblem(fragment, COLUMNS).map(FragmentProblem::kind).orElse(null);
  }

  private static Kind columnDefault(String fragment) {
    return SqlFragments.defaultProblem(fragment).map(FragmentProblem::kind).orElse(null);
  }

  @Test
  void ordinaryChecksAndDefaultsAreAccepted() {
    for (String fragment : new String[] {"quantity >= 0", "quantity BETWEEN 1 AND 500", "length(label) > 0",
        "label IN ('a', 'b''s')", "\"Weird\" IS NOT NULL", "lower(label) <> 'x; DROP TABLE y --'",
        "(quantity > 0) AND (label ~ '^[a-z]+$')", "label <> current_user",
        "CASE WHEN quantity > 0 THEN true ELSE false END", "quantity NOT IN (1, 2)",
        "coalesce(label, 'x') <> ''", "quantity = ANY(ARRAY[1, 2])", "left(label, 1) <> 'x'", "E'tab\\t' <> label"}) {
      assertThat(SqlFragments.checkProblem(fragment, COLUMNS)).isEqualTo(Optional.empty());
    }
    for (String fragment : new String[] {"0", "now()", "'{}'::jsonb", "'pending'", "gen_random_uuid()",
        "current_timestamp", "interval '1 day'", "1 + 2", "-1", "lower('A') || 'b'", "concat('n', 5)",
        "CAST(3 AS text)"}) {
      assertThat(SqlFragments.defaultProblem(fragment)).isEqualTo(Optional.empty());
    }
  }

  @Test
  void theDdlInjectionFromTheIssueIsRefusedInBothPlaces() {
    assertThat(check(ATTACK)).isEqualTo(Kind.UNBALANCED);
    assertThat(columnDefault(ATTACK)).isEqualTo(Kind.UNBALANCED);
    assertThat(check("id > 0; CREATE POLICY open ON app.victim USING (true)")).isEqualTo(Kind.STATEMENT_SEPARATOR);
    assertThat(check("id > 0)) NO INHERIT, CHECK ((true")).isEqualTo(Kind.UNBALANCED);
  }

  @Test
  void textOutsideLiteralsThatCouldEscapeOrHideIsRefused() {
    assertThat(check("quantity > 0 -- hidden")).isEqualTo(Kind.COMMENT);
    assertThat(check("quantity > /* hidden */ 0")).isEqualTo(Kind.COMMENT);
    assertThat(check("label <> $$x$$")).isEqualTo(Kind.DOLLAR_QUOTE);
    assertThat(check("label <> $q$x$q$")).isEqualTo(Kind.DOLLAR_QUOTE);
    assertThat(check("quantity > 0 \\! rm")).isEqualTo(Kind.BACKSLASH);
    assertThat(check("label <> 'a\\'")).isEqualTo(Kind.BACKSLASH);
    // JSqlParser does not read backslash escapes, so a quote escaped that way is refused, never misread.
    assertThat(check("label <> E'it\\'s'")).isEqualTo(Kind.NOT_ONE_EXPRESSION);
    assertThat(check("label <> 'open")).isEqualTo(Kind.UNTERMINATED);
    assertThat(check("\"Weird > 0")).isEqualTo(Kind.UNTERMINATED);
    assertThat(check("(quantity > 0")).isEqualTo(Kind.UNBALANCED);
    assertThat(check("quantity > 0)")).isEqualTo(Kind.UNBALANCED);
    assertThat(check("quantity > 0; DROP TABLE t")).isEqualTo(Kind.STATEMENT_SEPARATOR);
    assertThat(check("")).isEqualTo(Kind.EMPTY);
    assertThat(check("(".repeat(40) + "true" + ")".repeat(40))).isEqualTo(Kind.TOO_DEEP);
  }

  @Test
  void anythingButExactlyOneExpressionIsRefused() {
    assertThat(check("quantity > 0 label")).isEqualTo(Kind.NOT_ONE_EXPRESSION);
    assertThat(check("quantity > 0 # `")).isEqualTo(Kind.NOT_ONE_EXPRESSION);
    assertThat(check("quantity > 0 \u00a7")).isEqualTo(Kind.NOT_ONE_EXPRESSION);
    assertThat(check("quantity > 0 ORDER BY quantity")).isEqualTo(Kind.NOT_ONE_EXPRESSION);
    assertThat(check("quantity, label")).isEqualTo(Kind.NOT_ONE_EXPRESSION);
    assertThat(check("(quantity, label)")).isEqualTo(Kind.NOT_ONE_EXPRESSION);
    assertThat(columnDefault("0 NOT NULL")).isEqualTo(Kind.NOT_ONE_EXPRESSION);
    assertThat(columnDefault("0 REFERENCES app.victim (id)")).isEqualTo(Kind.NOT_ONE_EXPRESSION);
    assertThat(check("NOT (quantity, IN (1, 2))")).isEqualTo(Kind.NOT_ONE_EXPRESSION);
    assertThat(check("CREATE POLICY open ON app.victim USING (true)")).isEqualTo(Kind.NOT_ONE_EXPRESSION);
  }

  @Test
  void whatPostgresRefusesInCheckAndDefaultIsRefused() {
    assertThat(check("quantity IN (SELECT 1)")).isEqualTo(Kind.SUBQUERY);
    assertThat(check("EXISTS (SELECT 1 FROM app.victim)")).isEqualTo(Kind.SUBQUERY);
    assertThat(columnDefault("(select max(id) from app.victim)")).isEqualTo(Kind.SUBQUERY);
    assertThat(check("count(*) > 0")).isEqualTo(Kind.AGGREGATE_OR_WINDOW);
    assertThat(check("sum(quantity) OVER () > 0")).isEqualTo(Kind.AGGREGATE_OR_WINDOW);
    assertThat(columnDefault("pg_catalog.max(1)")).isEqualTo(Kind.AGGREGATE_OR_WINDOW);
    assertThat(check("generate_series(1, quantity) > 0")).isEqualTo(Kind.SET_RETURNING);
    assertThat(columnDefault("unnest(ARRAY[1, 2])")).isEqualTo(Kind.SET_RETURNING);
    assertThat(check("other > 0")).isEqualTo(Kind.COLUMN_REFERENCE);
    assertThat(check("weird > 0")).isEqualTo(Kind.COLUMN_REFERENCE);
    assertThat(check("victim.id > 0")).isEqualTo(Kind.COLUMN_REFERENCE);
    assertThat(columnDefault("quantity + 1")).isEqualTo(Kind.COLUMN_REFERENCE);
    assertThat(columnDefault("set_config('rowguard.tenant_id', 'other', false)")).isEqualTo(Kind.SIDE_EFFECT);
    assertThat(check("pg_catalog.set_config('rowguard.tenant_id', label, true) IS NOT NULL"))
        .isEqualTo(Kind.SIDE_EFFECT);
    assertThat(columnDefault("current_setting('rowguard.tenant_id')")).isNull();
    assertThat(check("quantity > ?")).isEqualTo(Kind.PARAMETER);
    assertThat(check("quantity > :limit")).isEqualTo(Kind.PARAMETER);
    assertThat(check("quantity > :'limit'")).isEqualTo(Kind.PARAMETER);
    assertThat(check("label::text <> 'x'")).isNull();
  }

  @Test
  void defaultsAreWrittenAsWrittenWhenSelfDelimitingAndInParenthesesOtherwise() {
    assertThat(SqlFragments.defaultClause("now()")).isEqualTo("now()");
    assertThat(SqlFragments.defaultClause("'{}'::jsonb")).isEqualTo("'{}'::jsonb");
    assertThat(SqlFragments.defaultClause("'pending'")).isEqualTo("'pending'");
    assertThat(SqlFragments.defaultClause("0")).isEqualTo("0");
    assertThat(SqlFragments.defaultClause("-1")).isEqualTo("-1");
    assertThat(SqlFragments.defaultClause("1 + 2")).isEqualTo("(1 + 2)");
    assertThat(SqlFragments.defaultClause("lower('A') || 'b'")).isEqualTo("(lower('A') || 'b')");
  }
}
