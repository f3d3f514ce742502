package dev.rowguard.processor.read;

import dev.rowguard.processor.diagnostics.Location;
import dev.rowguard.processor.diagnostics.Origins;
import dev.rowguard.schema.CheckConstraint;
import dev.rowguard.schema.Column;
import dev.rowguard.schema.ForeignKey;
import dev.rowguard.schema.Index;
import dev.rowguard.schema.Key;
import dev.rowguard.schema.QualifiedName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The parts of one table while {@link EntityReader} reads its fields, each recorded with where it was declared. */
final class TableBuilder {
  private final Origins origins;
  final String entity;
  final QualifiedName name;
  final List<Column> columns = new ArrayList<>();
  final Map<String, String> columnOfField = new HashMap<>();
  final List<Key> uniqueKeys = new ArrayList<>();
  final List<ForeignKey> foreignKeys = new ArrayList<>();
  final List<CheckConstraint> checks = new ArrayList<>();
  /** The checks a user wrote, to be proven single expressions once every column is read. */
  final List<WrittenCheck> writtenChecks = new ArrayList<>();
  final List<Index> indexes = new ArrayList<>();

  TableBuilder(String entity, QualifiedName name, Origins origins) {
    this.entity = entity;
    this.name = name;
    this.origins = origins;
  }

  void addColumn(String field, Location location, Column column) {
    columns.add(column);
    columnOfField.put(field, column.name());
    origins.putField(entity, field, location);
  }

  void addCheck(CheckConstraint check, Location location, String declaredOn) {
    checks.add(check);
    writtenChecks.add(new WrittenCheck(check, location, declaredOn));
    origins.putConstraint(entity, check, location);
  }

  void addIndex(Index index, Location location) {
    indexes.add(index);
    origins.putConstraint(entity, index, location);
  }

  void addUnique(Key key, Location location) {
    uniqueKeys.add(key);
    origins.putConstraint(entity, key, location);
  }

  /** A column named in an index or constraint: its column name, or the column of a field of that name. */
  String columnNamed(String reference) {
    String trimmed = reference.trim();
    boolean isColumn = columns.stream().anyMatch(c -> c.name().equals(trimmed));
    return isColumn ? trimmed : columnOfField.getOrDefault(trimmed, trimmed);
  }

  /** A {@code @Check} as written, where it was written, and how a message names that place. */
  record WrittenCheck(CheckConstraint constraint, Location location, String declaredOn) {}
}
