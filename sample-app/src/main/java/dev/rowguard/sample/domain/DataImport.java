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

  @CheckEnum(storedCase = CheckEnum.Case.LOWER)
  public enum Status { UPLOADED, VALIDATING, IMPORTING, COMPLETED, FAILED }
}
