package dev.rowguard.schema.query;

import dev.rowguard.schema.sql.SqlLexemes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Finds parameters and {@code rowguard_tenant(…)} placeholders in native SQL without parsing it, so that they
 * can be rewritten in place and the rest of the text kept as written. String literals ({@code '…'}, {@code
 * E'…'}, dollar-quoted), quoted identifiers, comments and {@code ::} casts are skipped.
 */
final class SqlScanner {
  static final String PLACEHOLDER = "rowguard_tenant";
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*|\"(?:[^\"]|\"\")+\"");

  private final String sql;
  private final List<SqlMark> marks = new ArrayList<>();
  private int placeholders;

  private SqlScanner(String sql) {
    this.sql = sql;
  }

  /** The marks of {@code sql}, in text order. */
  static List<SqlMark> scan(String sql) {
    SqlScanner scanner = new SqlScanner(sql);
    scanner.run();
    return List.copyOf(scanner.marks);
  }

  private void run() {
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == '\'') {
        i = orEnd(SqlLexemes.stringEnd(sql, i, SqlLexemes.isEscapeStringPrefix(sql, i)));
      } else if (c == '"') {
        i = orEnd(SqlLexemes.quotedIdentifierEnd(sql, i));
      } else if (c == '-' && next(i) == '-') {
        i = SqlLexemes.lineCommentEnd(sql, i);
      } else if (c == '/' && next(i) == '*') {
        i = orEnd(SqlLexemes.blockCommentEnd(sql, i));
      } else if (c == '$' && !SqlLexemes.isIdentifierPart(previous(i))) {
        i = afterDollar(i);
      } else if (c == ':') {
        i = afterColon(i);
      } else if (c == '?') {
        marks.add(new SqlMark.PositionalParameter(i, i + 1, "?"));
        i++;
      } else if (SqlLexemes.isIdentifierStart(c) && !SqlLexemes.isIdentifierPart(previous(i))) {
        i = afterWord(i);
      } else {
        i++;
      }
    }
  }

  private int afterColon(int i) {
    if (next(i) == ':') {
      return i + 2; // a cast: the type name that follows is not a parameter
    }
    if (!SqlLexemes.isIdentifierStart(next(i))) {
      return i + 1;
    }
    int end = i + 1;
    while (end < sql.length() && isParameterPart(sql.charAt(end))) {
      end++;
    }
    marks.add(new SqlMark.NamedParameter(i, end, sql.substring(i + 1, end)));
    return end;
  }

  private int afterWord(int i) {
    int end = i;
    while (end < sql.length() && SqlLexemes.isIdentifierPart(sql.charAt(end))) {
      end++;
    }
    if (!sql.substring(i, end).toLowerCase(Locale.ROOT).equals(PLACEHOLDER) || previous(i) == '.') {
      return end;
    }
    int open = end;
    while (open < sql.length() && Character.isWhitespace(sql.charAt(open))) {
      open++;
    }
    if (open >= sql.length() || sql.charAt(open) != '(') {
      return end;
    }
    int close = open + 1;
    while (close < sql.length() && sql.charAt(close) != ')') {
      close = sql.charAt(close) == '"' ? orEnd(SqlLexemes.quotedIdentifierEnd(sql, close)) : close + 1;
    }
    String argument = sql.substring(open + 1, Math.min(close, sql.length())).strip();
    boolean wellFormed = close < sql.length() && (argument.isEmpty() || IDENTIFIER.matcher(argument).matches());
    int after = Math.min(close + 1, sql.length());
    marks.add(new SqlMark.TenantPlaceholder(i, after, placeholders++, argument, wellFormed));
    return after;
  }

  /** {@code $1} is a positional parameter; {@code $tag$…$tag$} a dollar-quoted string. */
  private int afterDollar(int i) {
    if (Character.isDigit(next(i))) {
      int end = i + 1;
      while (end < sql.length() && Character.isDigit(sql.charAt(end))) {
        end++;
      }
      marks.add(new SqlMark.PositionalParameter(i, end, sql.substring(i, end)));
      return end;
    }
    if (SqlLexemes.dollarTagEnd(sql, i) < 0) {
      return i + 1;
    }
    return orEnd(SqlLexemes.dollarQuoteEnd(sql, i));
  }

  /** An element that is not closed runs to the end: what follows it is inside it, so holds no marks. */
  private int orEnd(int end) {
    return end < 0 ? sql.length() : end;
  }

  private char next(int i) {
    return i + 1 < sql.length() ? sql.charAt(i + 1) : '\0';
  }

  private char previous(int i) {
    return i > 0 ? sql.charAt(i - 1) : '\0';
  }

  private static boolean isParameterPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
