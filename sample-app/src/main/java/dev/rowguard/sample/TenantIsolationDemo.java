package dev.rowguard.sample;

import dev.rowguard.runtime.CrossTenantWriteException;
import dev.rowguard.runtime.RowguardSqlException;
import dev.rowguard.runtime.TenantBindingDataSource;
import dev.rowguard.runtime.TenantContext;
import dev.rowguard.runtime.TenantNotBoundException;
import dev.rowguard.runtime.TenantScope;
import dev.rowguard.sample.SampleData.TenantData;
import dev.rowguard.sample.data.AssetInventoryLine;
import dev.rowguard.sample.data.AssetRepository;
import dev.rowguard.sample.data.AssetRepositoryJdbc;
import dev.rowguard.sample.data.ClientAccountRepository;
import dev.rowguard.sample.data.ClientAccountRepositoryJdbc;
import dev.rowguard.sample.data.EngagementRepositoryJdbc;
import dev.rowguard.sample.data.Repositories;
import dev.rowguard.sample.domain.Asset;
import dev.rowguard.sample.domain.Asset.MappingStatus;
import dev.rowguard.sample.domain.Asset.SixRStrategy;
import dev.rowguard.sample.domain.AssetDependency;
import jakarta.data.exceptions.OptimisticLockingFailureException;
import jakarta.data.page.Page;
import jakarta.data.page.PageRequest;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Seeds two client accounts through the generated repositories, then shows from the application's side that
 * neither sees, changes or references the other's rows, and that nothing runs without a tenant.
 */
@SuppressWarnings("try") // tenant scopes are opened for their close(), not referenced
final class TenantIsolationDemo {
  private static final String ESCAPE_HATCH = "show what the escape hatch sees";
  /** The part of a CrossTenantWriteException's message that names the entity and the key, not the values. */
  private static final Pattern CARRIES = Pattern.compile("the \\w+ carries \\w+");

  /** What each row of the counts table counts, by table. */
  private record Count(String table, ToLongFunction<Repositories> rows) {}

  private static final List<Count> COUNTS = List.of(
      new Count("client_account", r -> r.clientAccounts().findAll().count()),
      new Count("engagement", r -> r.engagements().findAll().count()),
      new Count("asset", r -> r.assets().findAll().count()),
      new Count("asset_dependency", r -> r.assetDependencies().findAll().count()),
      new Count("data_import", r -> r.dataImports().findAll().count()),
      new Count("discovery_flow", r -> r.discoveryFlows().findAll().count()));

  private final TenantBindingDataSource dataSource;
  private final Repositories repositories;
  private final ClientAccountRepository ownersAccounts;
  private final PrintStream out;

  private TenantIsolationDemo(TenantBindingDataSource dataSource, DataSource owner, PrintStream out) {
    this.dataSource = dataSource;
    this.repositories = Repositories.on(dataSource);
    this.ownersAccounts = new ClientAccountRepositoryJdbc(owner);
    this.out = out;
  }

  /**
   * @param dataSource the application's pool, as the application login
   * @param owner the schema owner, for the administrative job of opening client accounts
   */
  static void run(TenantBindingDataSource dataSource, DataSource owner, PrintStream out) {
    TenantIsolationDemo demo = new TenantIsolationDemo(dataSource, owner, out);
    TenantData northwind = SampleData.northwind();
    TenantData contoso = SampleData.contoso();
    demo.seed(northwind, contoso);
    demo.printCounts(northwind, contoso);
    demo.work(northwind);
    demo.probe(northwind, contoso, contoso.asset("ehr-db-01"));
    demo.withoutATenant(northwind);
  }

  private void seed(TenantData... tenants) {
    // client_account is shared (not tenanted) and read-only for the application role: opening an account is
    // an administrative job, done by the schema owner.
    ownersAccounts.insertAll(Stream.of(tenants).map(TenantData::account).toList());
    out.println("Seeded " + tenants.length + " client accounts as the schema owner (shared tables are read-only "
        + "for the application role).");
    for (TenantData tenant : tenants) {
      try (TenantScope scope = TenantContext.bind(SampleApp.KEYS.tenant(tenant.account().id()))) {
        repositories.engagements().insert(tenant.engagement());
      }
      in(tenant, () -> {
        repositories.assets().insertAll(tenant.assets());
        repositories.assetDependencies().insertAll(tenant.dependencies());
        repositories.dataImports().insertAll(tenant.dataImports());
        repositories.discoveryFlows().insertAll(tenant.discoveryFlows());
      });
      out.printf("  %s: engagement \"%s\" (bound: client level); %d assets, %d dependency, %d data import,"
          + " %d discovery flow, each list in one batch (bound: client and engagement)%n",
          tenant.name(), tenant.engagement().name(), tenant.assets().size(), tenant.dependencies().size(),
          tenant.dataImports().size(), tenant.discoveryFlows().size());
    }
  }

  private void printCounts(TenantData first, TenantData second) {
    out.println();
    out.println("Rows each tenant sees through the repositories' findAll(), bound to its engagement:");
    out.printf("  %-18s %20s %20s%n", "table", first.name(), second.name());
    for (Count count : COUNTS) {
      out.printf("  %-18s %20d %20d%s%n", count.table(), in(first, () -> count.rows().applyAsLong(repositories)),
          in(second, () -> count.rows().applyAsLong(repositories)),
          count.table().equals("client_account") ? "   (shared, not tenanted)" : "");
    }
  }

  /** The repositories' queries and writes, as a tenant's everyday work. */
  private void work(TenantData tenant) {
    out.println();
    out.println(tenant.name() + " at work, bound to its engagement:");
    AssetRepository assets = repositories.assets();
    in(tenant, () -> {
      line("findBySixRStrategyOrderByHostname(REPLATFORM)",
          hostnames(assets.findBySixRStrategyOrderByHostname(SixRStrategy.REPLATFORM)));
      Page<Asset> page = assets.byHostname(PageRequest.ofSize(2));
      line("byHostname(PageRequest.ofSize(2))", hostnames(page.content()) + " (" + page.totalElements()
          + " assets, next page: " + (page.hasNext() ? "yes" : "no") + ")");
      line("countByMappingStatus(each status)", Stream.of(MappingStatus.values())
          .map(status -> label(status) + " " + assets.countByMappingStatus(status))
          .collect(Collectors.joining(", ")));
      List<AssetInventoryLine> inventory = assets.inventory();
      for (int i = 0; i < inventory.size(); i++) {
        AssetInventoryLine item = inventory.get(i);
        line(i == 0 ? "inventory(), a record projection" : "", String.format("%-21s %-11s %-9s %s",
            item.applicationName(), item.hostname(), label(item.assetType()), label(item.sixRStrategy())));
      }
      Asset database = tenant.asset("dal-db-01");
      for (AssetDependency dependency : repositories.assetDependencies().findByDependency(database)) {
        // A reference holds only the key; the asset itself is one findById away.
        String dependent = assets.findById(dependency.getDependent().getId()).map(Asset::getHostname).orElse("?");
        line("findByDependency(dal-db-01)", "needed by " + dependent + " (" + label(dependency.getKind()) + ", "
            + dependency.getProtocol() + " " + dependency.getPort() + ")");
      }

      Asset web = assets.findByHostname("dal-web-01").orElseThrow();
      Asset stale = assets.findByHostname("dal-web-01").orElseThrow();
      long before = web.getVersion();
      web.setMigrationWave(1);
      assets.update(web);
      line("update(dal-web-01 into wave 1)", "version " + before + " -> " + web.getVersion());
      stale.setMigrationWave(2);
      line("update(a copy read before, version " + stale.getVersion() + ")", refusal(() -> assets.update(stale)));
      line("deleteByHostname(\"dal-ftp-01\"), retired", deleted(assets.deleteByHostname("dal-ftp-01")));
    });
  }

  private void probe(TenantData tenant, TenantData other, Asset target) {
    out.println();
    out.printf("%s, bound to its engagement, tries %s's asset %s:%n", tenant.name(), other.name(),
        target.getHostname());
    AssetRepository assets = repositories.assets();
    // The other tenant's row as that tenant reads it, keys cleared: only the statement and the policies stop it.
    Asset borrowed = in(other, () -> assets.findById(target.getId()).orElseThrow());
    borrowed.setClientAccountId(null);
    borrowed.setEngagementId(null);
    borrowed.setMigrationWave(9);
    Asset forged = new Asset(UUID.randomUUID(), "planted-01", Asset.AssetType.SERVER);
    forged.setClientAccountId(other.account().id());
    forged.setEngagementId(other.engagement().id());
    Asset reference = new Asset();
    reference.setId(target.getId());
    AssetDependency dependency = new AssetDependency(UUID.randomUUID(), tenant.assets().get(0), reference,
        AssetDependency.Kind.API);
    in(tenant, () -> {
      line("findById(its id)", assets.findById(target.getId()).map(a -> "FOUND").orElse("empty"));
      line("findByHostname(\"" + target.getHostname() + "\")",
          assets.findByHostname(target.getHostname()).map(a -> "FOUND").orElse("empty"));
      line("update(its row, tenant keys cleared)", refusal(() -> assets.update(borrowed)));
      line("delete(its row, tenant keys cleared)", refusal(() -> assets.delete(borrowed)));
      line("deleteByHostname(\"" + target.getHostname() + "\")",
          deleted(assets.deleteByHostname(target.getHostname())));
      line("insert(an asset with " + other.name() + "'s keys)", refusal(() -> assets.insert(forged)));
      line("insert(a dependency on " + target.getHostname() + ")",
          refusal(() -> repositories.assetDependencies().insert(dependency)));
    });
    line("", "(foreign-key checks see past row-level security, so a plain key on id would have accepted it;");
    line("", " no asset (" + tenant.name() + ", its engagement, " + target.getHostname() + ") exists, and the"
        + " message names no key values)");
    out.printf("  %s still sees %s: %s%n", other.name(), target.getHostname(),
        in(other, () -> assets.findById(target.getId()))
            .map(stored -> "version " + stored.getVersion()
                + (stored.getVersion() == target.getVersion() && stored.getMigrationWave() == null
                    ? ", unchanged" : ", CHANGED"))
            .orElse("GONE"));
  }

  private void withoutATenant(TenantData tenant) {
    out.println();
    try {
      repositories.assets().findAll();
      out.println("No tenant bound: assets.findAll() ran, which should not happen");
    } catch (TenantNotBoundException e) {
      out.println("No tenant bound: assets.findAll() threw TenantNotBoundException before taking a connection: "
          + firstSentence(e.getMessage()));
    }
    // Repositories on the escape hatch: the tenant is bound in Java, but the connections carry none.
    DataSource escapeHatch = dataSource.withoutTenant(ESCAPE_HATCH);
    long assets = in(tenant, () -> new AssetRepositoryJdbc(escapeHatch).findAll().count());
    long engagements = in(tenant, () -> new EngagementRepositoryJdbc(escapeHatch).findAll().count());
    out.printf("withoutTenant(\"%s\"), %s bound: %d assets, %d engagements visible%n", ESCAPE_HATCH,
        tenant.name(), assets, engagements);
  }

  private void line(String label, String result) {
    out.printf("  %-48s %s%n", label, result);
  }

  private static <T> T in(TenantData tenant, Supplier<T> work) {
    try (TenantScope scope = TenantContext.bind(
        SampleApp.KEYS.tenant(tenant.account().id(), tenant.engagement().id()))) {
      return work.get();
    }
  }

  private static void in(TenantData tenant, Runnable work) {
    in(tenant, () -> {
      work.run();
      return null;
    });
  }

  private static String deleted(long rows) {
    return rows + (rows == 1 ? " row deleted" : " rows deleted");
  }

  private static String hostnames(List<Asset> assets) {
    return assets.stream().map(Asset::getHostname).collect(Collectors.joining(", "));
  }

  /** A constant as the report prints it. */
  private static String label(Enum<?> value) {
    return value == null ? "-" : value.name().toLowerCase(Locale.ROOT);
  }

  /** Why the write was refused, or a warning if it went through. */
  private static String refusal(Runnable write) {
    try {
      write.run();
      return "ACCEPTED (isolation is broken)";
    } catch (OptimisticLockingFailureException e) {
      // "…: Asset <id> was not updated: no row with its key and version for the bound tenant"
      return "refused: OptimisticLockingFailureException, " + e.getMessage().substring(
          e.getMessage().lastIndexOf(": ") + 2);
    } catch (CrossTenantWriteException e) {
      Matcher carries = CARRIES.matcher(e.getMessage());
      return "refused before the INSERT: CrossTenantWriteException, "
          + (carries.find() ? carries.group() + " of another tenant" : e.getMessage());
    } catch (RowguardSqlException e) {
      return "rejected: SQL state " + e.getSQLState() + ", "
          + firstLine(e.getCause().getMessage()).replaceFirst("^ERROR: ", "");
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
