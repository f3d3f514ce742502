package dev.rowguard.schema.query;

import dev.rowguard.schema.sql.ForbiddenFunctions;
import dev.rowguard.schema.sql.SqlLexemes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The functions ({@link ForbiddenFunctions}, which annotation fragments share) and statements that application
 * SQL may never run, whether or not it names a tenanted table: the rules both the {@code @SqlQuery} analysis and
 * the Error Prone checks use.
 *
 * <p>They are found in the text, not the parse tree, so that SQL JSqlParser cannot parse is covered too: a word
 * followed by {@code (} is a call (schema-qualified or quoted alike), the first word of a statement is its kind.
 * String literals, quoted identifiers and comments are skipped, so {@code 'set_config('} is not a call; a
 * dollar-quoted body is a string, which is why {@code DO} itself is forbidden.
 */
public final class ForbiddenOperations {
  /**
   * Statements, by their first word (two for ALTER, CREATE and DROP): SET, RESET and DISCARD write session state
   * (the tenant settings, the role, the search path); DO runs a code block Rowguard cannot read; PREPARE,
   * EXECUTE and DEALLOCATE run or drop statements defined elsewhere; LOCK, LISTEN, NOTIFY and UNLISTEN reach other
   * sessions; COPY reads and writes server files and programs; LOAD loads a server library; CHECKPOINT and VACUUM
   * administer the server; GRANT, REVOKE and the role statements change who may read what.
   */
  private static final Set<String> STATEMENTS = Set.of(
      "set", "reset", "discard", "do", "prepare", "execute", "deallocate", "lock", "listen", "notify", "unlisten",
      "copy", "load", "checkpoint", "vacuum", "grant", "revoke", "reassign", "security");

  /** ALTER, CREATE or DROP of these changes settings for later sessions, or who may log in as whom. */
  private static final Set<String> ROLE_OBJECTS = Set.of("role", "user", "group", "system", "database");

  /** Views that write a setting when updated: {@code UPDATE pg_settings SET setting = …} is {@code set_config}. */
  private static final Set<String> SETTING_VIEWS = Set.of("pg_settings");

  private ForbiddenOperations() {}

  /**
   * What {@code sql} runs that application SQL may not, each once, in text order: {@code set_config(…)}, {@code
   * SET statement}, … Empty when it runs none of them.
   */
  public static List<String> find(String sql) {
    List<Token> tokens = SqlTokens.of(sql);
    Set<String> found = new LinkedHashSet<>();
    boolean statementStart = true;
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      if (token.punctuation(';')) {
        statementStart = true;
        continue;
      }
      if (token.word() != null) {
        String word = token.word();
        if (statementStart) {
          String next = i + 1 < tokens.size() ? tokens.get(i + 1).word() : null;
          if (STATEMENTS.contains(word)) {
            found.add(word.toUpperCase(Locale.ROOT) + " statement");
          } else if ((word.equals("alter") || word.equals("create") || word.equals("drop"))
              && next != null && ROLE_OBJECTS.contains(next)) {
            found.add((word + " " + next).toUpperCase(Locale.ROOT) + " statement");
          }
        }
        if (i + 1 < tokens.size() && tokens.get(i + 1).punctuation('(') && isForbiddenFunction(word)) {
          found.add(word + "(…)");
        }
        if (SETTING_VIEWS.contains(word) && updates(tokens, i)) {
          found.add("UPDATE " + word);
        }
      }
      statementStart = false;
    }
    return List.copyOf(found);
  }

  private static boolean isForbiddenFunction(String name) {
    return ForbiddenFunctions.contains(name);
  }

  /** Whether the word at {@code i} follows UPDATE, perhaps as {@code pg_catalog.}{@code name}. */
  private static boolean updates(List<Token> tokens, int i) {
    int before = i - 1;
    if (before >= 1 && tokens.get(before).punctuation('.')) {
      before -= 2;
    }
    return before >= 0 && "update".equals(tokens.get(before).word());
  }

  /**
   * What is wrong and what to do, to follow "the SQL" or "SQL" in a message: {@code runs set_config(…), SET
   * statement, which application SQL may not: …}.
   */
  public static String explain(List<String> found) {
    return "runs " + String.join(", ", found) + ", which application SQL may not: it writes session state (the"
        + " bound tenant lives in the session's settings), changes roles, or reaches the server, its files or other"
        + " sessions; remove it (Rowguard binds the tenant; administration belongs in a migration or an operator's"
        + " session)";
  }

  /** A word (folded as PostgreSQL folds it) or one punctuation character. */
  record Token(String word, char character) {
    boolean punctuation(char c) {
      return word == null && character == c;
    }
  }

  /** Splits SQL into words and punctuation, skipping literals, comments and whitespace. */
  private static final class SqlTokens {
    private final String sql;
    private final List<Token> tokens = new ArrayList<>();

    private SqlTokens(String sql) {
      this.sql = sql;
    }

    static List<Token> of(String sql) {
      SqlTokens scanner = new SqlTokens(sql);
      scanner.run();
      return scanner.tokens;
    }

    private void run() {
      int i = 0;
      while (i < sql.length()) {
        char c = sql.charAt(i);
        if (c == '\'') {
          tokens.add(new Token(null, '\''));
          i = orEnd(SqlLexemes.stringEnd(sql, i, SqlLexemes.isEscapeStringPrefix(sql, i)));
        } else if (c == '"') {
          int end = orEnd(SqlLexemes.quotedIdentifierEnd(sql, i));
          tokens.add(new Token(SqlNames.fold(sql.substring(i, end)).toLowerCase(Locale.ROOT), '\0'));
          i = end;
        } else if (c == '-' && next(i) == '-') {
          i = SqlLexemes.lineCommentEnd(sql, i);
        } else if (c == '/' && next(i) == '*') {
          i = orEnd(SqlLexemes.blockCommentEnd(sql, i));
        } else if (c == '$' && (i == 0 || !SqlLexemes.isIdentifierPart(sql.charAt(i - 1)))) {
          i = afterDollar(i);
        } else if (SqlLexemes.isIdentifierStart(c)) {
          int end = i;
          while (end < sql.length() && SqlLexemes.isIdentifierPart(sql.charAt(end))) {
            end++;
          }
          String word = sql.substring(i, end).toLowerCase(Locale.ROOT);
          // E'…', U&'…', B'…', X'…': the prefix belongs to the literal that follows.
          if (end < sql.length() && sql.charAt(end) == '\'' && word.length() <= 2) {
            i = end;
            continue;
          }
          tokens.add(new Token(word, '\0'));
          i = end;
        } else if (Character.isWhitespace(c)) {
          i++;
        } else {
          tokens.add(new Token(null, c));
          i++;
        }
      }
    }

    /** {@code $1} is a parameter; {@code $tag$…$tag$} a string. */
    private int afterDollar(int i) {
      if (SqlLexemes.dollarTagEnd(sql, i) >= 0) {
        tokens.add(new Token(null, '\''));
        return orEnd(SqlLexemes.dollarQuoteEnd(sql, i));
      }
      tokens.add(new Token(null, '$'));
      if (!Character.isDigit(next(i))) {
        return i + 1;
      }
      // The parameter is its digits only: letters glued to them ($1set_config) are read as the word that follows,
      // so a call there is found whether the server rejects the text (15+) or splits it (older lexers).
      int end = i + 1;
      while (end < sql.length() && Character.isDigit(sql.charAt(end))) {
        end++;
      }
      return end;
    }

    /** An element that is not closed runs to the end: what follows it is inside it, so is never run. */
    private int orEnd(int end) {
      return end < 0 ? sql.length() : end;
    }

    private char next(int i) {
      return i + 1 < sql.length() ? sql.charAt(i + 1) : '\0';
    }
  }
}
