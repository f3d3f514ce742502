package dev.rowguard.sample;

import dev.rowguard.postgres.CitusClusterAddress;
import dev.rowguard.runtime.TenantBinding;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The Citus cluster the {@code -Pcitus} tests run against ({@link CitusClusterAddress}). {@link #withFreshSchema()}
 * drops the sample's schema and applies the generated {@code schema.sql} (built with {@code
 * -Arowguard.target=citus}) as that owner, and logs the application in as {@value #LOGIN}: a member of the application role, no owner, no
 * superuser, so row-level security applies to it on every node.
 */
final class CitusCluster {
  static final String LOGIN = "rowguard_citus_login";
  private static final String LOGIN_PASSWORD = "rowguard-citus-login";

  final DataSource owner;
  final DataSource appLogin;

  private CitusCluster(DataSource owner, DataSource appLogin) {
    this.owner = owner;
    this.appLogin = appLogin;
  }

  static CitusCluster withFreshSchema() throws SQLException {
    CitusClusterAddress cluster = CitusClusterAddress.fromEnvironment();
    DataSource owner = cluster.superuser();
    String script = GeneratedSchema.script();
    if (!script.contains("create_distributed_table(")) {
      throw new IllegalStateException("the sample's schema.sql is not Citus's: build it with -Pcitus "
          + "(-Arowguard.target=citus)");
    }
    try (Connection connection = owner.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + SampleApp.SCHEMA + " CASCADE");
    }
    CitusClusterAddress.executeInOneTransaction(owner, script);
    try (Connection connection = owner.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + LOGIN + "') THEN "
          + "CREATE ROLE " + LOGIN + " LOGIN PASSWORD '" + LOGIN_PASSWORD + "'; END IF; END $$");
      statement.execute("GRANT rowguard_app TO " + LOGIN);
    }
    return new CitusCluster(owner, cluster.as(LOGIN, LOGIN_PASSWORD));
  }

  /** The application's pooled, tenant-binding data source with Citus's binding; {@code seed} for its keys. */
  PooledSampleDatabase pooled(long seed) {
    return pooled(appLogin, seed);
  }

  /** As {@link #pooled(long)}, the application logging in through {@code login}. */
  PooledSampleDatabase pooled(DataSource login, long seed) {
    return new PooledSampleDatabase(owner, login, TenantBinding.transactionScoped(), seed);
  }
}
