package dev.rowguard.sample.data;

import dev.rowguard.sample.domain.ClientAccount;
import jakarta.data.repository.CrudRepository;
import jakarta.data.repository.Repository;
import java.util.Optional;
import java.util.UUID;

/**
 * Client accounts: a shared table. The application role may only read it, through a data source without
 * tenant; accounts are opened by the schema owner.
 */
@Repository
public interface ClientAccountRepository extends CrudRepository<ClientAccount, UUID> {
  Optional<ClientAccount> findByName(String name);
}
