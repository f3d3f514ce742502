package dev.rowguard.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Connections with every tenant setting cleared, for {@link TenantBindingDataSource#withoutTenant(String)}. */
final class WithoutTenantDataSource extends DelegatingDataSource {
  private final TenantSettings settings;
  private final TenantBinding binding;
  private final String reason;

  WithoutTenantDataSource(DataSource delegate, TenantSettings settings, TenantBinding binding, String reason) {
    super(delegate);
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException(
          "withoutTenant needs a reason, e.g. withoutTenant(\"schema migration\"); it is how a reader finds out"
              + " why this code may run without a tenant");
    }
    this.settings = settings;
    this.binding = binding;
    this.reason = reason;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return TenantBoundConnection.open(
        delegate.getConnection(), settings, settings.cleared(), binding, description(), null);
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return TenantBoundConnection.open(
        delegate.getConnection(username, password), settings, settings.cleared(), binding, description(), null);
  }

  private String description() {
    return "without tenant: " + reason;
  }

  @Override
  public String toString() {
    return "WithoutTenantDataSource[" + reason + " over " + delegate + "]";
  }
}
