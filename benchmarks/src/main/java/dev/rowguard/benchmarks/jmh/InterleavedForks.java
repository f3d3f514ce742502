package dev.rowguard.benchmarks.jmh;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs JMH benchmarks one fork per benchmark per round, in an order that rotates from round to round, so that
 * noise from other work on the machine falls on all benchmarks alike. JMH itself runs all forks of one benchmark
 * before the next, which would put a burst of noise on one benchmark only.
 */
public final class InterleavedForks {
  private InterleavedForks() {}

  /**
   * Runs the benchmarks and prints one line of scores per round.
   *
   * @param benchmarks short label → fully qualified benchmark method ({@code com.example.FooBenchmark.bar})
   * @param jvmArgs appended to every fork's JVM arguments
   * @return the scores by label, in the order of {@code benchmarks}
   */
  public static Map<String, Scores> run(Map<String, String> benchmarks, ForkSettings settings, List<String> jvmArgs)
      throws RunnerException {
    List<String> labels = List.copyOf(benchmarks.keySet());
    Map<String, Scores> scores = new LinkedHashMap<>();
    labels.forEach(label -> scores.put(label, new Scores(new ArrayList<>(), new ArrayList<>())));
    for (int round = 0; round < settings.rounds(); round++) {
      StringBuilder line = new StringBuilder("round " + (round + 1) + ":");
      for (int i = 0; i < labels.size(); i++) {
        String label = labels.get(Math.floorMod(round + i, labels.size()));
        Options jmh = new OptionsBuilder()
            .include("^" + Pattern.quote(benchmarks.get(label)) + "$")
            .forks(1)
            .warmupIterations(settings.warmup())
            .warmupTime(TimeValue.seconds(settings.seconds()))
            .measurementIterations(settings.iterations())
            .measurementTime(TimeValue.seconds(settings.seconds()))
            .jvmArgsAppend(jvmArgs.toArray(String[]::new))
            .shouldFailOnError(true)
            .verbosity(VerboseMode.NORMAL)
            .build();
        Collection<RunResult> results = new Runner(jmh).run();
        if (results.size() != 1) {
          throw new IllegalStateException(label + ": expected one result, got " + results.size());
        }
        RunResult result = results.iterator().next();
        Scores own = scores.get(label);
        own.forks().add(result.getPrimaryResult().getScore());
        for (BenchmarkResult fork : result.getBenchmarkResults()) {
          for (IterationResult iteration : fork.getIterationResults()) {
            own.iterations().add(iteration.getPrimaryResult().getScore());
          }
        }
        line.append(String.format(Locale.ROOT, "  %s=%.1f", label, result.getPrimaryResult().getScore()));
      }
      System.out.println(line);
    }
    return scores;
  }
}
