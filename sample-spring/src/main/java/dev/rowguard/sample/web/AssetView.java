package dev.rowguard.sample.web;

import dev.rowguard.sample.domain.Asset;
import java.util.UUID;

/** An asset as the API shows it. */
public record AssetView(UUID id, UUID clientAccountId, UUID engagementId, String hostname, Asset.AssetType assetType) {
  static AssetView of(Asset asset) {
    return new AssetView(asset.getId(), asset.getClientAccountId(), asset.getEngagementId(), asset.getHostname(),
        asset.getAssetType());
  }
}
