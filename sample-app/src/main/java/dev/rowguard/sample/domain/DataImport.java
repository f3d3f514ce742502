package dev.rowguard.sample.domain;

import dev.rowguard.annotations.Check;
import dev.rowguard.annotations.CheckEnum;
import dev.rowguard.annotations.Jsonb;
import jakarta.persistence.Column;
import dev.rowguard.annotations.Tenanted;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A file of discovery data uploaded by the client and imported into assets. */
@Entity
@Tenanted
@Table(indexes = @Index(columnList = "engagement_id, status"))
public class DataImport {
  @Id private UUID id;

  @Column(nullable = false)
  private UUID clientAccountId;

  @Column(nullable = false)
  private UUID engagementId;

  @Column(length = 255, nullable = false)
  private String filename;

  /** Size in bytes. */
  @Check("file_size >= 0")
  private long fileSize;

  @Column(length = 100)
  private String mimeType;

  /** The tool the file came from (a CMDB export, a scanner, a spreadsheet). */
  @Column(length = 100)
  private String sourceSystem;

  @Column(nullable = false)
  private Status status;

  private Integer recordsTotal;

  private Integer recordsImported;

  @Column(length = 2000)
  private String errorMessage;

  /** Per-row problems, as JSON. */
  @Jsonb private String errorDetails;

  private Instant startedAt;

  private Instant completedAt;

  public DataImport() {}

  /** A new import of the bound engagement; the repository fills in the tenant keys. */
  public DataImport(UUID id, String filename, Status status) {
    this.id = id;
    this.filename = filename;
    this.status = status;
  }

  public UUID getId() { return id; }
  public void setId(UUID id) { this.id = id; }
  public UUID getClientAccountId() { return clientAccountId; }
  public void setClientAccountId(UUID clientAccountId) { this.clientAccountId = clientAccountId; }
  public UUID getEngagementId() { return engagementId; }
  public void setEngagementId(UUID engagementId) { this.engagementId = engagementId; }
  public String getFilename() { return filename; }
  public void setFilename(String filename) { this.filename = filename; }
  public long getFileSize() { return fileSize; }
  public void setFileSize(long fileSize) { this.fileSize = fileSize; }
  public String getMimeType() { return mimeType; }
  public void setMimeType(String mimeType) { this.mimeType = mimeType; }
  public String getSourceSystem() { return sourceSystem; }
  public void setSourceSystem(String sourceSystem) { this.sourceSystem = sourceSystem; }
  public Status getStatus() { return status; }
  public void setStatus(Status status) { this.status = status; }
  public Integer getRecordsTotal() { return recordsTotal; }
  public void setRecordsTotal(Integer recordsTotal) { this.recordsTotal = recordsTotal; }
  public Integer getRecordsImported() { return recordsImported; }
  public void setRecordsImported(Integer recordsImported) { this.recordsImported = recordsImported; }
  public String getErrorMessage() { return errorMessage; }
  public void setErrorMessage(String errorMessage) { this.errorMessage = errorMessage; }
  public String getErrorDetails() { return errorDetails; }
  public void setErrorDetails(String errorDetails) { this.errorDetails = errorDetails; }
  public Instant getStartedAt() { return startedAt; }
  public void setStartedAt(Instant startedAt) { this.startedAt = startedAt; }
  public Instant getCompletedAt() { return completedAt; }
  public void setCompletedAt(Instant completedAt) { this.completedAt = completedAt; }

  @CheckEnum(storedCase = CheckEnum.Case.LOWER)
  public enum Status { UPLOADED, VALIDATING, IMPORTING, COMPLETED, FAILED }
}
