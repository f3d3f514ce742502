package dev.rowguard.sample.web;

import dev.rowguard.sample.data.AssetDependencyRepository;
import dev.rowguard.sample.data.AssetRepository;
import dev.rowguard.sample.domain.Asset;
import dev.rowguard.sample.domain.AssetDependency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a wave in one transaction through two repositories: the assets first, then each dependency. A
 * dependency on a host that is not in the wave is found only after the assets are written, and rolls them back.
 */
@Service
class MoveWaves {
  private final AssetRepository assets;
  private final AssetDependencyRepository dependencies;

  MoveWaves(AssetRepository assets, AssetDependencyRepository dependencies) {
    this.assets = assets;
    this.dependencies = dependencies;
  }

  @Transactional
  public List<AssetView> record(MoveWave wave) {
    Map<String, Asset> byHostname = new LinkedHashMap<>();
    for (NewAsset asset : wave.assets()) {
      Asset inserted = assets.insert(asset.toAsset());
      byHostname.put(inserted.getHostname(), inserted);
    }
    for (MoveWave.Link link : wave.dependencies()) {
      Asset dependent = byHostname.get(link.dependent());
      Asset dependency = byHostname.get(link.dependency());
      if (dependent == null || dependency == null) {
        throw new InvalidRequestException("the dependency " + link.dependent() + " -> " + link.dependency()
            + " names a host that is not in the wave; nothing of the wave was recorded");
      }
      dependencies.insert(new AssetDependency(UUID.randomUUID(), dependent, dependency, link.kind()));
    }
    return byHostname.values().stream().map(AssetView::of).toList();
  }
}
