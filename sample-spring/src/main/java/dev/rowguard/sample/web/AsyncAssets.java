package dev.rowguard.sample.web;

import dev.rowguard.sample.data.AssetRepository;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;

/** The bound engagement's assets, read on the calling thread or, {@code @Async}, on Spring's application task executor. */
@Service
class AsyncAssets {
  private final AssetRepository assets;

  AsyncAssets(AssetRepository assets) {
    this.assets = assets;
  }

  List<AssetView> list() {
    return assets.findAll().map(AssetView::of).sorted(Comparator.comparing(AssetView::hostname)).toList();
  }

  /** Runs on the application task executor, bound to the caller's tenant, which the starter hands over. */
  @Async
  public CompletableFuture<List<AssetView>> listLater() {
    return CompletableFuture.completedFuture(list());
  }
}
