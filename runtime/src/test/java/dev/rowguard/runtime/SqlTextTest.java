package dev.rowguard.runtime;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which statements count as leaving nothing in the session, and the escaping of a plain statement's text. */
class SqlTextTest {
  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT id, store_id, sku FROM public.product WHERE store_id = ? AND sku = ANY (?) ORDER BY sku",
      "SELECT count(*) FROM public.product WHERE store_id = ? AND NOT (category = ANY (?))",
      "INSERT INTO public.product (id, store_id, created_at) VALUES (?, ?, COALESCE(?, now()))",
      "INSERT INTO public.product (id, version) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET version ="
          + " product.version + 1 WHERE product.store_id = EXCLUDED.store_id",
      "UPDATE public.product SET stock = stock + ? WHERE (store_id = ?) AND sku = ?",
      "DELETE FROM invoice WHERE id = ?;",
      "WITH moved AS (DELETE FROM a WHERE id = ? RETURNING *) INSERT INTO b SELECT * FROM moved",
      "SELECT p.category, sum(p.stock) AS stock FROM public.product p JOIN public.review r ON (r.store_id = ?)"
          + " GROUP BY p.category",
      "select ?::numeric(10, 2), cast(? as varchar(20)), pg_catalog.lower(?), 'set_config(' -- nextval(\n",
      "SELECT current_setting('rowguard.tenant_id', true) /* pg_advisory_lock(1) */",
      "TABLE invoice",
  })
  void plainDataStatementsAreSessionNeutral(String sql) {
    assertThat(SqlText.of(sql).sessionNeutral()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SET search_path = pg_temp, public",
      "set_config('rowguard.tenant_id', ?, false)",
      "SELECT set_config('rowguard.tenant_id', ?, false)",
      "SELECT pg_catalog.set_config('application_name', 'x', false)",
      "SELECT pg_advisory_lock(42)",
      "SELECT nextval('invoice_id_seq')",
      "SELECT * INTO TEMP copy FROM invoice",
      "CREATE TEMP TABLE notes (secret text)",
      "PREPARE mine AS SELECT 1",
      "DECLARE held CURSOR WITH HOLD FOR SELECT 1",
      "LISTEN channel",
      "SELECT 1; SELECT 2",
      "COMMIT",
      "SELECT billing.recalculate(?)",
      "SELECT \"count\"(*) FROM invoice",
      "SELECT refresh_totals()",
      "CALL archive(?)",
      "SELECT 'unterminated",
      "SELECT $body$ never closed",
      "(SELECT 1)",
      "",
  })
  void everythingElseMayLeaveSessionState(String sql) {
    assertThat(SqlText.of(sql).sessionNeutral()).isFalse();
  }

  @Test
  void questionMarksOutsideLiteralsAndCommentsAreDoubled() {
    SqlText text = SqlText.of("SELECT data ? 'a', data ?| array['b'], 'why?', E'it\\'s?', \"q?\", $$d?$$ -- c?\n");

    assertThat(text.questionMarksEscaped())
        .isEqualTo("SELECT data ?? 'a', data ??| array['b'], 'why?', E'it\\'s?', \"q?\", $$d?$$ -- c?\n");
  }

  @Test
  void unreadableTextHasNoEscapedForm() {
    assertThat(SqlText.of("SELECT 'open").questionMarksEscaped()).isNull();
    assertThat(SqlText.of("SELECT 1 /* open").questionMarksEscaped()).isNull();
  }

  @Test
  void knowsTheFirstWordAndWhetherThereIsOneStatementWithReturning() {
    SqlText insert = SqlText.of("  -- new row\n INSERT INTO t (a) VALUES (?) RETURNING id");
    SqlText two = SqlText.of("INSERT INTO t (a) VALUES (1); SELECT 1");

    assertThat(insert.firstWord()).isEqualTo("insert");
    assertThat(insert.oneStatement()).isTrue();
    assertThat(insert.returning()).isTrue();
    assertThat(two.oneStatement()).isFalse();
    assertThat(two.returning()).isFalse();
  }
}
