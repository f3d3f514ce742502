package dev.rowguard.sample.web;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * The bound engagement's assets as Spring MVC's async requests serve them: each runs off the request's thread, bound
 * to the request's tenant, with no code of the application's to carry it.
 */
@RestController
class AsyncAssetController {
  private final AsyncAssets assets;
  private final AsyncTaskExecutor executor;

  AsyncAssetController(AsyncAssets assets, @Qualifier("applicationTaskExecutor") AsyncTaskExecutor executor) {
    this.assets = assets;
    this.executor = executor;
  }

  /** Run by Spring MVC on its async executor. */
  @GetMapping("/async/callable/assets")
  Callable<List<AssetView>> callable() {
    return assets::list;
  }

  /** An {@code @Async} method's future. */
  @GetMapping("/async/future/assets")
  CompletableFuture<List<AssetView>> future() {
    return assets.listLater();
  }

  /** Completed by a task submitted to the application task executor. */
  @GetMapping("/async/deferred/assets")
  DeferredResult<List<AssetView>> deferred() {
    DeferredResult<List<AssetView>> result = new DeferredResult<>();
    executor.execute(() -> {
      try {
        result.setResult(assets.list());
      } catch (RuntimeException e) {
        result.setErrorResult(e);
      }
    });
    return result;
  }
}
