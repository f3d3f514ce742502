package dev.rowguard.runtime;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the binding derives from each SQL text of a data source ({@link BoundText}), read once per text instead of
 * once per statement: applications run the same few hundred texts over and over. Up to {@value #CAPACITY} texts
 * are kept; beyond that (SQL built at run time) each further text is read again on every use, as if there were no
 * cache, so memory stays bounded. The values are immutable and depend on nothing but the text and the keys.
 */
final class BoundTexts {
  static final int CAPACITY = 2048;

  private final String statementPrefix;
  private final String sessionPrefix;
  /** By the text as the application prepared it. */
  private final Map<String, BoundText> prepared = new ConcurrentHashMap<>();
  /** By the text of a plain {@code Statement}, whose {@code ?} run as literals. */
  private final Map<String, BoundText> plain = new ConcurrentHashMap<>();

  BoundTexts(TenantKeys keys) {
    this.statementPrefix = TenantBinding.prefix(keys, false);
    this.sessionPrefix = TenantBinding.prefix(keys, true);
  }

  /** For {@code Connection.prepareStatement(sql)} and {@code prepareCall(sql)}. */
  BoundText prepared(String sql) {
    BoundText text = prepared.get(sql);
    return text != null ? text : keep(prepared, sql, read(SqlText.of(sql), sql));
  }

  /** For {@code Statement.execute…(sql)}: the text runs prepared, with each {@code ?} doubled. */
  BoundText plain(String sql) {
    BoundText text = plain.get(sql);
    if (text != null) {
      return text;
    }
    SqlText analysis = SqlText.of(sql);
    return keep(plain, sql, read(analysis, analysis.questionMarksEscaped()));
  }

  private BoundText read(SqlText analysis, String runs) {
    if (runs == null) {
      return new BoundText(analysis, null, null);
    }
    // A statement that may leave state binds for the session, so that a COMMIT in its own text cannot end the
    // binding before the statement does; the close then resets the session (CheckoutBinding).
    return new BoundText(analysis, runs, (analysis.sessionNeutral() ? statementPrefix : sessionPrefix) + runs);
  }

  private static BoundText keep(Map<String, BoundText> texts, String sql, BoundText text) {
    if (texts.size() < CAPACITY) {
      BoundText kept = texts.putIfAbsent(sql, text);
      return kept != null ? kept : text;
    }
    return text;
  }

  /**
   * One SQL text as the binding runs it.
   *
   * @param analysis what the scanner read ({@link SqlText})
   * @param sql the text the driver prepares unchanged; null when the scanner cannot read a plain statement's text
   * @param prefixed {@code sql} behind the binding prefix ({@link TenantBinding#prefix}); null with {@code sql}
   */
  record BoundText(SqlText analysis, String sql, String prefixed) {}
}
