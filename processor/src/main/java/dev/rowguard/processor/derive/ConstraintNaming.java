package dev.rowguard.processor.derive;

import dev.rowguard.schema.CheckConstraint;
import dev.rowguard.schema.ForeignKey;
import dev.rowguard.schema.Index;
import dev.rowguard.schema.Key;
import dev.rowguard.schema.Schema;
import dev.rowguard.schema.Table;
import dev.rowguard.schema.sql.ConstraintNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Gives every key, constraint and index without a user-given name its deterministic name. Tables, indexes
 * and constraints share one namespace per schema here (PostgreSQL requires it for tables and indexes, and a
 * primary or unique key's index takes the constraint's name). A derived name that would clash gets a hash of
 * what it stands for, so two derived names never collide and never take a name the user chose. The tenant
 * keys that lead every key and index of a tenanted table are left out of the name (they would push the part
 * that tells two names apart past 63 bytes), unless they are all there is.
 */
final class ConstraintNaming {
  private ConstraintNaming() {}

  static Schema apply(Schema schema) {
    Map<String, Set<String>> taken = new HashMap<>();
    for (Table table : schema.tables()) {
      Set<String> names = taken.computeIfAbsent(table.name().schema(), s -> new HashSet<>());
      names.add(table.name().name());
      userGivenNames(table).forEach(names::add);
    }
    // First pass: count how many derived names want each name, so every party of a clash is hashed alike.
    Map<String, Integer> wanted = new HashMap<>();
    for (Table table : schema.tables()) {
      for (Candidate candidate : candidates(table)) {
        wanted.merge(table.name().schema() + "." + candidate.name, 1, Integer::sum);
      }
    }
    List<Table> named = new ArrayList<>();
    for (Table table : schema.tables()) {
      Set<String> schemaNames = taken.get(table.name().schema());
      Function<Candidate, String> resolve = candidate -> {
        boolean clash = schemaNames.contains(candidate.name)
            || wanted.get(table.name().schema() + "." + candidate.name) > 1;
        return clash ? ConstraintNames.withHash(candidate.name, candidate.identity) : candidate.name;
      };
      String qualified = table.name().toString();
      Key primaryKey = table.primaryKey() == null || table.primaryKey().name() != null
          ? table.primaryKey()
          : table.primaryKey().withName(resolve.apply(new Candidate(
              ConstraintNames.primaryKey(table.name().name()), "pk:" + qualified)));
      List<Key> uniqueKeys = table.uniqueKeys().stream()
          .map(k -> k.name() != null ? k : k.withName(resolve.apply(new Candidate(
              ConstraintNames.unique(table.name().name(), nameColumns(table, k.columns())),
              "uq:" + qualified + k.columns()))))
          .toList();
      List<ForeignKey> foreignKeys = table.foreignKeys().stream()
          .map(fk -> fk.name() != null ? fk : fk.withName(resolve.apply(new Candidate(
              ConstraintNames.foreignKey(table.name().name(), nameColumns(table, fk.columns())),
              "fk:" + qualified + fk.columns()))))
          .toList();
      List<CheckConstraint> checks = table.checks().stream()
          .map(ck -> ck.name() != null ? ck : ck.withName(resolve.apply(new Candidate(
              ConstraintNames.check(table.name().name(), ck.nameHint()),
              "ck:" + qualified + ":" + ck.nameHint() + ":" + ck.expression()))))
          .toList();
      List<Index> indexes = table.indexes().stream()
          .map(ix -> ix.name() != null ? ix : ix.withName(resolve.apply(new Candidate(
              ConstraintNames.index(table.name().name(), nameColumns(table, ix.columns())),
              "ix:" + qualified + ix.columns() + ix.unique()))))
          .toList();
      named.add(table.withConstraints(primaryKey, uniqueKeys, foreignKeys, checks, indexes));
    }
    return new Schema(schema.formatVersion(), named);
  }

  private static List<String> userGivenNames(Table table) {
    List<String> names = new ArrayList<>();
    if (table.primaryKey() != null && table.primaryKey().name() != null) {
      names.add(table.primaryKey().name());
    }
    table.uniqueKeys().stream().map(Key::name).filter(n -> n != null).forEach(names::add);
    table.indexes().stream().map(Index::name).filter(n -> n != null).forEach(names::add);
    return names;
  }

  private static List<Candidate> candidates(Table table) {
    String name = table.name().name();
    List<Candidate> candidates = new ArrayList<>();
    if (table.primaryKey() != null && table.primaryKey().name() == null) {
      candidates.add(new Candidate(ConstraintNames.primaryKey(name), ""));
    }
    table.uniqueKeys().stream().filter(k -> k.name() == null).forEach(k ->
        candidates.add(new Candidate(ConstraintNames.unique(name, nameColumns(table, k.columns())), "")));
    table.foreignKeys().stream().filter(k -> k.name() == null).forEach(k ->
        candidates.add(new Candidate(ConstraintNames.foreignKey(name, nameColumns(table, k.columns())), "")));
    table.checks().stream().filter(k -> k.name() == null)
        .forEach(k -> candidates.add(new Candidate(ConstraintNames.check(name, k.nameHint()), "")));
    table.indexes().stream().filter(k -> k.name() == null).forEach(k ->
        candidates.add(new Candidate(ConstraintNames.index(name, nameColumns(table, k.columns())), "")));
    return candidates;
  }

  /** The columns a name is built from: without the table's tenant keys, or the last column if that is all. */
  private static List<String> nameColumns(Table table, List<String> columns) {
    if (!table.tenanted()) {
      return columns;
    }
    List<String> rest = columns.stream().filter(c -> !table.tenancy().columns().contains(c)).toList();
    return rest.isEmpty() ? columns.subList(columns.size() - 1, columns.size()) : rest;
  }

  private record Candidate(String name, String identity) {}
}
