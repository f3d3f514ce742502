package dev.rowguard.runtime;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.rowguard.postgres.DevPostgres.ServerAddress;

/** HikariCP pools as an application would configure them, sized small so that connections are reused. */
final class TestPools {
  private TestPools() {}

  static HikariDataSource singleConnection(ServerAddress login) {
    return pool(login, true);
  }

  static HikariDataSource singleConnectionManualCommit(ServerAddress login) {
    return pool(login, false);
  }

  private static HikariDataSource pool(ServerAddress login, boolean autoCommit) {
    HikariConfig config = new HikariConfig();
    // Through the driver's DataSource: the embedded server's URL carries ?user=postgres, which DriverManager
    // would prefer to a configured user name, logging the "application" in as the superuser.
    config.setDataSource(login.dataSource());
    config.setMaximumPoolSize(1);
    config.setAutoCommit(autoCommit);
    config.setPoolName("rowguard-test-" + login.user());
    return new HikariDataSource(config);
  }
}
