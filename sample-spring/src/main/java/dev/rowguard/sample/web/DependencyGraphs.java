package dev.rowguard.sample.web;

import dev.rowguard.sample.data.AssetDependencyRepository;
import dev.rowguard.sample.data.AssetRepository;
import dev.rowguard.sample.domain.Engagement;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads an engagement's graph in one read-only transaction, so that nodes and edges are one snapshot. */
@Service
class DependencyGraphs {
  private final AssetRepository assets;
  private final AssetDependencyRepository dependencies;

  DependencyGraphs(AssetRepository assets, AssetDependencyRepository dependencies) {
    this.assets = assets;
    this.dependencies = dependencies;
  }

  @Transactional(readOnly = true)
  public DependencyGraph of(Engagement engagement) {
    List<AssetView> nodes =
        assets.findAll().map(AssetView::of).sorted(Comparator.comparing(AssetView::hostname)).toList();
    List<DependencyGraph.Edge> edges = dependencies.findAll()
        .map(d -> new DependencyGraph.Edge(d.getDependent().getId(), d.getDependency().getId(), d.getKind()))
        .sorted(Comparator.comparing((DependencyGraph.Edge e) -> e.dependent().toString())
            .thenComparing(e -> e.dependency().toString()))
        .toList();
    return new DependencyGraph(engagement.id(), engagement.name(), nodes, edges);
  }
}
