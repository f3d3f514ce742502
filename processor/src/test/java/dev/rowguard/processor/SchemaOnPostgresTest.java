package dev.rowguard.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import dev.rowguard.postgres.Database;
import dev.rowguard.postgres.PostgresExtension;
import dev.rowguard.schema.CheckConstraint;
import dev.rowguard.schema.ForeignKey;
import dev.rowguard.schema.Index;
import dev.rowguard.schema.Key;
import dev.rowguard.schema.Schema;
import dev.rowguard.schema.SchemaJson;
import dev.rowguard.schema.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** The generated script against a real PostgreSQL: it applies, and the server holds exactly what it says. */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchemaOnPostgresTest {
  private Database database;
  private Schema catalog;
  private Schema inventory;
  private Schema tenancy;

  @BeforeAll
  void applyFixtures(Database database) {
    this.database = database;
    catalog = apply("catalog");
    inventory = apply("inventory");
    tenancy = apply("tenancy");
  }

  private Schema apply(String fixture) {
    Compilation compilation = Compilations.compile(Compilations.fixture(fixture));
    assertThat(compilation).succeeded();
    database.executeScript(Compilations.schemaSql(compilation));
    return SchemaJson.read(Compilations.schemaJson(compilation));
  }

  @Test
  void constraintNamesOnTheServerAreTheGeneratedOnes() throws SQLException {
    for (Schema schema : new Schema[] {catalog, inventory, tenancy}) {
      for (Table table : schema.tables()) {
        Set<String> expected = new HashSet<>();
        expected.add(table.primaryKey().name());
        table.uniqueKeys().stream().map(Key::name).forEach(expected::add);
        table.foreignKeys().stream().map(ForeignKey::name).forEach(expected::add);
        table.checks().stream().map(CheckConstraint::name).forEach(expected::add);
        // PostgreSQL 18 also lists NOT NULL constraints (contype 'n'); Rowguard leaves those to the server.
        assertThat(strings("SELECT conname FROM pg_constraint WHERE conrelid = ?::regclass AND contype <> 'n'",
            table.name().sql()))
            .containsExactlyElementsIn(expected);
      }
    }
  }

  @Test
  void indexNamesOnTheServerAreTheGeneratedOnes() throws SQLException {
    for (Schema schema : new Schema[] {catalog, inventory, tenancy}) {
      for (Table table : schema.tables()) {
        Set<String> expected = new HashSet<>();
        expected.add(table.primaryKey().name());
        table.uniqueKeys().stream().map(Key::name).forEach(expected::add);
        table.indexes().stream().map(Index::name).forEach(expected::add);
        assertThat(strings("SELECT indexname FROM pg_indexes WHERE schemaname = ? AND tablename = ?",
            table.name().schema(), table.name().name()))
            .containsExactlyElementsIn(expected);
      }
    }
  }

  @Test
  void longNamesAreShortenedBeforeTheServerWouldTruncateThem() throws SQLException {
    Table longNames = inventory.tables().stream()
        .filter(t -> t.name().name().startsWith("warehouse_replenishment")).findFirst().orElseThrow();
    assertThat(longNames.foreignKeys().get(0).name())
        .isEqualTo("fk_warehouse_replenishment_replenishment_warehouse_id_bceeb4de");
    assertThat(longNames.foreignKeys().get(0).name().length()).isAtMost(63);
    assertThat(strings("SELECT conname FROM pg_constraint WHERE conrelid = ?::regclass AND contype = 'f'",
        longNames.name().sql()))
        .containsExactly(longNames.foreignKeys().get(0).name());
  }

  @Test
  void enumCheckRejectsAValueOutsideTheEnumAndAcceptsLegacyValues() throws SQLException {
    try (Connection connection = database.ownerDataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("INSERT INTO shop.customer (id, email) VALUES ('00000000-0000-0000-0000-000000000001', 'a@b.c')");
      String insert = "INSERT INTO shop.purchase_order (customer_id, status, total, line_count, version) "
          + "VALUES ('00000000-0000-0000-0000-000000000001', '%s', 10, 1, 0)";
      statement.execute(String.format(insert, "shipped_out"));
      statement.execute(String.format(insert, "cancelled_by_system"));
      SQLException rejected =
          assertThrows(SQLException.class, () -> statement.execute(String.format(insert, "SHIPPED")));
      assertThat(rejected.getSQLState()).isEqualTo("23514");
      assertThat(rejected.getMessage()).contains("ck_purchase_order_status");
    }
  }

  @Test
  void javadocBecomesTableAndColumnComments() throws SQLException {
    assertThat(strings("SELECT obj_description('shop.customer'::regclass, 'pg_class')"))
        .containsExactly("A customer who places orders.");
    assertThat(strings("SELECT col_description('shop.customer'::regclass, "
        + "(SELECT attnum FROM pg_attribute WHERE attrelid = 'shop.customer'::regclass AND attname = 'email'))"))
        .containsExactly("Login e-mail, unique per shop.");
    assertThat(strings("SELECT obj_description('inventory.warehouse'::regclass, 'pg_class')"))
        .containsExactly("A warehouse; the owner's name may contain 'quotes'.");
  }

  @Test
  void tenantedTablesHaveForcedRowLevelSecurityAndSharedOnesDoNot() throws SQLException {
    assertThat(strings("SELECT c.relname || ':' || c.relrowsecurity || ':' || c.relforcerowsecurity FROM pg_class c "
        + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'work' AND c.relkind = 'r'"))
        .containsExactly("project:true:true", "region:false:false", "task:true:true");
    assertThat(strings("SELECT tablename || ':' || policyname || ':' || cmd || ':' || qual || ':' || with_check "
        + "FROM pg_policies WHERE schemaname = 'work' AND tablename = 'task'"))
        .containsExactly("task:tenant_isolation:ALL:(tenant_id = ( SELECT (NULLIF(current_setting('rowguard.tenant_id'::text, true), ''::text))::uuid AS \"nullif\")):"
            + "(tenant_id = ( SELECT (NULLIF(current_setting('rowguard.tenant_id'::text, true), ''::text))::uuid AS \"nullif\"))");
  }

  @Test
  void referencesBetweenTenantedTablesGoThroughTheTenantKey() throws SQLException {
    assertThat(strings("SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint "
        + "WHERE conrelid = 'work.task'::regclass AND contype IN ('f', 'u') ORDER BY conname"))
        .containsExactly(
            "fk_task_parent_id FOREIGN KEY (tenant_id, parent_id) REFERENCES work.task(tenant_id, id)",
            "fk_task_project_id FOREIGN KEY (tenant_id, project_id) REFERENCES work.project(tenant_id, id)",
            "uq_task_id UNIQUE (tenant_id, id)");
    assertThat(strings("SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint "
        + "WHERE conrelid = 'work.project'::regclass AND contype IN ('f', 'u') ORDER BY conname"))
        .containsExactly(
            "fk_project_region_code FOREIGN KEY (region_code) REFERENCES work.region(code)",
            "uq_project_id UNIQUE (tenant_id, id)",
            "uq_project_name UNIQUE (tenant_id, name)");
    assertThat(strings("SELECT indexname FROM pg_indexes WHERE schemaname = 'work' AND tablename = 'project' "
        + "AND indexname LIKE 'ix_%' ORDER BY indexname"))
        .containsExactly("ix_project_region_code", "ix_project_status");
  }

  @Test
  void theApplicationRoleWritesTenantedTablesReadsSharedOnesAndOwnsNothing() throws SQLException {
    assertThat(strings("SELECT rolcanlogin::text FROM pg_roles WHERE rolname = 'rowguard_app'")).containsExactly("false");
    assertThat(strings("SELECT count(*)::text FROM pg_class WHERE relowner = 'rowguard_app'::regrole")).containsExactly("0");
    assertThat(strings("SELECT string_agg(privilege_type, ',' ORDER BY privilege_type) FROM "
        + "information_schema.role_table_grants WHERE grantee = 'rowguard_app' AND table_schema = 'work' "
        + "AND table_name = 'task'"))
        .containsExactly("DELETE,INSERT,SELECT,UPDATE");
    assertThat(strings("SELECT string_agg(privilege_type, ',' ORDER BY privilege_type) FROM "
        + "information_schema.role_table_grants WHERE grantee = 'rowguard_app' AND table_schema = 'work' "
        + "AND table_name = 'region'"))
        .containsExactly("SELECT");
  }

  @Test
  void noNativeEnumTypesAreCreated() throws SQLException {
    assertThat(strings("SELECT typname FROM pg_type WHERE typtype = 'e'")).isEmpty();
  }

  @Test
  void theAppRoleWritesTenantedTablesOnlyReadsSharedOnesAndWritesEveryTableOfAModelWithoutTenancy()
      throws SQLException {
    String privileges = "SELECT string_agg(privilege_type, ',' ORDER BY privilege_type)"
        + " FROM information_schema.role_table_grants"
        + " WHERE grantee = 'rowguard_app' AND table_schema = ? AND table_name = ?";
    for (Table table : catalog.tables()) {
      assertThat(strings(privileges, table.name().schema(), table.name().name()))
          .containsExactly("DELETE,INSERT,SELECT,UPDATE");
    }
    for (Table table : tenancy.tables()) {
      assertThat(strings(privileges, table.name().schema(), table.name().name()))
          .containsExactly(table.tenanted() ? "DELETE,INSERT,SELECT,UPDATE" : "SELECT");
    }
  }

  private java.util.List<String> strings(String sql, String... parameters) throws SQLException {
    try (Connection connection = database.ownerDataSource().getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setString(i + 1, parameters[i]);
      }
      java.util.List<String> values = new java.util.ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          values.add(rows.getString(1));
        }
      }
      return values;
    }
  }
}
