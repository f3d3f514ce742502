package dev.rowguard.benchmarks.jmh;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The scores of one benchmark over interleaved rounds: one per fork (a fork per round) and one per measured
 * iteration, in the benchmark's unit (operations per second for throughput).
 */
public record Scores(List<Double> forks, List<Double> iterations) {
  public double median() {
    return percentile(forks, 50);
  }

  /**
   * Two table cells comparing {@code numerator} with {@code denominator}: the ratio of their medians, and the
   * median [min–max] of the ratios within each round.
   */
  public static String ratioCells(Scores numerator, Scores denominator) {
    List<Double> perRound = new ArrayList<>();
    for (int i = 0; i < numerator.forks.size(); i++) {
      perRound.add(numerator.forks.get(i) / denominator.forks.get(i));
    }
    return String.format(Locale.ROOT, "**%.3f** | %.3f [%.3f–%.3f]", numerator.median() / denominator.median(),
        percentile(perRound, 50), percentile(perRound, 0), percentile(perRound, 100));
  }

  /** The value at {@code percent} of the sorted values, interpolated between neighbours. */
  public static double percentile(List<Double> values, int percent) {
    List<Double> sorted = values.stream().sorted().toList();
    double rank = percent / 100.0 * (sorted.size() - 1);
    int low = (int) Math.floor(rank);
    int high = (int) Math.ceil(rank);
    return sorted.get(low) + (rank - low) * (sorted.get(high) - sorted.get(low));
  }
}
