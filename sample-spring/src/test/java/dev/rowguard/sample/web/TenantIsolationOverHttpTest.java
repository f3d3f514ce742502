package dev.rowguard.sample.web;

import static com.google.common.truth.Truth.assertThat;

import dev.rowguard.sample.web.Http.As;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The web sample over real HTTP, on PostgreSQL, logged in as a role row-level security applies to: two tenants,
 * each request bound by its headers, and nothing of one tenant ever reaching the other.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationOverHttpTest {
  private static final SampleDatabaseFixture DATABASE = new SampleDatabaseFixture();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    DATABASE.register(registry);
  }

  @LocalServerPort int port;

  private Http http;
  private As northwind;
  private As contoso;
  private UUID northwindAsset;

  @BeforeAll
  void twoTenants() {
    http = new Http(port);
    northwind = tenant("Northwind Logistics", "Dallas DC1 exit", List.of("dal-db-01", "dal-web-01"));
    contoso = tenant("Contoso Health", "EHR platform to Azure", List.of("ehr-app-01", "ehr-db-01"));
    northwindAsset = UUID.fromString(http.get("/assets", northwind).json().get(0).get("id").asString());
  }

  /** A client account (written by the owner), an engagement, and a wave of two assets, the first needing the second. */
  private As tenant(String client, String engagement, List<String> hosts) {
    UUID clientAccount = DATABASE.clientAccount(client);
    Http.Response created =
        http.post("/engagements", new As(clientAccount, null), Map.of("name", engagement, "targetCloud", "AWS"));
    created.expect(201);
    As tenant = new As(clientAccount, UUID.fromString(created.json().get("id").asString()));
    Http.Response wave = http.post("/waves", tenant, Map.of(
        "assets", hosts.stream().map(h -> Map.of("hostname", h, "assetType", "SERVER")).toList(),
        "dependencies", List.of(Map.of("dependent", hosts.get(0), "dependency", hosts.get(1), "kind", "DATABASE"))));
    wave.expect(201);
    return tenant;
  }

  @Test
  void eachTenantListsOnlyItsAssets() {
    assertThat(hostnames(http.get("/assets", northwind))).containsExactly("dal-db-01", "dal-web-01");
    // Other tests may add assets of their own: each tenant's seeded ones are there, and no other tenant's.
    assertThat(hostnames(http.get("/assets", contoso))).containsAtLeast("ehr-app-01", "ehr-db-01");
    assertThat(hostnames(http.get("/assets", contoso))).containsNoneOf("dal-db-01", "dal-web-01");
    for (JsonNode asset : http.get("/assets", contoso).json()) {
      assertThat(asset.get("clientAccountId").asString()).isEqualTo(contoso.clientAccount().toString());
    }
  }

  @Test
  void anotherTenantsAssetIsNotFound() {
    http.get("/assets/" + northwindAsset, northwind).expect(200);
    Http.Response foreign = http.get("/assets/" + northwindAsset, contoso);
    assertThat(foreign.status()).isEqualTo(404);
    assertThat(foreign.body()).doesNotContain("dal-");
  }

  @Test
  void eachTenantListsOnlyItsEngagements() {
    assertThat(names(http.get("/engagements", new As(northwind.clientAccount(), null)))).containsExactly("Dallas DC1 exit");
    assertThat(names(http.get("/engagements", new As(contoso.clientAccount(), null))))
        .containsExactly("EHR platform to Azure");
  }

  @Test
  void dependencyGraphIsTheEngagementsOwn() {
    JsonNode graph =
        http.get("/engagements/" + northwind.engagement() + "/dependency-graph", new As(northwind.clientAccount(), null))
            .expect(200).json();
    assertThat(hostnames(graph.get("nodes"))).containsExactly("dal-db-01", "dal-web-01");
    assertThat(graph.get("edges").size()).isEqualTo(1);
    Http.Response foreign =
        http.get("/engagements/" + northwind.engagement() + "/dependency-graph", new As(contoso.clientAccount(), null));
    assertThat(foreign.status()).isEqualTo(404);
    assertThat(foreign.body()).doesNotContain("dal-");
  }

  @Test
  void createdAssetBelongsToTheRequestsTenant() {
    Http.Response created = http.post("/assets", contoso, Map.of("hostname", "ehr-web-07", "assetType", "SERVER"));
    created.expect(201);
    assertThat(created.json().get("engagementId").asString()).isEqualTo(contoso.engagement().toString());
    assertThat(hostnames(http.get("/assets", northwind))).doesNotContain("ehr-web-07");
    assertThat(DATABASE.count("asset", "hostname = 'ehr-web-07' AND engagement_id = '" + contoso.engagement() + "'"))
        .isEqualTo(1);
  }

  @Test
  void requestWithoutTenantIsRefusedAndTouchesNothing() {
    long before = DATABASE.count("asset", "true");
    Http.Response list = http.get("/assets", As.NOBODY);
    assertThat(list.status()).isEqualTo(400);
    assertThat(list.contentType()).startsWith("application/problem+json");
    assertThat(list.json().get("detail").asString()).contains("X-Client-Account-Id");
    Http.Response create = http.post("/assets", As.NOBODY, Map.of("hostname", "nobody-01", "assetType", "SERVER"));
    assertThat(create.status()).isEqualTo(400);
    assertThat(DATABASE.count("asset", "true")).isEqualTo(before);
  }

  @Test
  void invalidTenantIsRefused() {
    Http.Response malformed = http.send(http.request("/assets", As.NOBODY).header("X-Client-Account-Id", "42").GET());
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().get("detail").asString()).contains("header X-Client-Account-Id is '42'");
    Http.Response innerOnly = http.get("/assets", new As(null, northwind.engagement()));
    assertThat(innerOnly.status()).isEqualTo(400);
    assertThat(innerOnly.json().get("title").asString()).isEqualTo("Invalid tenant");
  }

  @Test
  void clientLevelTenantGetsNoAssets() {
    Http.Response response = http.get("/assets", new As(northwind.clientAccount(), null));
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("title").asString()).isEqualTo("Tenant level required");
    assertThat(response.json().get("detail").asString()).contains("X-Engagement-Id");
    assertThat(response.body()).doesNotContain("dal-");
  }

  @Test
  void failedWaveLeavesNothingBehind() {
    Http.Response wave = http.post("/waves", northwind, Map.of(
        "assets", List.of(Map.of("hostname", "dal-app-09", "assetType", "APPLICATION"),
            Map.of("hostname", "dal-db-09", "assetType", "DATABASE")),
        "dependencies", List.of(Map.of("dependent", "dal-app-09", "dependency", "dal-db-09", "kind", "DATABASE"),
            Map.of("dependent", "dal-app-09", "dependency", "dal-mq-09", "kind", "NETWORK"))));
    wave.expect(422);
    assertThat(DATABASE.count("asset", "hostname IN ('dal-app-09', 'dal-db-09')")).isEqualTo(0);
    assertThat(DATABASE.count("asset_dependency", "engagement_id = '" + northwind.engagement() + "'")).isEqualTo(1);
  }

  @Test
  void concurrentRequestsOfTwoTenantsNeverMix() throws Exception {
    Set<String> northwindHosts = hostnames(http.get("/assets", northwind));
    Set<String> contosoHosts = hostnames(http.get("/assets", contoso));
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < 1_000; i++) {
        As tenant = i % 2 == 0 ? northwind : contoso;
        Set<String> expected = tenant == northwind ? northwindHosts : contosoHosts;
        results.add(threads.submit(() -> {
          Http.Response response = http.get("/assets", tenant);
          if (response.status() != 200) {
            return "status " + response.status() + ": " + response.body();
          }
          for (JsonNode asset : response.json()) {
            if (!asset.get("clientAccountId").asString().equals(tenant.clientAccount().toString())) {
              return "another tenant's row: " + asset;
            }
          }
          Set<String> hosts = hostnames(response);
          return hosts.equals(expected) ? "" : "expected " + expected + ", got " + hosts;
        }));
      }
      List<String> failures = new ArrayList<>();
      for (Future<String> result : results) {
        if (!result.get().isEmpty()) {
          failures.add(result.get());
        }
      }
      assertThat(failures).isEmpty();
      assertThat(results).hasSize(1_000);
    } finally {
      threads.shutdown();
    }
  }

  @Test
  void healthReportsRowLevelSecurityEnforcedWithoutATenant() {
    JsonNode health = http.get("/actuator/health", As.NOBODY).expect(200).json();
    assertThat(health.get("components").get("rowguard").get("status").asString()).isEqualTo("UP");
    assertThat(health.get("components").get("rowguard").get("details").get("rowLevelSecurity").asString())
        .isEqualTo("enforced");
    assertThat(health.get("components").get("db").get("status").asString()).isEqualTo("UP");
  }

  private static Set<String> hostnames(Http.Response response) {
    return hostnames(response.expect(200).json());
  }

  private static Set<String> hostnames(JsonNode assets) {
    Set<String> hosts = new TreeSet<>();
    assets.forEach(a -> hosts.add(a.get("hostname").asString()));
    return hosts;
  }

  private static List<String> names(Http.Response response) {
    response.expect(200);
    List<String> names = new ArrayList<>();
    response.json().forEach(e -> names.add(e.get("name").asString()));
    return names;
  }
}
