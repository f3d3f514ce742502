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

  public DiscoveryFlow() {}

  /** A new run of the bound engagement; the repository fills in the tenant keys. */
  public DiscoveryFlow(UUID id, Phase currentPhase) {
    this.id = id;
    this.currentPhase = currentPhase;
  }

  public UUID getId() { return id; }
  public void setId(UUID id) { this.id = id; }
  public UUID getClientAccountId() { return clientAccountId; }
  public void setClientAccountId(UUID clientAccountId) { this.clientAccountId = clientAccountId; }
  public UUID getEngagementId() { return engagementId; }
  public void setEngagementId(UUID engagementId) { this.engagementId = engagementId; }
  public UUID getMasterFlowId() { return masterFlowId; }
  public void setMasterFlowId(UUID masterFlowId) { this.masterFlowId = masterFlowId; }
  public Phase getCurrentPhase() { return currentPhase; }
  public void setCurrentPhase(Phase currentPhase) { this.currentPhase = currentPhase; }
  public String getPhasesCompleted() { return phasesCompleted; }
  public void setPhasesCompleted(String phasesCompleted) { this.phasesCompleted = phasesCompleted; }
  public boolean isDataImportCompleted() { return dataImportCompleted; }
  public void setDataImportCompleted(boolean dataImportCompleted) { this.dataImportCompleted = dataImportCompleted; }
  public boolean isFieldMappingCompleted() { return fieldMappingCompleted; }
  public void setFieldMappingCompleted(boolean fieldMappingCompleted) {
    this.fieldMappingCompleted = fieldMappingCompleted;
  }
  public boolean isDataCleansingCompleted() { return dataCleansingCompleted; }
  public void setDataCleansingCompleted(boolean dataCleansingCompleted) {
    this.dataCleansingCompleted = dataCleansingCompleted;
  }
  public boolean isInventoryCompleted() { return inventoryCompleted; }
  public void setInventoryCompleted(boolean inventoryCompleted) { this.inventoryCompleted = inventoryCompleted; }
  public boolean isDependencyAnalysisCompleted() { return dependencyAnalysisCompleted; }
  public void setDependencyAnalysisCompleted(boolean dependencyAnalysisCompleted) {
    this.dependencyAnalysisCompleted = dependencyAnalysisCompleted;
  }
  public Instant getStartedAt() { return startedAt; }
  public void setStartedAt(Instant startedAt) { this.startedAt = startedAt; }
  public Instant getCompletedAt() { return completedAt; }
  public void setCompletedAt(Instant completedAt) { this.completedAt = completedAt; }

  @CheckEnum(storedCase = CheckEnum.Case.LOWER)
  public enum Phase { DATA_IMPORT, FIELD_MAPPING, DATA_CLEANSING, INVENTORY, DEPENDENCY_ANALYSIS, DONE }
}
