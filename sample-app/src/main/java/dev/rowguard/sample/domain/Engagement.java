package dev.rowguard.sample.domain;

import dev.rowguard.annotations.CheckEnum;
import dev.rowguard.annotations.ColumnDefault;
import jakarta.persistence.Column;
import dev.rowguard.annotations.Tenanted;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One migration project of a client account.
 *
 * @param id the engagement's key
 * @param clientAccountId the account that owns the engagement
 * @param name the project's name
 * @param status where the engagement stands
 * @param targetCloud the cloud the assets move to
 * @param startDate when work starts
 * @param plannedEndDate when the migration should be complete
 * @param createdAt when the engagement was created
 */
@Entity
@Tenanted(keys = "client_account_id")
public record Engagement(
    @Id UUID id,
    @Column(nullable = false) UUID clientAccountId,
    @Column(length = 200, nullable = false) String name,
    @Column(nullable = false) Status status,
    TargetCloud targetCloud,
    LocalDate startDate,
    LocalDate plannedEndDate,
    @Column(nullable = false) @ColumnDefault("now()") Instant createdAt) {

  /** Engagement lifecycle. */
  @CheckEnum(storedCase = CheckEnum.Case.LOWER)
  public enum Status { PLANNING, DISCOVERY, ASSESSMENT, MIGRATION, COMPLETED }

  /** Target platforms. */
  @CheckEnum(storedCase = CheckEnum.Case.LOWER)
  public enum TargetCloud { AWS, AZURE, GCP, ON_PREMISES }
}
