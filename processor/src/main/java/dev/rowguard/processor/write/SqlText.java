package dev.rowguard.processor.write;

import com.palantir.javapoet.CodeBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a generated repository spells an SQL constant: a text block with one clause a line (long lists wrapped after
 * a comma), every line but the last ending in {@code \}, so that the value is the statement on one line, the
 * same text the driver always received.
 */
final class SqlText {
  private static final Pattern CLAUSE = Pattern.compile(
      "(?<!\\bDELETE) (?=(?:FROM|WHERE|GROUP BY|HAVING|ORDER BY|LIMIT|VALUES|ON CONFLICT|SET|RETURNING|UNION|JOIN|LEFT JOIN)\\b)",
      Pattern.CASE_INSENSITIVE);
  private static final int WIDTH = 100;

  private SqlText() {}

  /** The constant's initializer: a text block when the statement has clauses to break at, else a string. */
  static CodeBlock literal(String sql) {
    List<String> lines = new ArrayList<>();
    for (String clause : clauses(sql)) {
      lines.addAll(wrapped(clause));
    }
    if (lines.size() < 2 || !plain(sql)) {
      return CodeBlock.of("$S", sql);
    }
    StringBuilder block = new StringBuilder("\"\"\"\n");
    for (int i = 0; i < lines.size(); i++) {
      String line = escaped(lines.get(i));
      boolean last = i == lines.size() - 1;
      if (last && line.endsWith("\"")) {
        line = line.substring(0, line.length() - 1) + "\\\""; // Else it would run into the closing delimiter.
      }
      block.append(line).append(last ? "\"\"\"" : "\\\n");
    }
    return CodeBlock.of("$>$>$L$<$<", block);
  }

  /** Split before each clause keyword outside string literals; each piece but the last keeps its trailing space. */
  private static List<String> clauses(String sql) {
    List<String> pieces = new ArrayList<>();
    Matcher matcher = CLAUSE.matcher(sql);
    int start = 0;
    while (matcher.find()) {
      if (quotes(sql, matcher.start()) % 2 == 0 && matcher.start() > start) {
        pieces.add(sql.substring(start, matcher.start() + 1));
        start = matcher.start() + 1;
      }
    }
    pieces.add(sql.substring(start));
    return pieces;
  }

  /** A clause longer than the width, broken after the last {@code ", "} that keeps a line within it. */
  private static List<String> wrapped(String clause) {
    List<String> lines = new ArrayList<>();
    String rest = clause;
    while (rest.length() > WIDTH) {
      int comma = rest.lastIndexOf(", ", WIDTH);
      if (comma <= 0) {
        break;
      }
      lines.add(rest.substring(0, comma + 2));
      rest = rest.substring(comma + 2);
    }
    lines.add(rest);
    return lines;
  }

  private static int quotes(String sql, int end) {
    int count = 0;
    for (int i = 0; i < end; i++) {
      count += sql.charAt(i) == '\'' ? 1 : 0;
    }
    return count;
  }

  /** No characters a text block would change: control characters, or whitespace at either end. */
  private static boolean plain(String sql) {
    return sql.equals(sql.strip()) && sql.chars().noneMatch(c -> c < ' ' || c == 0x7f);
  }

  private static String escaped(String line) {
    return line.replace("\\", "\\\\").replace("\"\"\"", "\\\"\"\"");
  }
}
