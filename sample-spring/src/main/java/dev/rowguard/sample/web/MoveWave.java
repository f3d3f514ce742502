package dev.rowguard.sample.web;

import dev.rowguard.sample.domain.AssetDependency;
import java.util.List;

/** Assets discovered together and the dependencies between them, by hostname: all recorded, or none. */
public record MoveWave(List<NewAsset> assets, List<Link> dependencies) {
  /** {@code dependent} needs {@code dependency}, both hostnames of the wave. */
  public record Link(String dependent, String dependency, AssetDependency.Kind kind) {}
}
