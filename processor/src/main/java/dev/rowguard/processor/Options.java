package dev.rowguard.processor;

import java.util.Map;
import java.util.Set;

/**
 * The processor's options ({@code -A<name>=<value>}).
 *
 * @param defaultSchema {@code rowguard.defaultSchema}: the schema of entities whose {@code @Table} names none
 *     (default {@code public})
 */
record Options(String defaultSchema) {
  static final String DEFAULT_SCHEMA = "rowguard.defaultSchema";
  static final Set<String> NAMES = Set.of(DEFAULT_SCHEMA);

  static Options from(Map<String, String> options) {
    String schema = options.getOrDefault(DEFAULT_SCHEMA, "public").trim();
    return new Options(schema.isEmpty() ? "public" : schema);
  }
}
