package dev.rowguard.sample.data;

import dev.rowguard.sample.domain.DiscoveryFlow;
import jakarta.data.repository.CrudRepository;
import jakarta.data.repository.Repository;
import java.util.Optional;
import java.util.UUID;

/** The bound engagement's runs of the discovery workflow. */
@Repository
public interface DiscoveryFlowRepository extends CrudRepository<DiscoveryFlow, UUID> {
  /** The run started last. */
  Optional<DiscoveryFlow> findFirstByOrderByStartedAtDesc();
}
