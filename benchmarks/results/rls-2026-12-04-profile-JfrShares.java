import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Shares of the benchmark thread's time in one JMH fork's JFR recording, over the last {@code measuredSeconds}
 * of the run (the measured iterations; warm-up is left out).
 *
 * <p>Usage: {@code java benchmarks/results/rls-2026-12-04-profile-JfrShares.java <fork.jfr> <measuredSeconds>
 * [topMethods]}
 *
 * <p>A CPU sample (jdk.ExecutionSample) belongs to the innermost frame that is not the JDK's: pgjdbc, HikariCP,
 * the Rowguard runtime, the benchmark, JMH. JDK code (collections, reflection, string building) counts for
 * whoever called it, so {@code Method.invoke} made by a Rowguard proxy is Rowguard's, and a proxy's own {@code
 * $Proxy} frame is "JDK proxy dispatch" of its caller's layer. Time waiting on the server is the sum of
 * jdk.SocketRead events (threshold 0) of that thread.
 */
public class JfrShares {
  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    double measured = Double.parseDouble(args[1]);
    int top = args.length > 2 ? Integer.parseInt(args[2]) : 15;
    List<RecordedEvent> events = RecordingFile.readAllEvents(file);
    String benchmark = null;
    long benchThread = -1;
    Instant last = Instant.MIN;
    for (RecordedEvent e : events) {
      if (!e.getEventType().getName().equals("jdk.ExecutionSample")) {
        continue;
      }
      for (RecordedFrame f : e.getStackTrace().getFrames()) {
        String type = f.getMethod().getType().getName();
        if (type.endsWith("_jmhTest")) {
          benchmark = type.substring(type.lastIndexOf('.') + 1).replace("_jmhTest", "");
          benchThread = e.getThread("sampledThread").getJavaThreadId();
          if (e.getStartTime().isAfter(last)) {
            last = e.getStartTime();
          }
        }
      }
    }
    Instant from = last.minusMillis((long) (measured * 1000));
    Map<String, Integer> layers = new HashMap<>();
    Map<String, Integer> rowguardMethods = new HashMap<>();
    Map<String, Integer> rowguardInclusive = new HashMap<>();
    Map<String, Integer> pgjdbcMethods = new HashMap<>();
    Map<String, Integer> leaves = new HashMap<>();
    Map<String, Long> allocation = new HashMap<>();
    Map<String, Long> rowguardAllocation = new HashMap<>();
    int cpu = 0;
    int nativeSamples = 0;
    int withRowguard = 0;
    Duration socket = Duration.ZERO;
    long reads = 0;
    long allocated = 0;
    for (RecordedEvent e : events) {
      if (e.getStartTime().isBefore(from) || e.getStartTime().isAfter(last)) {
        continue;
      }
      String name = e.getEventType().getName();
      RecordedThread thread = name.equals("jdk.ExecutionSample") || name.equals("jdk.NativeMethodSample")
          ? e.getThread("sampledThread") : e.getThread();
      if (thread == null || thread.getJavaThreadId() != benchThread) {
        continue;
      }
      switch (name) {
        case "jdk.ExecutionSample" -> {
          cpu++;
          List<RecordedFrame> frames = e.getStackTrace().getFrames();
          int owner = owner(frames);
          String layer = owner < 0 ? "JDK only" : layer(type(frames.get(owner)));
          layers.merge(layer, 1, Integer::sum);
          leaves.merge(method(frames.get(0)), 1, Integer::sum);
          if (layer.equals("Rowguard runtime")) {
            rowguardMethods.merge(method(frames.get(owner)) + (owner > 0 ? "  -> " + method(frames.get(0)) : ""),
                1, Integer::sum);
          }
          if (layer.equals("pgjdbc")) {
            pgjdbcMethods.merge(method(frames.get(owner)), 1, Integer::sum);
          }
          boolean any = false;
          java.util.Set<String> seen = new java.util.HashSet<>();
          for (RecordedFrame f : frames) {
            if (type(f).startsWith("dev.rowguard.runtime.") && seen.add(method(f))) {
              rowguardInclusive.merge(method(f), 1, Integer::sum);
              any = true;
            }
          }
          if (any) {
            withRowguard++;
          }
        }
        case "jdk.NativeMethodSample" -> nativeSamples++;
        case "jdk.SocketRead" -> {
          socket = socket.plus(e.getDuration());
          reads++;
        }
        case "jdk.ObjectAllocationSample" -> {
          long weight = e.getLong("weight");
          allocated += weight;
          RecordedStackTrace stack = e.getStackTrace();
          if (stack != null) {
            List<RecordedFrame> frames = stack.getFrames();
            int owner = owner(frames);
            String layer = owner < 0 ? "JDK only" : layer(type(frames.get(owner)));
            allocation.merge(layer, weight, Long::sum);
            if (layer.equals("Rowguard runtime")) {
              rowguardAllocation.merge(method(frames.get(owner)) + " : " + e.getClass("objectClass").getName(),
                  weight, Long::sum);
            }
          }
        }
        default -> {
        }
      }
    }
    System.out.printf("%s (%s): last %.0f s, benchmark thread%n", benchmark, file.getFileName(), measured);
    System.out.printf("  waiting on the socket (jdk.SocketRead, %d reads): %.2f s of %.0f s = %.1f %% of wall time%n",
        reads, socket.toNanos() / 1e9, measured, 100.0 * socket.toNanos() / 1e9 / measured);
    System.out.printf("  CPU samples (jdk.ExecutionSample, 1 ms): %d; native samples: %d%n", cpu, nativeSamples);
    System.out.println("  CPU samples by layer (innermost frame that is not the JDK's):");
    print(layers, cpu, 20);
    System.out.printf("  samples with a dev.rowguard.runtime frame on the stack: %d (%.1f %%)%n", withRowguard,
        cpu == 0 ? 0 : 100.0 * withRowguard / cpu);
    System.out.println("  Rowguard runtime, inclusive (any frame of the method on the stack):");
    print(rowguardInclusive, cpu, top);
    System.out.println("  Rowguard runtime, self (innermost Rowguard frame -> JDK leaf):");
    print(rowguardMethods, cpu, top);
    System.out.println("  pgjdbc, innermost pgjdbc frame:");
    print(pgjdbcMethods, cpu, 10);
    System.out.println("  leaf frames:");
    print(leaves, cpu, 12);
    System.out.printf("  sampled allocation (jdk.ObjectAllocationSample weights): %.1f MB%n", allocated / 1e6);
    printBytes(allocation, allocated, 10);
    System.out.println("  Rowguard runtime allocation by method : class:");
    printBytes(rowguardAllocation, allocated, top);
  }

  /** Index of the innermost frame that is not JDK code, or -1. */
  private static int owner(List<RecordedFrame> frames) {
    for (int i = 0; i < frames.size(); i++) {
      if (!jdk(type(frames.get(i)))) {
        return i;
      }
    }
    return -1;
  }

  private static boolean jdk(String type) {
    return type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.")
        || type.startsWith("com.sun.proxy.") || type.startsWith("javax.");
  }

  private static String layer(String type) {
    if (type.startsWith("org.postgresql.")) {
      return "pgjdbc";
    }
    if (type.startsWith("com.zaxxer.hikari.")) {
      return "HikariCP";
    }
    if (type.startsWith("dev.rowguard.runtime.")) {
      return "Rowguard runtime";
    }
    if (type.startsWith("dev.rowguard.benchmarks.")) {
      return "benchmark code (incl. JMH stubs)";
    }
    if (type.startsWith("dev.rowguard.")) {
      return "generated repository / other Rowguard";
    }
    if (type.startsWith("org.openjdk.jmh.")) {
      return "JMH";
    }
    return type.replaceAll("^(\\w+\\.\\w+)\\..*", "$1");
  }

  private static String type(RecordedFrame f) {
    return f.getMethod().getType().getName();
  }

  private static String method(RecordedFrame f) {
    String type = type(f);
    return type.substring(type.lastIndexOf('.') + 1) + "." + f.getMethod().getName();
  }

  private static void print(Map<String, Integer> counts, int of, int limit) {
    counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(limit)
        .forEach(e -> System.out.printf("    %5.1f %%  %s%n", 100.0 * e.getValue() / of, e.getKey()));
  }

  private static void printBytes(Map<String, Long> bytes, long of, int limit) {
    bytes.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(limit)
        .forEach(e -> System.out.printf("    %5.1f %%  %s%n", 100.0 * e.getValue() / of, e.getKey()));
  }
}
