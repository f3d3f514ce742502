package dev.rowguard.schema.query;

import dev.rowguard.schema.sql.EditDistance;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** "Did you mean …?" for misspelt names, and short lists of the names there are. */
final class Suggestions {
  private static final int LISTED = 20;

  private Suggestions() {}

  /**
   * {@code "; did you mean 'x'?"} for the candidate closest to {@code written}, or {@code orElse} when none is
   * close; either ends a message.
   * A Java name written for its column ({@code ipAddress}, folded to {@code ipaddress}) matches {@code
   * ip_address}.
   */
  static String didYouMean(String written, Collection<String> candidates, String orElse) {
    String best = null;
    // Short names are one edit from many others: suggest only what is nearly the same.
    int bestDistance = (written.length() <= 4 ? 1 : Math.max(2, written.length() / 3)) + 1;
    for (String candidate : candidates) {
      int distance = candidate.replace("_", "").equals(written.replace("_", ""))
          ? 0
          : EditDistance.between(written, candidate);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best == null ? orElse : "; did you mean '" + best + "'?";
  }

  /** {@code a, b, c}, cut short after {@value #LISTED} names. */
  static String list(List<String> names) {
    String listed = names.stream().limit(LISTED).collect(Collectors.joining(", "));
    return names.size() > LISTED ? listed + ", …" : listed;
  }
}
