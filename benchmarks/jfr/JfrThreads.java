import java.nio.file.Path;
import java.time.Duration;
import java.util.*;
import jdk.jfr.consumer.*;

public class JfrThreads {
  public static void main(String[] args) throws Exception {
    Map<String, Integer> byThread = new TreeMap<>(), otherTop = new HashMap<>();
    Map<String, Long> counts = new TreeMap<>();
    Duration jit = Duration.ZERO, gc = Duration.ZERO, park = Duration.ZERO;
    long threadStarts = 0; int jitCount = 0;
    Map<String, Duration> jitByPkg = new HashMap<>();
    for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
      String type = e.getEventType().getName();
      counts.merge(type, 1L, Long::sum);
      switch (type) {
        case "jdk.ExecutionSample" -> {
          RecordedThread t = e.getThread("sampledThread");
          String n = t == null ? "?" : t.getJavaName().replaceAll("\\d+", "N");
          byThread.merge(n, 1, Integer::sum);
          if (!n.equals("main")) {
            List<RecordedFrame> f = e.getStackTrace().getFrames();
            String key = "";
            for (RecordedFrame fr : f) { String m = fr.getMethod().getType().getName(); if (m.startsWith("net.sf.jsqlparser") || m.startsWith("dev.rowguard")) { key = m + "." + fr.getMethod().getName(); } }
            otherTop.merge(n + "  " + (key.isEmpty() ? f.get(f.size()-1).getMethod().getType().getName() : key), 1, Integer::sum);
          }
        }
        case "jdk.Compilation" -> {
          jit = jit.plus(e.getDuration()); jitCount++;
          String m = e.getValue("method") == null ? "?" : ((RecordedMethod) e.getValue("method")).getType().getName();
          String[] p = m.split("\\.");
          String pk = p.length > 2 ? p[0] + "." + p[1] + "." + p[2] : m;
          jitByPkg.merge(pk, e.getDuration(), Duration::plus);
        }
        case "jdk.GarbageCollection" -> gc = gc.plus(e.getDuration());
        case "jdk.ThreadStart" -> threadStarts++;
        default -> {}
      }
    }
    System.out.println("samples by thread: " + byThread);
    System.out.printf("JIT compilations (>= threshold recorded): %d, total %d ms%n", jitCount, jit.toMillis());
    jitByPkg.entrySet().stream().sorted(Map.Entry.<String, Duration>comparingByValue().reversed()).limit(12)
        .forEach(x -> System.out.printf("   %6d ms  %s%n", x.getValue().toMillis(), x.getKey()));
    System.out.printf("GC total %d ms; thread starts %d%n", gc.toMillis(), threadStarts);
    otherTop.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(15)
        .forEach(x -> System.out.printf("   %6d  %s%n", x.getValue(), x.getKey()));
  }
}
