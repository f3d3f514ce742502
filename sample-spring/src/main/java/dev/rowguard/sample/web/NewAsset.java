package dev.rowguard.sample.web;

import dev.rowguard.sample.domain.Asset;
import java.util.UUID;

/** A request to create an asset in the bound engagement; the repository fills in the tenant keys. */
public record NewAsset(String hostname, Asset.AssetType assetType) {
  Asset toAsset() {
    if (hostname == null || hostname.isBlank() || assetType == null) {
      throw new InvalidRequestException("an asset needs a hostname and an assetType");
    }
    return new Asset(UUID.randomUUID(), hostname, assetType);
  }
}
