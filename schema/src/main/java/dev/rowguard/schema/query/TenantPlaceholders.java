package dev.rowguard.schema.query;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Numbers the {@code rowguard_tenant(…)} placeholders for the first parse: {@code rowguard_tenant} becomes
 * {@code rowguard_t00003}, a function name of the same length, so that the parser's error positions hold for
 * the text as written and each call in the tree says which placeholder it is.
 */
final class TenantPlaceholders {
  private static final String PREFIX = "rowguard_t";
  private static final Pattern FUNCTION_NAME = Pattern.compile("rowguard_t[0-9]{5}");

  private TenantPlaceholders() {}

  /** The SQL with every placeholder renamed (five digits: a statement has fewer than 100,000). */
  static String numbered(String sql, List<SqlMark> marks) {
    StringBuilder text = new StringBuilder(sql);
    for (SqlMark mark : marks) {
      if (mark instanceof SqlMark.TenantPlaceholder placeholder) {
        text.replace(mark.start(), mark.start() + SqlScanner.PLACEHOLDER.length(), functionName(placeholder.ordinal()));
      }
    }
    return text.toString();
  }

  static String functionName(int ordinal) {
    return PREFIX + String.format(Locale.ROOT, "%05d", ordinal);
  }

  static boolean isFunctionName(String name) {
    return name != null && FUNCTION_NAME.matcher(name.toLowerCase(Locale.ROOT)).matches();
  }

  static int ordinal(String functionName) {
    return Integer.parseInt(functionName.substring(PREFIX.length()));
  }
}
