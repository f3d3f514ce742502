package dev.rowguard.processor.repository;

/** How a property's value travels through JDBC: which getter and setter of the driver, and which conversion. */
public enum ValueKind {
  /** {@code String}: {@code getString}/{@code setString}. */
  STRING,
  /** {@code String} in a {@code jsonb} column: bound as {@code Types.OTHER} so PostgreSQL parses it. */
  JSONB,
  /** {@code Instant}: through {@code OffsetDateTime}, the type pgjdbc maps to {@code timestamptz}. */
  INSTANT,
  /** A primitive: the driver's typed getter and setter ({@code getInt}, {@code setLong}, …). */
  PRIMITIVE,
  /** {@code byte[]}: {@code getBytes}/{@code setBytes}. */
  BYTES,
  /** {@code BigDecimal}: {@code getBigDecimal}/{@code setBigDecimal}. */
  BIG_DECIMAL,
  /** An enum: its stored text, through a generated switch. */
  ENUM,
  /** A {@code @ManyToOne} reference: the target's key; read back as a reference holding only the key. */
  REFERENCE,
  /** Anything else pgjdbc maps itself ({@code UUID}, boxed numbers, {@code LocalDate}, …): {@code getObject(i, T)}. */
  OBJECT
}
