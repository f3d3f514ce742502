package dev.rowguard.sample;

import dev.rowguard.sample.SampleData.TenantData;
import dev.rowguard.schema.Table;
import jakarta.data.repository.CrudRepository;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * One repository under test, with what the cases need to know about its entity.
 *
 * @param repository the interface
 * @param table the entity's table, from the generated model
 * @param app the generated implementation on the application's tenant-binding data source
 * @param owner the generated implementation on the owner's connection, which row-level security does not limit:
 *     for reading another tenant's rows as they are stored
 * @param seeded a tenant's seeded entities of this type
 * @param id an entity's key
 * @param withoutKeys the entity with its tenant keys cleared, as if it were the bound tenant's
 * @param fresh a new entity for the bound tenant, not stored yet
 */
record RepositorySubject<E>(
    Class<?> repository,
    Table table,
    CrudRepository<E, UUID> app,
    CrudRepository<E, UUID> owner,
    Function<TenantData, List<E>> seeded,
    Function<E, UUID> id,
    UnaryOperator<E> withoutKeys,
    Supplier<E> fresh) {

  /** The first of {@code tenant}'s seeded rows' keys; the cases never delete it. */
  UUID seededId(TenantData tenant) {
    return id.apply(seeded.apply(tenant).get(0));
  }

  @Override
  public String toString() {
    return repository.getSimpleName();
  }
}
