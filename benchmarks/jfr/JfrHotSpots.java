import java.nio.file.Path;
import java.util.*;
import jdk.jfr.consumer.*;

public class JfrHotSpots {
  public static void main(String[] args) throws Exception {
    Map<String, Integer> entry = new HashMap<>(), leaf = new HashMap<>(), lib = new HashMap<>(), inCheck = new HashMap<>(), phase = new HashMap<>();
    int total = 0, rowguard = 0;
    String prefix = args.length > 1 ? args[1] : "dev.rowguard.errorprone.";
    for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
      if (!e.getEventType().getName().equals("jdk.ExecutionSample")) continue;
      RecordedThread t = e.getThread("sampledThread");
      if (t == null || !"main".equals(t.getJavaName())) continue;
      total++;
      List<RecordedFrame> frames = e.getStackTrace().getFrames();
      // phase: outermost javac/EP frame of interest
      String ph = "other";
      for (int i = frames.size() - 1; i >= 0; i--) {
        String n = name(frames.get(i));
        if (n.contains("ErrorProneAnalyzer.finished") || n.contains("ErrorProneAnalyzer.started")) { ph = "ErrorProne analyzer"; break; }
        if (n.contains("JavaCompiler.parseFiles")) { ph = "parse"; break; }
        if (n.contains("JavaCompiler.enterTrees")) { ph = "enter"; break; }
        if (n.contains("JavaCompiler.attribute")) { ph = "attribute"; }
        if (n.contains("JavaCompiler.flow")) { ph = "flow"; }
        if (n.contains("JavaCompiler.desugar")) { ph = "desugar"; break; }
        if (n.contains("JavaCompiler.generate")) { ph = "generate"; break; }
        if (n.contains("BasicJavacTask.initPlugins") || n.contains("ErrorProneJavacPlugin.init")) { ph = "plugin init"; break; }
      }
      phase.merge(ph, 1, Integer::sum);
      int outer = -1, inner = -1;
      for (int i = 0; i < frames.size(); i++) {
        if (name(frames.get(i)).startsWith(prefix)) { if (inner < 0) inner = i; outer = i; }
      }
      if (outer < 0) continue;
      rowguard++;
      entry.merge(name(frames.get(outer)), 1, Integer::sum);
      leaf.merge(name(frames.get(0)), 1, Integer::sum);
      // innermost rowguard frame and what it calls
      String callee = inner > 0 ? pkg(name(frames.get(inner - 1))) : "(self)";
      lib.merge(name(frames.get(inner)) + " -> " + callee, 1, Integer::sum);
      // all distinct rowguard-ish frames (inclusive)
      Set<String> seen = new HashSet<>();
      for (RecordedFrame f : frames) {
        String n = name(f);
        if ((n.startsWith("dev.rowguard.") || n.startsWith("net.sf.jsqlparser.parser.CCJSqlParserUtil.parse") || n.startsWith("com.fasterxml.jackson.databind.ObjectMapper.readValue") || n.startsWith("com.google.errorprone.matchers") || n.contains("ClassLoader.loadClass")) && seen.add(n)) inCheck.merge(n, 1, Integer::sum);
      }
    }
    System.out.printf("main-thread samples %d; with a %s frame: %d (%.1f%%)%n", total, prefix, rowguard, 100.0 * rowguard / total);
    print("phases (main thread)", phase, total, 20);
    print("check entry points (outermost rowguard frame)", entry, rowguard, 15);
    print("inclusive frames inside rowguard samples", inCheck, rowguard, 45);
    print("innermost rowguard frame -> callee package", lib, rowguard, 25);
    print("leaf frames", leaf, rowguard, 25);
  }
  static String name(RecordedFrame f) { return f.getMethod().getType().getName() + "." + f.getMethod().getName(); }
  static String pkg(String n) { String[] p = n.split("\\."); return p.length > 3 ? p[0] + "." + p[1] + "." + p[2] + (n.startsWith("com.sun.tools.javac") ? "." + p[3] + "." + p[4] : "") : n; }
  static void print(String title, Map<String, Integer> m, int of, int limit) {
    System.out.println("\n== " + title);
    m.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(limit)
        .forEach(e -> System.out.printf("%6d %5.1f%%  %s%n", e.getValue(), 100.0 * e.getValue() / of, e.getKey()));
  }
}
