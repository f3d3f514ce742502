package dev.rowguard.benchmarks;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Statistics over the interleaved rounds of the compile-time benchmarks, and the file chores of all benchmarks. */
public final class Harness {
  private Harness() {}

  /** The value at {@code percent} of the sorted values, interpolated between neighbours. */
  static long percentile(List<Long> values, int percent) {
    List<Long> sorted = values.stream().sorted().toList();
    double rank = percent / 100.0 * (sorted.size() - 1);
    int low = (int) Math.floor(rank);
    int high = (int) Math.ceil(rank);
    return Math.round(sorted.get(low) + (rank - low) * (sorted.get(high) - sorted.get(low)));
  }

  /** Three table cells of times in ms: the median, min–max, and the interquartile range. */
  static String times(List<Long> nanos) {
    return String.format(Locale.ROOT, "%.0f | %.0f–%.0f | %.0f", ms(percentile(nanos, 50)), ms(percentile(nanos, 0)),
        ms(percentile(nanos, 100)), ms(percentile(nanos, 75) - percentile(nanos, 25)));
  }

  /**
   * Two table cells: the ratio of the medians, and the median [min–max] of the ratios within each round, with
   * {@code decimals} decimals. Empty cells without a baseline.
   */
  static String ratios(List<Long> values, List<Long> baseline, int decimals) {
    if (baseline == null) {
      return " | ";
    }
    long scale = Math.round(Math.pow(10, decimals + 1));
    List<Long> perRound = new ArrayList<>(); // scaled to whole numbers, to reuse percentile()
    for (int i = 0; i < values.size(); i++) {
      perRound.add(Math.round((double) scale * values.get(i) / baseline.get(i)));
    }
    String number = "%." + decimals + "f";
    return String.format(Locale.ROOT, number + " | " + number + " [" + number + "–" + number + "]",
        (double) percentile(values, 50) / percentile(baseline, 50), (double) percentile(perRound, 50) / scale,
        (double) percentile(perRound, 0) / scale, (double) percentile(perRound, 100) / scale);
  }

  /**
   * Prints {@code RATIO <name> <value>}: the median of {@code values} over the median of {@code baseline}, for
   * machines to read; nothing when either was not measured.
   */
  static void printRatio(String name, List<Long> values, List<Long> baseline) {
    if (values != null && baseline != null) {
      System.out.printf(Locale.ROOT, "RATIO %s %.3f%n", name, (double) percentile(values, 50) / percentile(baseline, 50));
    }
  }

  static double ms(long nanos) {
    return nanos / 1_000_000.0;
  }

  /** The jars in a directory, sorted; there must be some. */
  public static List<Path> jars(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      List<Path> jars = files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
      if (jars.isEmpty()) {
        throw new IllegalStateException("no jars in " + directory);
      }
      return jars;
    } catch (IOException e) {
      throw new UncheckedIOException("run `mvn -Pbenchmarks -pl benchmarks -am package` first", e);
    }
  }

  public static String join(List<Path> paths) {
    return paths.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
  }

  /** Deletes a directory tree, if it exists. */
  static void delete(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
