package dev.rowguard.processor.validate;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** "Did you mean …?" for names that do not exist. */
public final class Suggestions {
  private Suggestions() {}

  /** The candidate closest to {@code name}, if it is close enough to be a likely typo. */
  public static Optional<String> closest(String name, Collection<String> candidates) {
    return candidates.stream()
        .filter(c -> distance(name, c) <= Math.max(2, name.length() / 3))
        .min(Comparator.comparingInt((String c) -> distance(name, c)).thenComparing(c -> c));
  }

  public static String didYouMean(String name, Collection<String> candidates) {
    return closest(name, candidates).map(c -> " Did you mean '" + c + "'?").orElse("");
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
