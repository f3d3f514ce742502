package dev.rowguard.sample.domain;

import dev.rowguard.annotations.CheckEnum;
import dev.rowguard.annotations.ColumnDefault;
import dev.rowguard.annotations.Jsonb;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/**
 * A customer of the migration platform: the outermost tenant level.
 *
 * @param id the account's key, also the tenant key of everything the account owns
 * @param name the customer's legal name
 * @param industry the customer's industry, for benchmarks across accounts
 * @param status whether the account may start new engagements
 * @param settings account-wide preferences as JSON
 * @param createdAt when the account was opened
 */
@Entity
public record ClientAccount(
    @Id UUID id,
    @Column(length = 200, nullable = false, unique = true) String name,
    @Column(length = 100) String industry,
    @Column(nullable = false) Status status,
    @Jsonb @ColumnDefault("'{}'::jsonb") String settings,
    @Column(nullable = false) @ColumnDefault("now()") Instant createdAt) {

  /** Account lifecycle, stored in lower case. */
  @CheckEnum(storedCase = CheckEnum.Case.LOWER)
  public enum Status { ACTIVE, SUSPENDED, CLOSED }
}
