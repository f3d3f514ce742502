package dev.rowguard.test;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rowguard.runtime.RlsRoleCheck;
import dev.rowguard.runtime.Tenant;
import dev.rowguard.runtime.TenantBindingDataSource;
import dev.rowguard.runtime.TenantContext;
import dev.rowguard.runtime.TenantKeyLevel;
import dev.rowguard.runtime.TenantKeys;
import dev.rowguard.runtime.TenantNotBoundException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** What a test of an application gets from {@link RowguardTest}, on the tenancy fixture's generated schema. */
@RowguardTest
class RowguardDatabaseTest {
  @Test
  void theGeneratedSchemaIsAppliedAndTheApplicationLoginIsSubjectToRowLevelSecurity(RowguardDatabase database) {
    RlsRoleCheck.forSchemas("work").verify(database.tenantDataSource());
    assertThat(database.model().tables()).hasSize(3);
  }

  @Test
  void theTenantKeysAreTheModels(RowguardDatabase database) {
    assertThat(database.keys()).isEqualTo(TenantKeys.of(TenantKeyLevel.uuid("tenant_id")));
  }

  @Test
  void aTenantSeesItsOwnRowsOnlyAndNoTenantSeesNone(RowguardDatabase database) throws SQLException {
    TenantBindingDataSource dataSource = database.tenantDataSource();
    Tenant first = database.keys().tenant(UUID.randomUUID());
    Tenant second = database.keys().tenant(UUID.randomUUID());
    TenantContext.run(first, () -> insertProject(dataSource, first, "apollo"));
    TenantContext.run(second, () -> insertProject(dataSource, second, "gemini"));

    assertThat(TenantContext.call(first, () -> projects(dataSource))).isEqualTo(1);
    assertThat(projects(database.appLogin())).isEqualTo(0);
    assertThat(projects(database.owner())).isEqualTo(2);
    assertThrows(TenantNotBoundException.class, dataSource::getConnection);
  }

  @Test
  void everyParameterIsADatabaseOfItsOwn(RowguardDatabase one, RowguardDatabase other) throws SQLException {
    assertThat(one.name()).isNotEqualTo(other.name());
    Tenant tenant = one.keys().tenant(UUID.randomUUID());
    TenantContext.run(tenant, () -> insertProject(one.tenantDataSource(), tenant, "mercury"));
    assertThat(projects(other.owner())).isEqualTo(0);
  }

  private static void insertProject(DataSource dataSource, Tenant tenant, String name) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement(
            "INSERT INTO work.project (id, tenant_id, name) VALUES (?, ?, ?)")) {
      insert.setObject(1, UUID.randomUUID());
      insert.setObject(2, tenant.values().get(0));
      insert.setString(3, name);
      insert.executeUpdate();
    }
  }

  private static int projects(DataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM work.project");
        ResultSet row = count.executeQuery()) {
      row.next();
      return row.getInt(1);
    }
  }
}
