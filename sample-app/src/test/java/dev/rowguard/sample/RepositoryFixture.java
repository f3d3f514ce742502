package dev.rowguard.sample;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.rowguard.runtime.Tenant;
import dev.rowguard.runtime.TenantContext;
import dev.rowguard.runtime.TenantScope;
import dev.rowguard.sample.SampleData.TenantData;
import dev.rowguard.sample.data.ClientAccountRepositoryJdbc;
import dev.rowguard.sample.data.Repositories;
import dev.rowguard.sample.domain.Asset;
import dev.rowguard.sample.domain.Engagement;
import dev.rowguard.schema.Table;
import dev.rowguard.test.RowguardDatabase;
import jakarta.data.repository.CrudRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/**
 * Three tenants seeded through the repositories: {@link #a}, whom the tests act as; {@link #b}, another client
 * account; and {@link #c}, another engagement of a's account whose hosts have a's names. Reads back as the owner
 * what the application must not reach.
 */
@SuppressWarnings("try") // tenant scopes are opened for their close(), not referenced
final class RepositoryFixture implements AutoCloseable {
  final PooledSampleDatabase app;
  final DataSource owner;
  final TenantData a;
  final TenantData b;
  final TenantData c;
  /** The application's repositories, for the cases that call one by name. */
  final Repositories repositories;
  final Map<Class<?>, RepositorySubject<?>> subjects;
  private final AtomicInteger scratch = new AtomicInteger();

  RepositoryFixture(RowguardDatabase database) {
    this(new PooledSampleDatabase(database, 7_000L), database.owner());
  }

  RepositoryFixture(PooledSampleDatabase app, DataSource owner) {
    this.app = app;
    this.owner = owner;
    a = SampleData.northwind();
    b = SampleData.contoso();
    c = sibling(a, SampleData.northwind());
    // The others' runs start later: a query for the latest run that leaked them would return theirs.
    for (TenantData other : List.of(b, c)) {
      other.discoveryFlows().forEach(flow -> flow.setStartedAt(SampleData.DISCOVERED_AT.plus(Duration.ofDays(1))));
    }
    repositories = Repositories.on(app.dataSource);
    seed();
    subjects = RepositorySubjects.of(this);
  }

  /** {@code copy}'s rows under a second engagement of {@code tenant}'s client account. */
  private static TenantData sibling(TenantData tenant, TenantData copy) {
    Engagement e = copy.engagement();
    return new TenantData(tenant.account(), new Engagement(e.id(), tenant.account().id(), "Dallas DC2 exit",
        e.status(), e.targetCloud(), e.startDate(), e.plannedEndDate(), null), copy.assets(), copy.dependencies(),
        copy.dataImports(), copy.discoveryFlows());
  }

  private void seed() {
    new ClientAccountRepositoryJdbc(owner).insertAll(List.of(a.account(), b.account()));
    for (TenantData tenant : List.of(a, b, c)) {
      try (TenantScope scope = TenantContext.bind(SampleApp.KEYS.tenant(tenant.account().id()))) {
        repositories.engagements().insert(tenant.engagement());
      }
      as(tenant, () -> {
        repositories.assets().insertAll(tenant.assets());
        repositories.assetDependencies().insertAll(tenant.dependencies());
        repositories.dataImports().insertAll(tenant.dataImports());
        repositories.discoveryFlows().insertAll(tenant.discoveryFlows());
      });
    }
  }

  /**
   * The subject for {@code repository}: its generated implementation for the application (shared tables through
   * the escape hatch, as the application reads them) and for the owner.
   */
  @SuppressWarnings("unchecked") // the implementation implements the interface, which extends CrudRepository<E, UUID>
  <E> RepositorySubject<E> subject(Class<? extends CrudRepository<E, UUID>> repository,
      Function<TenantData, List<E>> seeded, Function<E, UUID> id, UnaryOperator<E> withoutKeys, Supplier<E> fresh) {
    Table table = table(RepositoryInterfaces.entity(repository));
    DataSource application = table.tenanted()
        ? app.dataSource : app.dataSource.withoutTenant("shared tables are read without a tenant");
    return new RepositorySubject<>(repository, table,
        (CrudRepository<E, UUID>) RepositoryInterfaces.implementation(repository, application),
        (CrudRepository<E, UUID>) RepositoryInterfaces.implementation(repository, owner),
        seeded, id, withoutKeys, fresh);
  }

  Table table(Class<?> entity) {
    return app.model.tables().stream()
        .filter(table -> table.entity().equals(entity.getName()))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no table for " + entity.getName() + " in schema.json"));
  }

  static Tenant tenant(TenantData tenant) {
    return SampleApp.KEYS.tenant(tenant.account().id(), tenant.engagement().id());
  }

  /** The tenant's value of each key column. */
  static Map<String, Object> keys(TenantData tenant) {
    List<Object> values = tenant(tenant).values();
    Map<String, Object> keys = new LinkedHashMap<>();
    for (int i = 0; i < values.size(); i++) {
      keys.put(SampleApp.KEYS.columns().get(i), values.get(i));
    }
    return keys;
  }

  static <T> T as(TenantData tenant, Supplier<T> work) {
    try (TenantScope scope = TenantContext.bind(tenant(tenant))) {
      return work.get();
    }
  }

  static void as(TenantData tenant, Runnable work) {
    as(tenant, () -> {
      work.run();
      return null;
    });
  }

  /** The tenants whose rows of {@code table} {@link #a} must not reach: those that differ in one of its keys. */
  List<TenantData> othersFor(Table table) {
    if (!table.tenanted()) {
      return List.of();
    }
    return List.of(b, c).stream()
        .filter(other -> table.tenancy().columns().stream()
            .anyMatch(column -> !keys(other).get(column).equals(keys(a).get(column))))
        .toList();
  }

  /**
   * Whether a key of {@code other}'s is free for {@link #a} in {@code table}: on Citus, where keys are unique within
   * a root tenant only, when {@code other} is another client account.
   */
  boolean idsArePerRootTenant(Table table, TenantData other) {
    String root = SampleApp.KEYS.columns().get(0);
    return table.distribution() != null && table.tenanted() && !keys(other).get(root).equals(keys(a).get(root));
  }

  /** {@code other}'s seeded row of the subject's type, as stored now (read as the owner). */
  <E> E stored(RepositorySubject<E> subject, TenantData other) {
    return as(other, () -> subject.owner().findById(subject.seededId(other)).orElseThrow());
  }

  /** A new asset for the bound engagement, with a host name of its own. */
  Asset scratchAsset() {
    return new Asset(UUID.randomUUID(), scratchName("scratch-"), Asset.AssetType.SERVER);
  }

  String scratchName(String prefix) {
    return prefix + scratch.incrementAndGet();
  }

  /** Fails unless every entity belongs to {@link #a} by each tenant key of the subject's table. */
  void assertOwnedByA(RepositorySubject<?> subject, Collection<?> entities) {
    if (!subject.table().tenanted()) {
      return;
    }
    for (Object entity : entities) {
      for (String column : subject.table().tenancy().columns()) {
        assertWithMessage("%s returned %s of another tenant (%s)", subject, entity, column)
            .that(EntityProperties.read(entity, column))
            .isEqualTo(keys(a).get(column));
      }
    }
  }

  /** The rows of {@link #a} in {@code table} (all rows of a shared one), as the owner counts them. */
  int countOfA(Table table) {
    return ofA(table, "id::text", "true").size();
  }

  /** {@code expression} of each row of {@link #a} in {@code table} that meets {@code condition}, sorted. */
  List<String> ofA(Table table, String expression, String condition) {
    StringBuilder sql = new StringBuilder("SELECT (" + expression + ")::text FROM " + table.name().sql() + " t WHERE ("
        + condition + ")");
    List<Object> values = new ArrayList<>();
    for (String column : table.tenanted() ? table.tenancy().columns() : List.<String>of()) {
      sql.append(" AND ").append(column).append(" = ?");
      values.add(keys(a).get(column));
    }
    return ownerQuery(sql + " ORDER BY 1", values);
  }

  /**
   * Every row {@link #a} must not change, as the owner reads it, by tenant and table: the others' rows of the
   * tables they do not share with a, and the shared tables' rows.
   */
  Map<String, List<String>> protectedRows() {
    Map<String, List<String>> rows = new TreeMap<>();
    for (Table table : app.model.tables()) {
      String select = "SELECT row_to_json(t)::text FROM " + table.name().sql() + " t";
      if (!table.tenanted()) {
        rows.put(table.name().name(), ownerQuery(select + " ORDER BY 1", List.of()));
        continue;
      }
      for (TenantData other : othersFor(table)) {
        List<Object> values = table.tenancy().columns().stream().map(column -> keys(other).get(column)).toList();
        String where = String.join(" AND ", table.tenancy().columns().stream().map(column -> column + " = ?")
            .toList());
        rows.put(other.engagement().name() + ": " + table.name().name(),
            ownerQuery(select + " WHERE " + where + " ORDER BY 1", values));
      }
    }
    return rows;
  }

  private List<String> ownerQuery(String sql, List<Object> values) {
    try (Connection connection = owner.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < values.size(); i++) {
        statement.setObject(i + 1, values.get(i));
      }
      List<String> result = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          result.add(rows.getString(1));
        }
      }
      return result;
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  @Override
  public void close() {
    app.close();
  }
}
