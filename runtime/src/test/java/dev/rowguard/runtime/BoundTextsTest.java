package dev.rowguard.runtime;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

/** Each text is read once per data source, and what is kept is what reading it again would give. */
class BoundTextsTest {
  private static final TenantKeys KEYS = TenantKeys.defaultKeys();
  private static final String LOOKUP = "SELECT id FROM asset WHERE hostname = ?";

  @Test
  void aPreparedTextIsReadOnceAndRunsBehindTheStatementScopedPrefix() {
    BoundTexts texts = new BoundTexts(KEYS);

    BoundTexts.BoundText first = texts.prepared(LOOKUP);

    assertThat(texts.prepared(new String(LOOKUP))).isSameInstanceAs(first);
    assertThat(first.analysis()).isEqualTo(SqlText.of(LOOKUP));
    assertThat(first.sql()).isEqualTo(LOOKUP);
    assertThat(first.prefixed()).isEqualTo(TenantBinding.prefix(KEYS, false) + LOOKUP);
  }

  @Test
  void aTextThatMayLeaveStateBindsForTheSession() {
    String sql = "SELECT set_config('app.x', ?, false)";

    BoundTexts.BoundText text = new BoundTexts(KEYS).prepared(sql);

    assertThat(text.analysis().sessionNeutral()).isFalse();
    assertThat(text.prefixed()).isEqualTo(TenantBinding.prefix(KEYS, true) + sql);
  }

  @Test
  void aPlainStatementsTextRunsWithItsQuestionMarksDoubled() {
    BoundTexts texts = new BoundTexts(KEYS);
    String sql = "SELECT data ? 'a' FROM t";

    BoundTexts.BoundText text = texts.plain(sql);

    assertThat(text.sql()).isEqualTo("SELECT data ?? 'a' FROM t");
    assertThat(text.prefixed()).isEqualTo(TenantBinding.prefix(KEYS, false) + "SELECT data ?? 'a' FROM t");
    assertThat(texts.prepared(sql).sql()).isEqualTo(sql); // the same text prepared keeps its parameter
  }

  @Test
  void anUnreadablePlainTextHasNothingToPrepare() {
    BoundTexts.BoundText text = new BoundTexts(KEYS).plain("SELECT 'open");

    assertThat(text.sql()).isNull();
    assertThat(text.prefixed()).isNull();
    assertThat(text.analysis().sessionNeutral()).isFalse();
  }

  @Test
  void textsBeyondTheCapacityAreReadOnEveryUseAndStillReadRight() {
    BoundTexts texts = new BoundTexts(KEYS);
    for (int i = 0; i < BoundTexts.CAPACITY; i++) {
      texts.prepared("SELECT " + i);
    }
    String beyond = "SELECT nextval('s')";

    BoundTexts.BoundText text = texts.prepared(beyond);

    assertThat(texts.prepared(beyond)).isNotSameInstanceAs(text);
    assertThat(texts.prepared(beyond)).isEqualTo(text);
    assertThat(text.analysis().sessionNeutral()).isFalse();
    assertThat(texts.prepared("SELECT 0")).isSameInstanceAs(texts.prepared("SELECT 0"));
  }
}
