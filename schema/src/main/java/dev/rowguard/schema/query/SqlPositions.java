package dev.rowguard.schema.query;

import net.sf.jsqlparser.parser.ASTNodeAccess;
import net.sf.jsqlparser.parser.Node;
import net.sf.jsqlparser.parser.Token;

/** Where a parsed node starts in the SQL text it was parsed from. */
final class SqlPositions {
  private SqlPositions() {}

  /**
   * The offset of the first token of {@code node} in {@code sql}. JSqlParser reports a line and a column; the
   * column of text after a tab depends on the parser's tab width, so both widths PostgreSQL users meet (1 and 8)
   * are tried, and the token's text must be found there.
   *
   * @throws IllegalStateException when the node has no position, or the text there is not the token
   */
  static int start(String sql, ASTNodeAccess node) {
    Node parsed = node.getASTNode();
    Token token = parsed == null ? null : parsed.jjtGetFirstToken();
    if (token == null || token.image == null) {
      throw new IllegalStateException("no position for " + node);
    }
    for (int tabWidth : new int[] {1, 8}) {
      int offset = offset(sql, token.beginLine, token.beginColumn, tabWidth);
      if (offset >= 0 && sql.regionMatches(true, offset, token.image, 0, token.image.length())) {
        return offset;
      }
    }
    throw new IllegalStateException("cannot find " + token.image + " at line " + token.beginLine + ", column "
        + token.beginColumn);
  }

  private static int offset(String sql, int line, int column, int tabWidth) {
    int currentLine = 1;
    int currentColumn = 1;
    for (int i = 0; i < sql.length(); i++) {
      if (currentLine == line && currentColumn == column) {
        return i;
      }
      char c = sql.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= sql.length() || sql.charAt(i + 1) != '\n'))) {
        currentLine++;
        currentColumn = 1;
      } else if (c == '\t' && tabWidth > 1) {
        currentColumn = ((currentColumn - 1) / tabWidth + 1) * tabWidth + 1;
      } else if (c != '\r') {
        currentColumn++;
      }
    }
    return -1;
  }
}
