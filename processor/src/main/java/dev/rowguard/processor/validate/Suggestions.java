package dev.rowguard.processor.validate;

import dev.rowguard.schema.sql.EditDistance;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** "Did you mean …?" for names that do not exist. */
public final class Suggestions {
  private Suggestions() {}

  /** The candidate closest to {@code name}, if it is close enough to be a likely typo. */
  public static Optional<String> closest(String name, Collection<String> candidates) {
    return candidates.stream()
        .filter(c -> EditDistance.between(name, c) <= Math.max(2, name.length() / 3))
        .min(Comparator.comparingInt((String c) -> EditDistance.between(name, c)).thenComparing(c -> c));
  }

  public static String didYouMean(String name, Collection<String> candidates) {
    return closest(name, candidates).map(c -> " Did you mean '" + c + "'?").orElse("");
  }
}
