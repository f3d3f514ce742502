package dev.rowguard.schema.sql;

/**
 * Where PostgreSQL's lexical elements end: string literals, quoted identifiers, comments and dollar quotes. The
 * one definition that the scanners of SQL text ({@code SqlScanner}, {@code ForbiddenOperations}, {@link
 * FragmentLexer}) share, so that none of them reads a literal or comment differently from the others.
 *
 * <p>Each {@code *End} method takes the index where the element opens and returns the index after it, or -1 when
 * the text ends before the element is closed: the fragment lexer reports that, the other scanners treat the element
 * as running to the end of the text.
 */
public final class SqlLexemes {
  private SqlLexemes() {}

  /**
   * The end of the string literal whose opening {@code '} is at {@code open}. A doubled {@code ''} is a quote
   * inside the literal; with {@code backslashEscapes} (an {@code E'…'} literal) so is {@code \'}.
   */
  public static int stringEnd(String sql, int open, boolean backslashEscapes) {
    return quotedEnd(sql, open, '\'', backslashEscapes);
  }

  /** The end of the quoted identifier whose opening {@code "} is at {@code open}; {@code ""} is a quote inside it. */
  public static int quotedIdentifierEnd(String sql, int open) {
    return quotedEnd(sql, open, '"', false);
  }

  /**
   * Whether the string literal opened by the {@code '} at {@code quote} is an escape string: {@code E'…'}, where
   * the {@code E} does not end a longer word ({@code some'…'} is the word {@code some} and a plain literal).
   */
  public static boolean isEscapeStringPrefix(String sql, int quote) {
    return quote >= 1 && (sql.charAt(quote - 1) == 'e' || sql.charAt(quote - 1) == 'E')
        && (quote < 2 || !isIdentifierPart(sql.charAt(quote - 2)));
  }

  /**
   * The end of the block comment whose {@code /*} is at {@code open}. Block comments nest, as in PostgreSQL (not
   * as in Java): <code>/* /* *&#47; *&#47;</code> is one comment.
   */
  public static int blockCommentEnd(String sql, int open) {
    int depth = 0;
    int j = open;
    while (j < sql.length()) {
      if (sql.charAt(j) == '/' && next(sql, j) == '*') {
        depth++;
        j += 2;
      } else if (sql.charAt(j) == '*' && next(sql, j) == '/') {
        depth--;
        j += 2;
        if (depth == 0) {
          return j;
        }
      } else {
        j++;
      }
    }
    return -1;
  }

  /**
   * The end of the line comment whose {@code --} is at {@code open}: after its newline, which for PostgreSQL's
   * lexer is {@code \n} or {@code \r} (a lone carriage return ends the comment, and what follows it runs). Never
   * -1, since the end of the text closes a line comment too.
   */
  public static int lineCommentEnd(String sql, int open) {
    for (int i = open; i < sql.length(); i++) {
      if (sql.charAt(i) == '\n' || sql.charAt(i) == '\r') {
        return i + 1;
      }
    }
    return sql.length();
  }

  /**
   * The end of the dollar-quote tag ({@code $$}, {@code $body$}) that starts at {@code open}, or -1 when none
   * does. A tag is letters, digits and {@code _} between two {@code $}, not starting with a digit: {@code $1} is a
   * positional parameter.
   */
  public static int dollarTagEnd(String sql, int open) {
    if (sql.charAt(open) != '$' || Character.isDigit(next(sql, open))) {
      return -1;
    }
    int end = open + 1;
    while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
      end++;
    }
    return end < sql.length() && sql.charAt(end) == '$' ? end + 1 : -1;
  }

  /**
   * The end of the dollar-quoted string whose opening tag is at {@code open}: after the next occurrence of the same
   * tag. Nothing inside is special, so quotes and comments in the body are text.
   *
   * @throws IllegalArgumentException when no tag starts at {@code open} (see {@link #dollarTagEnd})
   */
  public static int dollarQuoteEnd(String sql, int open) {
    int tagEnd = dollarTagEnd(sql, open);
    if (tagEnd < 0) {
      throw new IllegalArgumentException("no dollar-quote tag at " + open + " in " + sql);
    }
    String tag = sql.substring(open, tagEnd);
    int close = sql.indexOf(tag, tagEnd);
    return close < 0 ? -1 : close + tag.length();
  }

  /** Whether {@code c} may start an unquoted identifier (or keyword): a letter or {@code _}. */
  public static boolean isIdentifierStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  /**
   * Whether {@code c} may continue an unquoted identifier: a letter, digit, {@code _} or {@code $}. So {@code a$1}
   * is one name, not a name and a parameter.
   */
  public static boolean isIdentifierPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }

  private static int quotedEnd(String sql, int open, char quote, boolean backslashEscapes) {
    int j = open + 1;
    while (j < sql.length()) {
      char c = sql.charAt(j);
      if (backslashEscapes && c == '\\') {
        j += 2;
      } else if (c == quote) {
        if (next(sql, j) != quote) {
          return j + 1;
        }
        j += 2;
      } else {
        j++;
      }
    }
    return -1;
  }

  private static char next(String sql, int i) {
    return i + 1 < sql.length() ? sql.charAt(i + 1) : '\0';
  }
}
