package dev.rowguard.sample.web;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.rowguard.sample.web.Http.As;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.core.task.support.TaskExecutorAdapter;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.WebAsyncTask;
import tools.jackson.databind.JsonNode;

/**
 * Async requests over real HTTP, on PostgreSQL as a role row-level security applies to: a {@code Callable}, an
 * {@code @Async} method's future, a {@code DeferredResult} completed on the application task executor and a {@code
 * Callable} on an executor of its own each run bound to their request's tenant, concurrently for two tenants; work on a thread the tenant was not handed to finds
 * none bound and is refused, never served with no rows or another tenant's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AsyncRequestsOverHttpTest {
  private static final SampleDatabaseFixture DATABASE = new SampleDatabaseFixture();
  private static final List<String> ASYNC_PATHS = List.of("/async/callable/assets", "/async/future/assets",
      "/async/deferred/assets", "/async/own-executor/assets");

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    DATABASE.register(registry);
  }

  /** Endpoints on plain threads, which Spring's task decorator does not reach. */
  @TestConfiguration
  @Import(UnhandedController.class)
  static class Unhanded {}

  @RestController
  static class UnhandedController implements DisposableBean {
    private final AsyncAssets assets;
    private final ExecutorService plainThreads = Executors.newFixedThreadPool(2);
    private final AsyncTaskExecutor ownExecutor = new TaskExecutorAdapter(plainThreads);

    UnhandedController(AsyncAssets assets) {
      this.assets = assets;
    }

    /** A {@code Callable} on an executor of its own, which hands nothing over: Spring MVC's interceptor binds it. */
    @GetMapping("/async/own-executor/assets")
    WebAsyncTask<List<AssetView>> ownExecutor() {
      return new WebAsyncTask<>(10_000L, ownExecutor, assets::list);
    }

    @GetMapping("/async/unhanded/assets")
    CompletableFuture<List<AssetView>> unhanded() {
      return CompletableFuture.supplyAsync(assets::list, plainThreads);
    }

    @Override
    public void destroy() {
      plainThreads.shutdown();
    }
  }

  @LocalServerPort int port;

  private Http http;
  private As northwind;
  private As contoso;

  @BeforeAll
  void twoTenants() {
    http = new Http(port);
    northwind = tenant("Northwind Logistics", "Dallas DC1 exit", List.of("dal-db-01", "dal-web-01"));
    contoso = tenant("Contoso Health", "EHR platform to Azure", List.of("ehr-app-01", "ehr-db-01"));
  }

  private As tenant(String client, String engagement, List<String> hosts) {
    UUID clientAccount = DATABASE.clientAccount(client);
    Http.Response created =
        http.post("/engagements", new As(clientAccount, null), Map.of("name", engagement, "targetCloud", "AWS"));
    As tenant = new As(clientAccount, UUID.fromString(created.expect(201).json().get("id").asString()));
    http.post("/waves", tenant, Map.of(
        "assets", hosts.stream().map(h -> Map.of("hostname", h, "assetType", "SERVER")).toList(),
        "dependencies", List.of())).expect(201);
    return tenant;
  }

  @Test
  void eachAsyncKindServesTheRequestsTenant() {
    for (String path : ASYNC_PATHS) {
      assertThat(hostnames(http.get(path, northwind))).containsExactly("dal-db-01", "dal-web-01");
      assertThat(hostnames(http.get(path, contoso))).containsExactly("ehr-app-01", "ehr-db-01");
    }
  }

  @Test
  void concurrentAsyncRequestsOfTwoTenantsNeverMix() throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < 800; i++) {
        As tenant = i % 2 == 0 ? northwind : contoso;
        String path = ASYNC_PATHS.get((i / 2) % ASYNC_PATHS.size());
        Set<String> expected = tenant == northwind ? Set.of("dal-db-01", "dal-web-01") : Set.of("ehr-app-01", "ehr-db-01");
        results.add(clients.submit(() -> {
          Http.Response response = http.get(path, tenant);
          if (response.status() != 200) {
            return path + ": status " + response.status() + ": " + response.body();
          }
          for (JsonNode asset : response.json()) {
            if (!asset.get("clientAccountId").asString().equals(tenant.clientAccount().toString())) {
              return path + ": another tenant's row: " + asset;
            }
          }
          Set<String> hosts = hostnames(response.json());
          return hosts.equals(expected) ? "" : path + ": expected " + expected + ", got " + hosts;
        }));
      }
      List<String> failures = new ArrayList<>();
      for (Future<String> result : results) {
        if (!result.get().isEmpty()) {
          failures.add(result.get());
        }
      }
      assertWithMessage(failures.size() + " of 800 requests failed; the first").that(
          failures.subList(0, Math.min(3, failures.size()))).isEmpty();
      assertThat(results).hasSize(800);
    } finally {
      clients.shutdown();
    }
  }

  @Test
  void workOnAThreadTheTenantWasNotHandedToIsRefused() {
    Http.Response response = http.get("/async/unhanded/assets", northwind);
    assertThat(response.status()).isEqualTo(500);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().get("title").asString()).isEqualTo("Tenant not handed to async work");
    assertThat(response.json().get("detail").asString()).contains("no tenant is bound on thread");
    assertThat(response.json().get("detail").asString()).contains("TenantContext.propagate");
    assertThat(response.body()).doesNotContain("dal-");
  }

  @Test
  void asyncRequestWithoutTenantIsRefusedBeforeItStarts() {
    Http.Response response = http.get("/async/callable/assets", As.NOBODY);
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("title").asString()).isEqualTo("Tenant required");
  }

  private static Set<String> hostnames(Http.Response response) {
    return hostnames(response.expect(200).json());
  }

  private static Set<String> hostnames(JsonNode assets) {
    Set<String> hosts = new TreeSet<>();
    assets.forEach(a -> hosts.add(a.get("hostname").asString()));
    return hosts;
  }
}
