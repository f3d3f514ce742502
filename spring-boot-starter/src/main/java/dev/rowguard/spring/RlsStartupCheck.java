package dev.rowguard.spring;

import dev.rowguard.runtime.RlsRoleCheck;
import dev.rowguard.runtime.TenantBindingDataSource;
import org.springframework.beans.factory.InitializingBean;

/**
 * Runs {@link RlsRoleCheck} once the context's data source is ready and its migrations have run: a login that
 * would bypass row-level security (a superuser, BYPASSRLS, a table owner) or a table without the generated
 * policies fails the start-up with the check's report ({@code RlsBypassException}).
 */
final class RlsStartupCheck implements InitializingBean {
  private final RlsRoleCheck check;
  private final TenantBindingDataSource dataSource;

  RlsStartupCheck(RlsRoleCheck check, TenantBindingDataSource dataSource) {
    this.check = check;
    this.dataSource = dataSource;
  }

  @Override
  public void afterPropertiesSet() {
    check.verify(dataSource);
  }
}
