package dev.rowguard.schema.query;

import java.util.List;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.statement.Statement;

/** Parses SQL with JSqlParser on the calling thread. */
final class SqlParsing {
  private SqlParsing() {}

  /**
   * {@code CCJSqlParserUtil.parseStatements} would start a thread per call (for its time-out), which dominated
   * the cost of checking a large source tree; the SQL here is the program's own constants, so there is nothing
   * to time out. Like that method, it first tries the fast grammar, then the complex one.
   */
  static List<Statement> parse(String sql) throws ParseException {
    try {
      return CCJSqlParserUtil.newParser(sql).withAllowComplexParsing(false).Statements();
    } catch (ParseException | RuntimeException simpleFailed) {
      return CCJSqlParserUtil.newParser(sql).withAllowComplexParsing(true).Statements();
    }
  }

  /** The first line of a parser's message, which names the offending token and its position. */
  static String firstLine(Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).strip();
  }
}
