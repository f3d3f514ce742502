package dev.rowguard.sample.web;

import dev.rowguard.runtime.TenantContext;
import dev.rowguard.runtime.TenantKeys;
import dev.rowguard.sample.data.AssetRepository;
import dev.rowguard.sample.data.EngagementRepository;
import dev.rowguard.sample.domain.Asset;
import dev.rowguard.sample.domain.AssetDependency;
import dev.rowguard.sample.domain.Engagement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.ApplicationArguments;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Two tenants for a service started on its own database ({@link SampleWebApp#main}): the owner writes the shared
 * client accounts, everything else goes through the repositories bound to each tenant. Prints how to ask for each.
 */
@Component
@Profile("dev")
class DevTenants implements ApplicationRunner {
  private final DevDatabase database;
  private final TenantKeys keys;
  private final EngagementRepository engagements;
  private final MoveWaves waves;
  private final AssetRepository assets;
  /** Assets beyond the two of each tenant's wave ({@code sample.seed.extra-assets}; the benchmark lists more). */
  private final int extraAssets;

  DevTenants(DevDatabase database, TenantKeys keys, EngagementRepository engagements, MoveWaves waves,
      AssetRepository assets, @Value("${sample.seed.extra-assets:0}") int extraAssets) {
    this.database = database;
    this.keys = keys;
    this.engagements = engagements;
    this.waves = waves;
    this.assets = assets;
    this.extraAssets = extraAssets;
  }

  @Override
  public void run(ApplicationArguments args) {
    seed("Northwind Logistics", "Dallas DC1 exit", "dal-web-01", "dal-db-01");
    seed("Contoso Health", "EHR platform to Azure", "ehr-app-01", "ehr-db-01");
  }

  private void seed(String client, String engagementName, String dependent, String dependency) {
    UUID clientAccount = UUID.randomUUID();
    database.database().executeScript("INSERT INTO migration.client_account (id, name, status) VALUES ('"
        + clientAccount + "', '" + client.replace("'", "''") + "', 'active')");
    Engagement engagement = TenantContext.call(keys.tenant(clientAccount), () -> engagements.insert(new Engagement(
        UUID.randomUUID(), null, engagementName, Engagement.Status.DISCOVERY, Engagement.TargetCloud.AWS, null, null,
        Instant.now())));
    TenantContext.run(keys.tenant(clientAccount, engagement.id()), () -> waves.record(new MoveWave(
        List.of(new NewAsset(dependent, Asset.AssetType.APPLICATION), new NewAsset(dependency, Asset.AssetType.DATABASE)),
        List.of(new MoveWave.Link(dependent, dependency, AssetDependency.Kind.DATABASE)))));
    TenantContext.run(keys.tenant(clientAccount, engagement.id()), () -> {
      for (int i = 1; i <= extraAssets; i++) {
        assets.insert(new Asset(UUID.randomUUID(), String.format("%s-vm-%03d", dependent, i), Asset.AssetType.SERVER));
      }
    });
    System.out.println(client + ":\n  curl -H 'X-Client-Account-Id: " + clientAccount + "' -H 'X-Engagement-Id: "
        + engagement.id() + "' localhost:8080/assets\n  curl -H 'X-Client-Account-Id: " + clientAccount
        + "' localhost:8080/engagements/" + engagement.id() + "/dependency-graph");
  }
}
