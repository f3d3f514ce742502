package dev.rowguard.sample.data;

import dev.rowguard.sample.domain.Asset.AssetType;
import dev.rowguard.sample.domain.Asset.SixRStrategy;

/** An asset as the inventory report lists it; components are named after {@code Asset}'s properties. */
public record AssetInventoryLine(
    String applicationName, String hostname, AssetType assetType, SixRStrategy sixRStrategy,
    Integer migrationWave) {}
