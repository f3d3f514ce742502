package dev.rowguard.sample;

import dev.rowguard.runtime.TenantBindingDataSource;
import dev.rowguard.runtime.TenantContext;
import dev.rowguard.runtime.TenantNotBoundException;
import dev.rowguard.runtime.TenantScope;
import dev.rowguard.sample.SampleData.AssetRow;
import dev.rowguard.sample.SampleData.DependencyRow;
import dev.rowguard.sample.SampleData.TenantData;
import dev.rowguard.sample.domain.Asset;
import dev.rowguard.sample.domain.AssetDependency;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Seeds two client accounts through the tenant-binding data source, then shows from the application's side
 * that neither sees, changes or references the other's rows, and that nothing runs without a tenant.
 */
@SuppressWarnings("try") // tenant scopes are opened for their close(), not referenced
final class TenantIsolationDemo {
  private final TenantBindingDataSource dataSource;
  private final DataSource owner;
  private final PrintStream out;

  private TenantIsolationDemo(TenantBindingDataSource dataSource, DataSource owner, PrintStream out) {
    this.owner = owner;
    this.dataSource = dataSource;
    this.out = out;
  }

  /**
   * @param dataSource the application's pool, as the application login
   * @param owner the schema owner, for the administrative job of opening client accounts
   */
  static void run(TenantBindingDataSource dataSource, DataSource owner, PrintStream out) throws SQLException {
    TenantIsolationDemo demo = new TenantIsolationDemo(dataSource, owner, out);
    TenantData northwind = SampleData.northwind();
    TenantData contoso = SampleData.contoso();
    demo.seed(northwind, contoso);
    demo.printCounts(northwind, contoso);
    demo.probe(northwind, contoso, contoso.asset("ehr-db-01"));
    demo.withoutATenant();
  }

  private void seed(TenantData... tenants) throws SQLException {
    // client_account is shared (not tenanted) and read-only for the application role: opening an account is
    // an administrative job, done by the schema owner.
    try (Connection connection = owner.getConnection()) {
      for (TenantData tenant : tenants) {
        MigrationJdbc.insert(connection, tenant.account());
      }
    }
    out.println("Seeded " + tenants.length + " client accounts as the schema owner (shared tables are read-only "
        + "for the application role).");
    for (TenantData tenant : tenants) {
      UUID client = tenant.account().id();
      UUID engagement = tenant.engagement().id();
      try (TenantScope scope = TenantContext.bind(SampleApp.KEYS.tenant(client));
          Connection connection = dataSource.getConnection()) {
        MigrationJdbc.insert(connection, tenant.engagement());
      }
      try (TenantScope scope = TenantContext.bind(SampleApp.KEYS.tenant(client, engagement));
          Connection connection = dataSource.getConnection()) {
        connection.setAutoCommit(false);
        for (AssetRow asset : tenant.assets()) {
          MigrationJdbc.insert(connection, client, engagement, asset);
        }
        MigrationJdbc.insert(connection, client, engagement, tenant.dependency());
        MigrationJdbc.insert(connection, client, engagement, tenant.dataImport());
        MigrationJdbc.insert(connection, client, engagement, tenant.flow());
        connection.commit();
      }
      out.printf("  %s: engagement \"%s\" (bound: client level); %d assets, 1 dependency, 1 data import,"
          + " 1 discovery flow (bound: client and engagement)%n",
          tenant.name(), tenant.engagement().name(), tenant.assets().size());
    }
  }

  private void printCounts(TenantData first, TenantData second) throws SQLException {
    out.println();
    out.println("Rows each tenant sees, bound to its engagement:");
    out.printf("  %-18s %20s %20s%n", "table", first.name(), second.name());
    for (String table : tables()) {
      out.printf("  %-18s %20d %20d%s%n", table, count(first, table), count(second, table),
          table.equals("client_account") ? "   (shared, not tenanted)" : "");
    }
  }

  private static List<String> tables() {
    return Stream.concat(Stream.of("client_account"), MigrationJdbc.TENANTED_TABLES.stream()).toList();
  }

  private long count(TenantData tenant, String table) throws SQLException {
    try (TenantScope scope = bind(tenant);
        Connection connection = dataSource.getConnection()) {
      return MigrationJdbc.count(connection, table);
    }
  }

  private void probe(TenantData tenant, TenantData other, AssetRow target) throws SQLException {
    out.println();
    out.printf("%s, bound to its engagement, tries %s's asset %s by id:%n", tenant.name(), other.name(),
        target.hostname());
    UUID client = tenant.account().id();
    UUID engagement = tenant.engagement().id();
    try (TenantScope scope = bind(tenant);
        Connection connection = dataSource.getConnection()) {
      line("SELECT", MigrationJdbc.assetHostnames(connection, target.id()).size() + " rows");
      line("UPDATE", MigrationJdbc.postponeAsset(connection, target.id()) + " rows affected");
      line("DELETE", MigrationJdbc.deleteAsset(connection, target.id()) + " rows affected");
      AssetRow forged = new AssetRow(UUID.randomUUID(), "planted-01", null, Asset.AssetType.SERVER, null, null, 1,
          BigDecimal.ONE, BigDecimal.ONE, null, null, null, null, 0, 0, false);
      line("INSERT an asset with " + other.name() + "'s keys", refusal(() ->
          MigrationJdbc.insert(connection, other.account().id(), other.engagement().id(), forged)));
      DependencyRow reference = new DependencyRow(UUID.randomUUID(), tenant.assets().get(0).id(), target.id(),
          AssetDependency.Kind.API, "https", 443);
      line("INSERT a dependency on " + target.hostname(), refusal(() ->
          MigrationJdbc.insert(connection, client, engagement, reference)));
      line("", "(foreign-key checks see past row-level security, so a plain key on id would have accepted it;");
      line("", " no asset (" + tenant.name() + ", its engagement, " + target.hostname() + ") exists, and the"
          + " message names no key values)");
    }
    try (TenantScope scope = bind(other);
        Connection connection = dataSource.getConnection()) {
      out.printf("  %s still sees %s: %s%n", other.name(), target.hostname(),
          MigrationJdbc.assetVersion(connection, target.id())
              .map(version -> "version " + version + (version == 1 ? ", unchanged" : ", CHANGED"))
              .orElse("GONE"));
    }
  }

  private void withoutATenant() throws SQLException {
    out.println();
    try (Connection connection = dataSource.getConnection()) {
      out.println("No tenant bound: got a connection, which should not happen");
    } catch (TenantNotBoundException e) {
      out.println("No tenant bound: TenantNotBoundException: " + firstSentence(e.getMessage()));
    }
    try (Connection connection = dataSource.withoutTenant("show what the escape hatch sees").getConnection()) {
      out.printf("withoutTenant(\"show what the escape hatch sees\"): %d assets, %d engagements visible%n",
          MigrationJdbc.count(connection, "asset"), MigrationJdbc.count(connection, "engagement"));
    }
  }

  private void line(String label, String result) {
    out.printf("  %-44s %s%n", label, result);
  }

  private static TenantScope bind(TenantData tenant) {
    return TenantContext.bind(SampleApp.KEYS.tenant(tenant.account().id(), tenant.engagement().id()));
  }

  private interface Statement {
    void execute() throws SQLException;
  }

  /** "rejected: SQL state …, message", or a warning if the statement went through. */
  private static String refusal(Statement statement) {
    try {
      statement.execute();
      return "ACCEPTED (isolation is broken)";
    } catch (SQLException e) {
      return "rejected: SQL state " + e.getSQLState() + ", " + firstLine(e.getMessage()).replaceFirst("^ERROR: ", "");
    }
  }

  private static String firstLine(String text) {
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end);
  }

  private static String firstSentence(String text) {
    int end = text.indexOf(". ");
    return end < 0 ? text : text.substring(0, end + 1);
  }
}
