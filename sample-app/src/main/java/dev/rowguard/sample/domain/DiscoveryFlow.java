package dev.rowguard.sample.domain;

import dev.rowguard.annotations.CheckEnum;
import dev.rowguard.annotations.ColumnDefault;
import dev.rowguard.annotations.Jsonb;
import jakarta.persistence.Column;
import dev.rowguard.annotations.Tenanted;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** The state of one run of the discovery workflow over an engagement's imported data. */
@Entity
@Tenanted
public class DiscoveryFlow {
  @Id private UUID id;

  @Column(nullable = false)
  private UUID clientAccountId;

  @Column(nullable = false)
  private UUID engagementId;

  /** The orchestrating flow this one belongs to. */
  private UUID masterFlowId;

  @Column(nullable = false)
  private Phase currentPhase;

  /** The phases done so far, as a JSON array. */
  @Jsonb
  @ColumnDefault("'[]'::jsonb")
  private String phasesCompleted;

  private boolean dataImportCompleted;

  private boolean fieldMappingCompleted;

  private boolean dataCleansingCompleted;

  private boolean inventoryCompleted;

  private boolean dependencyAnalysisCompleted;

  private Instant startedAt;

  private Instant completedAt;

  @CheckEnum(storedCase = CheckEnum.Case.LOWER)
  public enum Phase { DATA_IMPORT, FIELD_MAPPING, DATA_CLEANSING, INVENTORY, DEPENDENCY_ANALYSIS, DONE }
}
