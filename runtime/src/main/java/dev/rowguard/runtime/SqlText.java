package dev.rowguard.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the tenant binding needs to know about a statement's text, read without a parser: whether it can leave
 * state in the session ({@link #sessionNeutral}), and the text with each {@code ?} outside literals and comments
 * doubled ({@link #questionMarksEscaped}), so that a plain {@code Statement}'s SQL can run as a prepared text.
 *
 * <p>A text is session-neutral when it is one statement of {@code SELECT}, {@code INSERT}, {@code UPDATE}, {@code
 * DELETE}, {@code MERGE}, {@code WITH}, {@code VALUES} or {@code TABLE}, has no {@code INTO} other than {@code
 * INSERT INTO}/{@code MERGE INTO} (so no {@code SELECT … INTO} table), and calls no function besides the built-ins
 * of {@link #STATE_FREE_FUNCTIONS}, unqualified or in {@code pg_catalog}. Everything else counts as leaving state:
 * {@code SET}, {@code PREPARE}, {@code DECLARE}, {@code CREATE TEMP …}, {@code LISTEN}, {@code set_config(…)},
 * advisory locks, {@code nextval(…)}, any function of the schema (its body is not read here), several statements,
 * and any text this scanner cannot read to its end (an unterminated literal or comment).
 *
 * @param firstWord the statement's first word, lower case ({@code ""} when unreadable or empty)
 * @param oneStatement readable and without any {@code ;}
 * @param returning whether the word {@code RETURNING} occurs outside literals and comments
 */
record SqlText(boolean sessionNeutral, String questionMarksEscaped, String firstWord, boolean oneStatement,
    boolean returning) {
  private static final Set<String> FIRST_WORDS =
      Set.of("select", "insert", "update", "delete", "merge", "with", "values", "table");

  /** Built-ins that read their arguments and return a value, and keep nothing in the session. */
  static final Set<String> STATE_FREE_FUNCTIONS = Set.of(
      "count", "sum", "avg", "min", "max", "bool_and", "bool_or", "every", "array_agg", "string_agg", "json_agg",
      "jsonb_agg", "json_object_agg", "jsonb_object_agg", "json_build_object", "jsonb_build_object",
      "json_build_array", "jsonb_build_array", "to_json", "to_jsonb", "jsonb_set", "jsonb_extract_path_text",
      "jsonb_array_length", "jsonb_typeof", "json_typeof", "row_number", "rank", "dense_rank", "percent_rank",
      "cume_dist", "ntile", "lag", "lead", "first_value", "last_value", "nth_value", "now", "clock_timestamp",
      "statement_timestamp", "transaction_timestamp", "date_trunc", "date_part", "age", "make_date",
      "make_timestamp", "make_timestamptz", "make_interval", "to_char", "to_date", "to_timestamp", "to_number",
      "lower", "upper", "initcap", "length", "char_length", "octet_length", "concat", "concat_ws", "substr",
      "replace", "split_part", "strpos", "left", "right", "btrim", "ltrim", "rtrim", "lpad", "rpad", "md5",
      "format", "abs", "round", "floor", "ceil", "ceiling", "trunc", "mod", "power", "sqrt", "sign", "unnest",
      "generate_series", "array_length", "array_position", "array_positions", "array_remove", "array_append",
      "cardinality", "gen_random_uuid", "current_setting", "to_regclass", "pg_backend_pid");

  /** Words after which a parenthesis opens an operand or a list, not a call. */
  private static final Set<String> KEYWORDS_BEFORE_PARENTHESIS = Set.of(
      "select", "from", "where", "and", "or", "not", "in", "any", "all", "some", "exists", "values", "on", "using",
      "as", "join", "lateral", "by", "having", "set", "conflict", "returning", "with", "when", "then", "else",
      "case", "is", "distinct", "like", "ilike", "similar", "between", "limit", "offset", "fetch", "union",
      "intersect", "except", "over", "filter", "within", "group", "partition", "order", "cast", "coalesce",
      "nullif", "greatest", "least", "array", "row", "extract", "position", "substring", "trim", "overlay",
      "grouping", "cube", "rollup", "sets", "do", "update", "escape", "of", "recursive", "materialized", "window",
      "range", "rows", "varying", "matched", "insert", "delete", "table", "only");

  /** Scans {@code sql}; never throws. */
  static SqlText of(String sql) {
    Scanner scanner = new Scanner(sql);
    List<String> words = new ArrayList<>(); // significant tokens: lower-case words, or single punctuation
    StringBuilder escaped = new StringBuilder(sql.length() + 8);
    boolean readable = scanner.scan(words, escaped);
    return new SqlText(readable && neutral(words), readable ? escaped.toString() : null,
        readable && !words.isEmpty() ? words.get(0) : "", readable && !words.contains(";"),
        words.contains("returning"));
  }

  private static boolean neutral(List<String> tokens) {
    // One statement: a trailing semicolon is allowed, nothing after it.
    int end = tokens.size();
    while (end > 0 && tokens.get(end - 1).equals(";")) {
      end--;
    }
    if (end == 0 || !FIRST_WORDS.contains(tokens.get(0))) {
      return false;
    }
    for (int i = 0; i < end; i++) {
      String token = tokens.get(i);
      if (token.equals(";")) {
        return false;
      }
      if (token.equals("into")) {
        String before = i > 0 ? tokens.get(i - 1) : "";
        if (!before.equals("insert") && !before.equals("merge")) {
          return false;
        }
      }
      if (i + 1 < end && tokens.get(i + 1).equals("(") && !harmlessBeforeParenthesis(tokens, i)) {
        return false;
      }
    }
    return true;
  }

  /** Whether the token at {@code i}, followed by {@code (}, is not a call of a function that may keep state. */
  private static boolean harmlessBeforeParenthesis(List<String> tokens, int i) {
    String token = tokens.get(i);
    if (!isNameToken(token)) {
      return true; // punctuation or a literal
    }
    // The start of a qualified name a.b.c, and what precedes it.
    int start = i;
    while (start >= 2 && tokens.get(start - 1).equals(".") && isNameToken(tokens.get(start - 2))) {
      start -= 2;
    }
    String before = start > 0 ? tokens.get(start - 1) : "";
    if (before.equals("into") || before.equals("as") || before.equals("::")) {
      return true; // a table (INSERT INTO t (…)), an alias's column list, a type's modifier (numeric(10, 2))
    }
    if (!isWord(token)) {
      return false; // a quoted name called: it may be any function of the schema
    }
    if (start == i) {
      return KEYWORDS_BEFORE_PARENTHESIS.contains(token) || STATE_FREE_FUNCTIONS.contains(token);
    }
    return start == i - 2 && tokens.get(start).equals("pg_catalog") && STATE_FREE_FUNCTIONS.contains(token);
  }

  private static boolean isWord(String token) {
    char first = token.charAt(0);
    return Character.isLetter(first) || first == '_';
  }

  private static boolean isNameToken(String token) {
    return isWord(token) || token.startsWith("\"");
  }

  /** One pass over the text: literals, quoted names, dollar quotes and comments are skipped as units. */
  private static final class Scanner {
    private final String sql;
    private int at;

    Scanner(String sql) {
      this.sql = sql;
    }

    /** Fills {@code tokens} and {@code escaped}; false when the text cannot be read to its end. */
    boolean scan(List<String> tokens, StringBuilder escaped) {
      int length = sql.length();
      while (at < length) {
        char c = sql.charAt(at);
        int start = at;
        if (Character.isWhitespace(c)) {
          at++;
        } else if (c == '-' && next('-')) {
          int newline = sql.indexOf('\n', at);
          at = newline < 0 ? length : newline;
        } else if (c == '/' && next('*')) {
          if (!blockComment()) {
            return false;
          }
        } else if (c == '\'') {
          if (!quoted('\'', false)) {
            return false;
          }
          tokens.add("'");
        } else if ((c == 'e' || c == 'E') && next('\'')) {
          at++;
          if (!quoted('\'', true)) {
            return false;
          }
          tokens.add("'");
        } else if (c == '"') {
          if (!quoted('"', false)) {
            return false;
          }
          tokens.add("\"" + sql.substring(start + 1, at - 1));
        } else if (c == '$' && dollarTag() != null) {
          String tag = dollarTag();
          int close = sql.indexOf(tag, at + tag.length());
          if (close < 0) {
            return false;
          }
          at = close + tag.length();
          tokens.add("'");
        } else if (Character.isLetter(c) || c == '_') {
          while (at < length && (Character.isLetterOrDigit(sql.charAt(at)) || sql.charAt(at) == '_'
              || sql.charAt(at) == '$')) {
            at++;
          }
          tokens.add(sql.substring(start, at).toLowerCase(Locale.ROOT));
        } else if (Character.isDigit(c)) {
          while (at < length && (Character.isLetterOrDigit(sql.charAt(at)) || sql.charAt(at) == '.')) {
            at++;
          }
          tokens.add("0");
        } else if (c == ':' && next(':')) {
          at += 2;
          tokens.add("::");
        } else {
          at++;
          tokens.add(String.valueOf(c));
          if (c == '?') {
            escaped.append('?'); // doubled: a literal ? in a prepared text
          }
        }
        escaped.append(sql, start, at);
      }
      return true;
    }

    private boolean next(char expected) {
      return at + 1 < sql.length() && sql.charAt(at + 1) == expected;
    }

    private boolean blockComment() {
      int depth = 0;
      while (at < sql.length()) {
        if (sql.startsWith("/*", at)) {
          depth++;
          at += 2;
        } else if (sql.startsWith("*/", at)) {
          depth--;
          at += 2;
          if (depth == 0) {
            return true;
          }
        } else {
          at++;
        }
      }
      return false;
    }

    /** From the opening quote at {@code at} past the closing one; a doubled quote is part of the text. */
    private boolean quoted(char quote, boolean backslashEscapes) {
      at++;
      while (at < sql.length()) {
        char c = sql.charAt(at);
        if (backslashEscapes && c == '\\') {
          at += 2;
        } else if (c == quote) {
          if (next(quote)) {
            at += 2;
          } else {
            at++;
            return true;
          }
        } else {
          at++;
        }
      }
      return false;
    }

    /** The dollar-quote tag ({@code $$} or {@code $name$}) starting at {@code at}, or null. */
    private String dollarTag() {
      int end = at + 1;
      while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
        end++;
      }
      if (end < sql.length() && sql.charAt(end) == '$' && (end == at + 1 || !Character.isDigit(sql.charAt(at + 1)))) {
        return sql.substring(at, end + 1);
      }
      return null;
    }
  }
}
