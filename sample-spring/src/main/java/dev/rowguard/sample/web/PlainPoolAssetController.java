package dev.rowguard.sample.web;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.rowguard.runtime.Tenant;
import dev.rowguard.runtime.TenantContext;
import dev.rowguard.runtime.TenantKeys;
import dev.rowguard.sample.data.AssetRepository;
import dev.rowguard.sample.data.AssetRepositoryJdbc;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.env.Environment;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The benchmark's baseline, only with the {@code benchmark} profile: {@code GET /assets} as a service without
 * enforced isolation would serve it. The same generated repository and the same response, but on a plain pool of
 * a login that row-level security does not apply to (the owner), so that the only tenant filter is the
 * repository's own {@code WHERE client_account_id = ? AND engagement_id = ?}: no binding on the statement, no
 * policy, no request filter ({@code /plain/**} is excluded from it), no transaction-aware data source.
 */
@RestController
@Profile("benchmark")
class PlainPoolAssetController implements DisposableBean {
  private final TenantKeys keys;
  private final HikariDataSource pool;
  private final AssetRepository assets;

  PlainPoolAssetController(TenantKeys keys, Environment environment) {
    this.keys = keys;
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(environment.getRequiredProperty("spring.flyway.url"));
    config.setUsername(environment.getRequiredProperty("spring.flyway.user"));
    config.setPassword(environment.getProperty("spring.flyway.password", ""));
    config.setPoolName("plain-owner-pool");
    this.pool = new HikariDataSource(config);
    this.assets = new AssetRepositoryJdbc(pool);
  }

  @GetMapping("/plain/assets")
  List<AssetView> list(@RequestHeader("X-Client-Account-Id") UUID clientAccount,
      @RequestHeader("X-Engagement-Id") UUID engagement) {
    // The repository reads its WHERE clause's values from the bound tenant; nothing else uses the binding here.
    Tenant tenant = keys.tenant(clientAccount, engagement);
    return TenantContext.call(tenant, () ->
        assets.findAll().map(AssetView::of).sorted(Comparator.comparing(AssetView::hostname)).toList());
  }

  @Override
  public void destroy() {
    pool.close();
  }
}
