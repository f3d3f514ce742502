package dev.rowguard.schema.sql;

import dev.rowguard.schema.sql.FragmentProblem.Kind;
import java.util.Locale;
import java.util.Optional;

/**
 * The lexical half of {@link SqlFragments}: reads a fragment the way PostgreSQL's (and psql's) lexer does, and
 * refuses whatever could let text escape the parentheses the fragment is put in, or hide text from a reader.
 * Literals and quoted identifiers may hold anything but stay one token; outside them there must be no
 * statement separator, comment, dollar quote, backslash (a psql command), {@code ?} or {@code :name} (parameters
 * and psql variables), and parentheses and brackets must balance.
 */
final class FragmentLexer {
  private final String sql;

  private FragmentLexer(String sql) {
    this.sql = sql;
  }

  static Optional<FragmentProblem> problem(String fragment) {
    if (fragment.isBlank()) {
      return Optional.of(new FragmentProblem(Kind.EMPTY, "it is empty"));
    }
    return new FragmentLexer(fragment).scan();
  }

  private Optional<FragmentProblem> scan() {
    int parentheses = 0;
    int brackets = 0;
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == '\'') {
        boolean escapes = SqlLexemes.isEscapeStringPrefix(sql, i);
        int end = SqlLexemes.stringEnd(sql, i, escapes);
        if (end < 0) {
          return problem(Kind.UNTERMINATED, "the string literal at column " + (i + 1) + " is not closed");
        }
        if (!escapes && sql.substring(i, end).indexOf('\\') >= 0) {
          return problem(Kind.BACKSLASH, "the string literal at column " + (i + 1) + " holds a backslash, "
              + "whose meaning depends on standard_conforming_strings; write it as an E'…' literal");
        }
        i = end;
      } else if (c == '"') {
        int end = SqlLexemes.quotedIdentifierEnd(sql, i);
        if (end < 0) {
          return problem(Kind.UNTERMINATED, "the quoted identifier at column " + (i + 1) + " is not closed");
        }
        i = end;
      } else if (c == ';') {
        return problem(Kind.STATEMENT_SEPARATOR, "it contains ';' at column " + (i + 1)
            + ", which would end the statement");
      } else if (c == '-' && next(i) == '-' || c == '/' && next(i) == '*' || c == '*' && next(i) == '/') {
        return problem(Kind.COMMENT, "it contains the comment marker '" + c + next(i) + "' at column " + (i + 1)
            + "; comments can hide text from the reader of schema.sql");
      } else if (c == '$') {
        return problem(Kind.DOLLAR_QUOTE, "it contains '$' at column " + (i + 1)
            + " (dollar quoting or a parameter); write string literals in single quotes");
      } else if (c == '?') {
        return problem(Kind.PARAMETER, "it contains '?' at column " + (i + 1)
            + ", which JDBC reads as a parameter; DDL has no parameters");
      } else if (c == ':' && next(i) == ':') {
        i += 2; // a cast
      } else if (c == ':' && (SqlLexemes.isIdentifierStart(next(i)) || next(i) == '\'' || next(i) == '"')) {
        return problem(Kind.PARAMETER, "it contains '" + sql.substring(i, Math.min(i + 2, sql.length()))
            + "' at column " + (i + 1) + ", which psql and JDBC tools read as a variable or parameter");
      } else if (c == '\\') {
        return problem(Kind.BACKSLASH, "it contains '\\' at column " + (i + 1)
            + ", which psql would read as a command");
      } else if (c == '\0') {
        return problem(Kind.NOT_ONE_EXPRESSION, "it contains a NUL character");
      } else if (c == '(' || c == '[') {
        if (c == '(') {
          parentheses++;
        } else {
          brackets++;
        }
        if (parentheses + brackets > SqlFragments.MAX_DEPTH) {
          return problem(Kind.TOO_DEEP, "it nests parentheses deeper than " + SqlFragments.MAX_DEPTH);
        }
        i++;
      } else if (c == ')' || c == ']') {
        if (c == ')' ? --parentheses < 0 : --brackets < 0) {
          return problem(Kind.UNBALANCED, "the '" + c + "' at column " + (i + 1) + " closes nothing it opened");
        }
        i++;
      } else if (SqlLexemes.isIdentifierStart(c) && !isWordPart(previous(i))) {
        int end = i;
        while (end < sql.length() && isWordPart(sql.charAt(end))) {
          end++;
        }
        // SELECT is reserved, so it is never a name: wherever it stands, it starts a subquery.
        if (sql.substring(i, end).toLowerCase(Locale.ROOT).equals("select")) {
          return problem(Kind.SUBQUERY, "it contains a subquery (SELECT at column " + (i + 1) + ")");
        }
        i = end;
      } else {
        i++;
      }
    }
    if (parentheses != 0 || brackets != 0) {
      return problem(Kind.UNBALANCED, "it opens " + (parentheses > 0 ? parentheses + " '(' " : "")
          + (brackets > 0 ? brackets + " '[' " : "") + "that it does not close");
    }
    return Optional.empty();
  }

  private char next(int i) {
    return i + 1 < sql.length() ? sql.charAt(i + 1) : '\0';
  }

  private char previous(int i) {
    return i > 0 ? sql.charAt(i - 1) : ' ';
  }

  /** Not {@link SqlLexemes#isIdentifierPart}: {@code $} ends a word here, so that the scan reaches and refuses it. */
  private static boolean isWordPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  private static Optional<FragmentProblem> problem(Kind kind, String detail) {
    return Optional.of(new FragmentProblem(kind, detail));
  }
}
