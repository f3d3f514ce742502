package dev.rowguard.spring;

import dev.rowguard.runtime.RlsBypassException;
import dev.rowguard.runtime.RlsRoleCheck;
import dev.rowguard.runtime.SchemaVerifier;
import dev.rowguard.runtime.TenantBindingDataSource;
import dev.rowguard.runtime.verify.Difference;
import dev.rowguard.runtime.verify.VerificationResult;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The row-level security check's result and, with the model on the class path, the schema verification's as
 * Actuator health ({@code rowguard}): up when the application's login is subject to every generated policy and the
 * database matches the model, down with the role and each problem, or each difference, otherwise. Both run on each
 * call, so a role, table or policy changed after start-up shows.
 */
final class RowguardHealthIndicator extends AbstractHealthIndicator {
  private final RlsRoleCheck check;
  private final TenantBindingDataSource dataSource;
  private final SchemaVerifier verifier; // null: no model, or verification turned off
  private final CatalogDataSource catalog;

  RowguardHealthIndicator(RlsRoleCheck check, TenantBindingDataSource dataSource, SchemaVerifier verifier,
      CatalogDataSource catalog) {
    super("Rowguard's row-level security check failed");
    this.check = check;
    this.dataSource = dataSource;
    this.verifier = verifier;
    this.catalog = catalog;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    builder.up();
    try {
      check.verify(dataSource);
      builder.withDetail("rowLevelSecurity", "enforced").withDetail("tenantKeys", dataSource.keys().columns());
    } catch (RlsBypassException e) {
      builder.down().withDetail("role", e.role()).withDetail("problems", e.problems());
    }
    if (verifier != null) {
      VerificationResult result = verifier.check(catalog.get());
      if (result.matches()) {
        builder.withDetail("schema", "matches the model");
      } else {
        builder.down().withDetail("schemaDifferences", result.differences().stream().map(Difference::describe).toList());
      }
    }
  }
}
