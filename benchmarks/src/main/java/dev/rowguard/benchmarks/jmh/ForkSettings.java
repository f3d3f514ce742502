package dev.rowguard.benchmarks.jmh;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How many interleaved rounds to run, and the warm-up and measured iterations of each fork (each {@code seconds}
 * long), from {@code --rounds=… --warmup=… --iterations=… --time=…}.
 */
public record ForkSettings(int rounds, int warmup, int iterations, int seconds) {
  /** The settings in {@code options}, and {@code defaults} for those not given. */
  public static ForkSettings of(Map<String, String> options, ForkSettings defaults) {
    return new ForkSettings(value(options, "rounds", defaults.rounds), value(options, "warmup", defaults.warmup),
        value(options, "iterations", defaults.iterations), value(options, "time", defaults.seconds));
  }

  private static int value(Map<String, String> options, String name, int defaultValue) {
    return options.containsKey(name) ? Integer.parseInt(options.get(name)) : defaultValue;
  }

  /** {@code --name=value} arguments by name; a bare {@code --name} is {@code true}. */
  public static Map<String, String> options(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (String arg : args) {
      String[] parts = arg.replaceFirst("^--", "").split("=", 2);
      options.put(parts[0], parts.length > 1 ? parts[1] : "true");
    }
    return options;
  }

  /** One sentence for a report's header. */
  public String describe() {
    return String.format(Locale.ROOT, "%d rounds, each one fork per benchmark (%d × %d s warm-up, %d × %d s "
        + "measured), interleaved", rounds, warmup, seconds, iterations, seconds);
  }
}
