package dev.rowguard.processor.store;

import jakarta.data.repository.BasicRepository;
import jakarta.data.repository.Repository;
import java.util.Optional;
import java.util.UUID;

/** A shared table: readable without a tenant. */
@Repository
public interface StoreRepository extends BasicRepository<Store, UUID> {
  Optional<Store> findByName(String name);
}
