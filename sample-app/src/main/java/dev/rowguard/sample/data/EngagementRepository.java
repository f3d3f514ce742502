package dev.rowguard.sample.data;

import dev.rowguard.sample.domain.Engagement;
import jakarta.data.repository.CrudRepository;
import jakarta.data.repository.Repository;
import java.util.List;
import java.util.UUID;

/** The bound client account's engagements: a tenant bound at the client level is enough. */
@Repository
public interface EngagementRepository extends CrudRepository<Engagement, UUID> {
  List<Engagement> findByStatusOrderByName(Engagement.Status status);
}
