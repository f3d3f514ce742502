package dev.rowguard.sample.web;

import dev.rowguard.sample.data.AssetRepository;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The bound engagement's assets. */
@RestController
class AssetController {
  private final AssetRepository assets;

  AssetController(AssetRepository assets) {
    this.assets = assets;
  }

  @GetMapping("/assets")
  List<AssetView> list() {
    return assets.findAll().map(AssetView::of).sorted(Comparator.comparing(AssetView::hostname)).toList();
  }

  @GetMapping("/assets/{id}")
  AssetView get(@PathVariable UUID id) {
    return assets.findById(id).map(AssetView::of).orElseThrow(() -> new NotFoundException("asset " + id));
  }

  @PostMapping("/assets")
  @ResponseStatus(HttpStatus.CREATED)
  AssetView create(@RequestBody NewAsset asset) {
    return AssetView.of(assets.insert(asset.toAsset()));
  }
}
