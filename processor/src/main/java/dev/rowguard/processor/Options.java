package dev.rowguard.processor;

import dev.rowguard.processor.derive.Target;
import dev.rowguard.processor.migrate.MigrationOptions;
import dev.rowguard.schema.migrate.VersionSettings;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The processor's options ({@code -A<name>=<value>}).
 *
 * @param defaultSchema {@code rowguard.defaultSchema}: the schema of entities whose {@code @Table} names none
 *     (default {@code public})
 * @param appRole {@code rowguard.appRole}: the role granted the application's privileges (default {@code
 *     rowguard_app})
 * @param jpaCompatibility {@code rowguard.jpaCompatibility}: whether to warn where a JPA provider reading the
 *     same entities would store other values than Rowguard's DDL accepts (default {@code true}; {@code false}
 *     for models that no JPA provider maps)
 * @param target {@code rowguard.target}: {@code postgresql} (the default) or {@code citus}; empty when the value
 *     names no target, which is reported
 * @param targetValue the option's value as given
 */
record Options(
    String defaultSchema, String appRole, boolean jpaCompatibility, Optional<Target> target, String targetValue) {
  static final String DEFAULT_SCHEMA = "rowguard.defaultSchema";
  static final String APP_ROLE = "rowguard.appRole";
  static final String JPA_COMPATIBILITY = "rowguard.jpaCompatibility";
  static final String TARGET = "rowguard.target";
  static final Set<String> NAMES = Stream.concat(
      Stream.of(DEFAULT_SCHEMA, APP_ROLE, JPA_COMPATIBILITY, TARGET), MigrationOptions.NAMES.stream())
      .collect(Collectors.toUnmodifiableSet());

  static Options from(Map<String, String> options) {
    String target = value(options, TARGET, Target.POSTGRESQL.optionValue());
    return new Options(value(options, DEFAULT_SCHEMA, "public"), value(options, APP_ROLE, VersionSettings.DEFAULT_APP_ROLE),
        !value(options, JPA_COMPATIBILITY, "true").equalsIgnoreCase("false"), Target.of(target), target);
  }

  private static String value(Map<String, String> options, String name, String fallback) {
    String value = options.getOrDefault(name, fallback).trim();
    return value.isEmpty() ? fallback : value;
  }
}
