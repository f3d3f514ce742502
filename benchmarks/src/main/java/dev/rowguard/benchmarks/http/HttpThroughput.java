package dev.rowguard.benchmarks.http;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Requests per second of the web sample's {@code GET /assets} with rowguard-spring-boot-starter (tenant filter,
 * tenant-binding data source, row-level security as a non-owner login) against {@code GET /plain/assets}, the same
 * generated repository and response on a plain pool of a login row-level security does not apply to, filtered by
 * the repository's tenant {@code WHERE} clause only.
 *
 * <p>Starts the sample's jar with the {@code benchmark} profile on a free port, then runs rounds that alternate
 * the two endpoints ({@code --seconds} each, after {@code --warmup} seconds of both), with {@code --threads}
 * client threads each sending one request at a time, alternating the sample's two tenants. Every response must be
 * 200 with that tenant's rows only; a mixed-up response fails the run. Prints per-round figures, then {@code
 * RATIO starter/plain <median ratio>}.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.rowguard.benchmarks.http.HttpThroughput \
 *     --app=sample-spring/target/rowguard-sample-spring.jar [--rounds=6 --seconds=6 --warmup=30 --threads=8]
 * }</pre>
 */
public final class HttpThroughput {
  private static final Pattern TENANT = Pattern.compile(
      "X-Client-Account-Id: ([0-9a-f-]{36})' -H 'X-Engagement-Id: ([0-9a-f-]{36})'");

  private record Tenant(String clientAccount, String engagement) {}

  private HttpThroughput() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    String app = options.getOrDefault("app", "sample-spring/target/rowguard-sample-spring.jar");
    int rounds = Integer.parseInt(options.getOrDefault("rounds", "6"));
    int seconds = Integer.parseInt(options.getOrDefault("seconds", "6"));
    int warmup = Integer.parseInt(options.getOrDefault("warmup", "30"));
    int threads = Integer.parseInt(options.getOrDefault("threads", "8"));
    int port = freePort();
    Process server = new ProcessBuilder(javaCommand(), "-jar", app, "--spring.profiles.active=benchmark",
        "--server.port=" + port).redirectErrorStream(true).start();
    try {
      List<Tenant> tenants = awaitTenants(server);
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      String base = "http://localhost:" + port;
      System.out.printf(Locale.ROOT, "web sample on port %d, %d tenants, %d client threads%n", port, tenants.size(),
          threads);
      run(client, base + "/assets", tenants, threads, warmup / 2);
      run(client, base + "/plain/assets", tenants, threads, warmup - warmup / 2);
      List<Double> ratios = new ArrayList<>();
      double[] starter = new double[rounds];
      double[] plain = new double[rounds];
      for (int round = 0; round < rounds; round++) {
        // Alternate which goes first, so that neither always runs on a machine warmed (or loaded) by the other.
        if (round % 2 == 0) {
          starter[round] = run(client, base + "/assets", tenants, threads, seconds);
          plain[round] = run(client, base + "/plain/assets", tenants, threads, seconds);
        } else {
          plain[round] = run(client, base + "/plain/assets", tenants, threads, seconds);
          starter[round] = run(client, base + "/assets", tenants, threads, seconds);
        }
        ratios.add(starter[round] / plain[round]);
        System.out.printf(Locale.ROOT, "round %d: starter %.0f req/s, plain %.0f req/s, starter/plain %.3f%n",
            round + 1, starter[round], plain[round], starter[round] / plain[round]);
      }
      System.out.printf(Locale.ROOT, "median: starter %.0f req/s, plain %.0f req/s%n", median(starter),
          median(plain));
      System.out.printf(Locale.ROOT, "RATIO starter/plain %.3f (throughput; per round %s)%n",
          median(ratios.stream().mapToDouble(Double::doubleValue).toArray()),
          ratios.stream().map(r -> String.format(Locale.ROOT, "%.3f", r)).toList());
    } finally {
      server.destroy();
      if (!server.waitFor(30, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
  }

  /** Requests per second over {@code seconds}, every response checked to be the requesting tenant's. */
  private static double run(HttpClient client, String url, List<Tenant> tenants, int threads, int seconds)
      throws InterruptedException {
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong done = new AtomicLong();
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    CountDownLatch finished = new CountDownLatch(threads);
    for (int t = 0; t < threads; t++) {
      int first = t;
      Thread worker = new Thread(() -> {
        try {
          for (long i = first; !stop.get(); i++) {
            Tenant tenant = tenants.get((int) (i % tenants.size()));
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url))
                .header("X-Client-Account-Id", tenant.clientAccount())
                .header("X-Engagement-Id", tenant.engagement()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
            check(url, tenant, tenants, response);
            done.incrementAndGet();
          }
        } catch (Throwable e) {
          failures.add(e);
        } finally {
          finished.countDown();
        }
      }, "load-" + t);
      worker.start();
    }
    long start = System.nanoTime();
    Thread.sleep(seconds * 1000L);
    long count = done.get();
    long elapsed = System.nanoTime() - start;
    stop.set(true);
    finished.await();
    if (!failures.isEmpty()) {
      throw new IllegalStateException(failures.size() + " client threads failed on " + url, failures.get(0));
    }
    return count / (elapsed / 1e9);
  }

  private static void check(String url, Tenant tenant, List<Tenant> tenants, HttpResponse<String> response) {
    String body = response.body();
    if (response.statusCode() != 200 || !body.contains(tenant.engagement())) {
      throw new IllegalStateException(url + " answered " + response.statusCode() + " for " + tenant + ": " + body);
    }
    for (Tenant other : tenants) {
      if (!other.equals(tenant) && body.contains(other.clientAccount())) {
        throw new IllegalStateException(url + " answered " + tenant + " with rows of " + other + ": " + body);
      }
    }
  }

  /** The tenants the sample prints once it has seeded them (its curl lines), read from its output. */
  private static List<Tenant> awaitTenants(Process server) throws IOException {
    BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    List<Tenant> tenants = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    String line;
    while (tenants.size() < 2 && (line = out.readLine()) != null) {
      seen.add(line);
      Matcher matcher = TENANT.matcher(line);
      if (matcher.find()) {
        tenants.add(new Tenant(matcher.group(1), matcher.group(2)));
      }
    }
    if (tenants.size() < 2) {
      throw new IllegalStateException("the web sample exited before seeding its tenants:\n" + String.join("\n", seen));
    }
    Thread drain = new Thread(() -> {
      try {
        out.lines().forEach(l -> { });
      } catch (UncheckedIOException e) {
        // The server has been stopped: nothing more to read.
      }
    }, "server-output");
    drain.setDaemon(true);
    drain.start();
    return tenants;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String javaCommand() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (String arg : args) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        throw new IllegalArgumentException("options are --name=value: " + arg);
      }
      options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
    }
    return options;
  }
}
