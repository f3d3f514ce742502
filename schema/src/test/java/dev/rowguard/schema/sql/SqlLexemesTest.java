package dev.rowguard.schema.sql;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SqlLexemesTest {
  @Test
  void stringLiteralEndsAfterItsClosingQuoteAndADoubledQuoteStaysInside() {
    assertThat(SqlLexemes.stringEnd("'abc' x", 0, false)).isEqualTo(5);
    assertThat(SqlLexemes.stringEnd("'it''s' x", 0, false)).isEqualTo(7);
    assertThat(SqlLexemes.stringEnd("''", 0, false)).isEqualTo(2);
    assertThat(SqlLexemes.stringEnd("a = '' || 'b'", 4, false)).isEqualTo(6);
  }

  @Test
  void backslashEscapesAQuoteOnlyInAnEscapeString() {
    String sql = "E'a\\'b' x";
    assertThat(SqlLexemes.stringEnd(sql, 1, true)).isEqualTo(7);
    assertThat(SqlLexemes.stringEnd(sql, 1, false)).isEqualTo(5);
    assertThat(SqlLexemes.stringEnd("E'a\\\\' x", 1, true)).isEqualTo(6);
  }

  @Test
  void unclosedStringLiteralIsMinusOne() {
    assertThat(SqlLexemes.stringEnd("'abc", 0, false)).isEqualTo(-1);
    assertThat(SqlLexemes.stringEnd("'it''", 0, false)).isEqualTo(-1);
    assertThat(SqlLexemes.stringEnd("E'a\\'", 1, true)).isEqualTo(-1);
    assertThat(SqlLexemes.stringEnd("E'a\\", 1, true)).isEqualTo(-1);
  }

  @Test
  void anEPrefixMakesAnEscapeStringOnlyWhenItDoesNotEndALongerWord() {
    assertThat(SqlLexemes.isEscapeStringPrefix("E'x'", 1)).isTrue();
    assertThat(SqlLexemes.isEscapeStringPrefix("e'x'", 1)).isTrue();
    assertThat(SqlLexemes.isEscapeStringPrefix("a = E'x'", 5)).isTrue();
    assertThat(SqlLexemes.isEscapeStringPrefix("(e'x')", 2)).isTrue();
    assertThat(SqlLexemes.isEscapeStringPrefix("'x'", 0)).isFalse();
    assertThat(SqlLexemes.isEscapeStringPrefix("some'x'", 4)).isFalse();
    assertThat(SqlLexemes.isEscapeStringPrefix("a_e'x'", 3)).isFalse();
    assertThat(SqlLexemes.isEscapeStringPrefix("a$e'x'", 3)).isFalse();
    assertThat(SqlLexemes.isEscapeStringPrefix("1e'x'", 2)).isFalse();
    assertThat(SqlLexemes.isEscapeStringPrefix("B'x'", 1)).isFalse();
  }

  @Test
  void quotedIdentifierEndsAfterItsClosingQuoteAndADoubledQuoteStaysInside() {
    assertThat(SqlLexemes.quotedIdentifierEnd("\"Asset\".id", 0)).isEqualTo(7);
    assertThat(SqlLexemes.quotedIdentifierEnd("\"we\"\"ird\" x", 0)).isEqualTo(9);
    assertThat(SqlLexemes.quotedIdentifierEnd("\"it's\"", 0)).isEqualTo(6);
    assertThat(SqlLexemes.quotedIdentifierEnd("\"a\\\" x", 0)).isEqualTo(4);
  }

  @Test
  void unclosedQuotedIdentifierIsMinusOne() {
    assertThat(SqlLexemes.quotedIdentifierEnd("\"abc", 0)).isEqualTo(-1);
    assertThat(SqlLexemes.quotedIdentifierEnd("\"a\"\"", 0)).isEqualTo(-1);
  }

  @Test
  void blockCommentsNest() {
    assertThat(SqlLexemes.blockCommentEnd("/* a */ x", 0)).isEqualTo(7);
    assertThat(SqlLexemes.blockCommentEnd("/* /* */ */ x", 0)).isEqualTo(11);
    assertThat(SqlLexemes.blockCommentEnd("/**/x", 0)).isEqualTo(4);
    assertThat(SqlLexemes.blockCommentEnd("x /* ' */ y", 2)).isEqualTo(9);
  }

  @Test
  void unclosedBlockCommentIsMinusOne() {
    assertThat(SqlLexemes.blockCommentEnd("/* a", 0)).isEqualTo(-1);
    assertThat(SqlLexemes.blockCommentEnd("/* /* */ x", 0)).isEqualTo(-1);
    assertThat(SqlLexemes.blockCommentEnd("/*/", 0)).isEqualTo(-1);
  }

  @Test
  void lineCommentEndsAfterItsNewlineOrAtTheEndOfTheText() {
    assertThat(SqlLexemes.lineCommentEnd("-- a\nx", 0)).isEqualTo(5);
    assertThat(SqlLexemes.lineCommentEnd("x -- a /* b\ny", 2)).isEqualTo(12);
    assertThat(SqlLexemes.lineCommentEnd("x -- a", 2)).isEqualTo(6);
    // PostgreSQL's lexer ends a comment at a carriage return too: the text after it is SQL.
    assertThat(SqlLexemes.lineCommentEnd("-- a\rx", 0)).isEqualTo(5);
  }

  @Test
  void dollarTagIsLettersDigitsAndUnderscoresNotStartingWithADigit() {
    assertThat(SqlLexemes.dollarTagEnd("$$ x $$", 0)).isEqualTo(2);
    assertThat(SqlLexemes.dollarTagEnd("$body$ x $body$", 0)).isEqualTo(6);
    assertThat(SqlLexemes.dollarTagEnd("$_a1$ x $_a1$", 0)).isEqualTo(5);
    assertThat(SqlLexemes.dollarTagEnd("$1$", 0)).isEqualTo(-1);
    assertThat(SqlLexemes.dollarTagEnd("$1", 0)).isEqualTo(-1);
    assertThat(SqlLexemes.dollarTagEnd("$a b$", 0)).isEqualTo(-1);
    assertThat(SqlLexemes.dollarTagEnd("$a", 0)).isEqualTo(-1);
    assertThat(SqlLexemes.dollarTagEnd("$", 0)).isEqualTo(-1);
    assertThat(SqlLexemes.dollarTagEnd("x", 0)).isEqualTo(-1);
  }

  @Test
  void dollarQuoteEndsAfterTheSameTagAndNothingInsideIsSpecial() {
    assertThat(SqlLexemes.dollarQuoteEnd("$$ ' \" -- /* $$ x", 0)).isEqualTo(15);
    assertThat(SqlLexemes.dollarQuoteEnd("$a$ $b$ $a$ x", 0)).isEqualTo(11);
    assertThat(SqlLexemes.dollarQuoteEnd("$a$$a$", 0)).isEqualTo(6);
    assertThat(SqlLexemes.dollarQuoteEnd("x = $f$ y $f$", 4)).isEqualTo(13);
  }

  @Test
  void unclosedDollarQuoteIsMinusOne() {
    assertThat(SqlLexemes.dollarQuoteEnd("$a$ x $b$", 0)).isEqualTo(-1);
    assertThat(SqlLexemes.dollarQuoteEnd("$$ x $", 0)).isEqualTo(-1);
  }

  @Test
  void dollarQuoteEndRefusesAPositionWithoutATag() {
    assertThrows(IllegalArgumentException.class, () -> SqlLexemes.dollarQuoteEnd("$1 x", 0));
  }

  @Test
  void identifiersStartWithALetterOrUnderscore() {
    for (char c : new char[] {'a', 'Z', 'é', '_'}) {
      assertThat(SqlLexemes.isIdentifierStart(c)).isTrue();
    }
    for (char c : new char[] {'7', '$', ' ', '"', ':'}) {
      assertThat(SqlLexemes.isIdentifierStart(c)).isFalse();
    }
  }

  @Test
  void identifiersContinueWithLettersDigitsUnderscoresAndDollars() {
    for (char c : new char[] {'a', 'Z', 'é', '7', '_', '$'}) {
      assertThat(SqlLexemes.isIdentifierPart(c)).isTrue();
    }
    for (char c : new char[] {' ', '\'', '"', '(', '.', ':', '\0'}) {
      assertThat(SqlLexemes.isIdentifierPart(c)).isFalse();
    }
  }
}
