package dev.rowguard.spring;

import dev.rowguard.runtime.RlsBypassException;
import dev.rowguard.runtime.RlsRoleCheck;
import dev.rowguard.runtime.TenantBindingDataSource;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The row-level security check's result as Actuator health ({@code rowguard}): up when the application's login is
 * subject to every generated policy, down with the role and each problem otherwise. It runs the check on each
 * call, so a role or table changed after start-up shows.
 */
final class RowguardHealthIndicator extends AbstractHealthIndicator {
  private final RlsRoleCheck check;
  private final TenantBindingDataSource dataSource;

  RowguardHealthIndicator(RlsRoleCheck check, TenantBindingDataSource dataSource) {
    super("Rowguard's row-level security check failed");
    this.check = check;
    this.dataSource = dataSource;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    try {
      check.verify(dataSource);
      builder.up().withDetail("rowLevelSecurity", "enforced").withDetail("tenantKeys", dataSource.keys().columns());
    } catch (RlsBypassException e) {
      builder.down().withDetail("role", e.role()).withDetail("problems", e.problems());
    }
  }
}
