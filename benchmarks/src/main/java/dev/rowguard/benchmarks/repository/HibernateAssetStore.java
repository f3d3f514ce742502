package dev.rowguard.benchmarks.repository;

import dev.rowguard.benchmarks.repository.domain.BenchAsset;
import dev.rowguard.runtime.TenantContext;
import jakarta.persistence.ValidationMode;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;
import org.hibernate.jpa.CachingType;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.hibernate.tool.schema.Action;

/**
 * Hibernate ORM as an application would run it: bootstrapped once, a session per operation, the tenant taken from
 * {@link TenantContext} through {@code @TenantId}, which Hibernate writes on insert and adds to its queries.
 */
final class HibernateAssetStore implements AssetStore {
  /**
   * The JDBC batch size, and how often insertAll flushes and clears the session, so that the persistence context
   * stays small: Hibernate's documented pattern for batch inserts.
   */
  static final int BATCH_SIZE = 100;

  private final SessionFactory sessionFactory;

  /** @param serverVersion PostgreSQL's {@code server_version_num}, e.g. 180006 */
  HibernateAssetStore(DataSource dataSource, int serverVersion) {
    sessionFactory = new HibernatePersistenceConfiguration("rowguard-repository-benchmark")
        .managedClass(BenchAsset.class)
        .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
        .property(AvailableSettings.MULTI_TENANT_IDENTIFIER_RESOLVER, new BoundTenant())
        // The data source refuses a connection while no tenant is bound, as at boot: Hibernate is told the
        // database instead of reading it from the JDBC metadata.
        .property(AvailableSettings.ALLOW_METADATA_ON_BOOT, false)
        .property(AvailableSettings.JAKARTA_HBM2DDL_DB_NAME, "PostgreSQL")
        .property(AvailableSettings.JAKARTA_HBM2DDL_DB_MAJOR_VERSION, serverVersion / 10_000)
        .property(AvailableSettings.JAKARTA_HBM2DDL_DB_MINOR_VERSION, serverVersion % 10_000)
        // Rowguard's names: BenchAsset is bench_asset, tenantId is tenant_id.
        .property(AvailableSettings.PHYSICAL_NAMING_STRATEGY, PhysicalNamingStrategySnakeCaseImpl.class.getName())
        // The schema is Rowguard's schema.sql: Hibernate neither creates nor validates it.
        .schemaToolingAction(Action.NONE)
        .property(AvailableSettings.STATEMENT_BATCH_SIZE, BATCH_SIZE)
        .caching(CachingType.NONE)
        .showSql(false, false, false)
        .collectStatistics(false)
        .validationMode(ValidationMode.NONE)
        .createEntityManagerFactory();
  }

  /** Outside a transaction, as the JDBC contender's reads: one statement in auto-commit mode. */
  @Override
  public Optional<BenchAsset> findById(UUID id) {
    try (Session session = sessionFactory.openSession()) {
      return Optional.ofNullable(session.find(BenchAsset.class, id));
    }
  }

  @Override
  public List<BenchAsset> findByCategory(String category) {
    try (Session session = sessionFactory.openSession()) {
      return session.createSelectionQuery("from BenchAsset where category = :category", BenchAsset.class)
          .setParameter("category", category)
          .getResultList();
    }
  }

  @Override
  public void insertAll(List<BenchAsset> rows) {
    sessionFactory.inTransaction(session -> {
      for (int i = 0; i < rows.size(); i++) {
        session.persist(rows.get(i));
        if ((i + 1) % BATCH_SIZE == 0) {
          session.flush();
          session.clear();
        }
      }
    });
  }

  /** Dirty checking writes the changed row back at commit: one UPDATE of every column. */
  @Override
  public void readThenUpdate(UUID id) {
    sessionFactory.inTransaction(session -> {
      BenchAsset row = session.find(BenchAsset.class, id);
      row.setCpuCores(Workload.incremented(row.getCpuCores()));
    });
  }

  @Override
  public void close() {
    sessionFactory.close();
  }

  /** The tenant bound with {@link TenantContext}: the one the data source binds the session's connection to. */
  private static final class BoundTenant implements CurrentTenantIdentifierResolver<UUID> {
    @Override
    public UUID resolveCurrentTenantIdentifier() {
      return (UUID) TenantContext.require().value("tenant_id").orElseThrow();
    }

    @Override
    public boolean validateExistingCurrentSessions() {
      return false;
    }
  }
}
