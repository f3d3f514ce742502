package dev.rowguard.sample.web;

import dev.rowguard.sample.domain.AssetDependency;
import java.util.List;
import java.util.UUID;

/** An engagement's assets (nodes) and what depends on what (edges). */
public record DependencyGraph(UUID engagementId, String engagement, List<AssetView> nodes, List<Edge> edges) {
  /** {@code dependent} needs {@code dependency}. */
  public record Edge(UUID dependent, UUID dependency, AssetDependency.Kind kind) {}
}
