package dev.rowguard.schema.sql;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * "Did you mean …?" for misspelt names, and short lists of the names there are: the one implementation behind the
 * SQL analysis's messages and the processor's.
 */
public final class Suggestions {
  private static final int LISTED = 20;

  private Suggestions() {}

  /**
   * The candidate closest to {@code written}, if it is close enough to be a likely typo. A Java name written for
   * its column ({@code ipAddress}, folded to {@code ipaddress}) matches {@code ip_address}.
   */
  public static Optional<String> closest(String written, Collection<String> candidates) {
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
    return Optional.ofNullable(best);
  }

  /**
   * {@code "; did you mean 'x'?"} for the closest candidate, or {@code orElse} when none is close; either ends a
   * message.
   */
  public static String didYouMean(String written, Collection<String> candidates, String orElse) {
    return closest(written, candidates).map(best -> "; did you mean '" + best + "'?").orElse(orElse);
  }

  /** {@code " Did you mean 'x'?"}, a sentence of its own, or nothing when no candidate is close. */
  public static String didYouMeanSentence(String written, Collection<String> candidates) {
    return closest(written, candidates).map(best -> " Did you mean '" + best + "'?").orElse("");
  }

  /** {@code a, b, c}, cut short after {@value #LISTED} names. */
  public static String list(List<String> names) {
    String listed = names.stream().limit(LISTED).collect(Collectors.joining(", "));
    return names.size() > LISTED ? listed + ", …" : listed;
  }
}
