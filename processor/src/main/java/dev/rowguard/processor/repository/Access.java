package dev.rowguard.processor.repository;

/**
 * How generated code reaches one property of an entity instance.
 *
 * @param read the expression suffix that reads it: {@code getHostname()}, {@code hostname()} (records) or a field
 *     name
 * @param write the setter's or field's name; {@code null} for records, which are built through their constructor
 * @param writeKind how {@link #write} is used
 */
public record Access(String read, String write, WriteKind writeKind) {
  /** How a value gets into an entity. */
  public enum WriteKind { SETTER, FIELD, CONSTRUCTOR }
}
