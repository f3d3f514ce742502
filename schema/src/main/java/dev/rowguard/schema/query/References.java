package dev.rowguard.schema.query;

import dev.rowguard.schema.Column;
import dev.rowguard.schema.QualifiedName;
import dev.rowguard.schema.Table;
import java.util.List;
import java.util.Map;

/**
 * What {@link ReferenceResolver} learnt of a statement's names.
 *
 * @param problems unknown tables and columns, misused placeholders, tenant-key writes
 * @param placeholders the table each well-used {@code rowguard_tenant(…)} restricts, by ordinal
 * @param parameterSites every {@code :name} compared with or written to a known column
 * @param resultColumns the columns of the result (of the SELECT, or of RETURNING)
 * @param resultKnown whether every result column is known ({@code *} over a subquery is not)
 * @param resultQualifiers how the block that yields the result qualifies each model table it reads: its alias,
 *     else its name
 * @param target the table an INSERT, UPDATE or DELETE writes, when it is in the model; else {@code null}
 * @param returning whether the write has a RETURNING clause
 * @param qualifiers where to write the schema of each model table the SQL names without one
 */
record References(
    List<NativeQueryProblem> problems,
    Map<Integer, PlaceholderTarget> placeholders,
    List<ParameterSite> parameterSites,
    List<ResultColumn> resultColumns,
    boolean resultKnown,
    Map<QualifiedName, String> resultQualifiers,
    Table target,
    boolean returning,
    List<SqlMark.SchemaQualifier> qualifiers) {
  References {
    problems = List.copyOf(problems);
    placeholders = Map.copyOf(placeholders);
    parameterSites = List.copyOf(parameterSites);
    resultColumns = List.copyOf(resultColumns);
    resultQualifiers = Map.copyOf(resultQualifiers);
    qualifiers = List.copyOf(qualifiers);
  }

  /**
   * The table a {@code rowguard_tenant(…)} restricts.
   *
   * @param qualifier what to qualify the key columns with, as written, or {@code null} for none
   */
  record PlaceholderTarget(String qualifier, Table table) {}

  /** A named parameter compared with, or written to, {@code column} of {@code table}. */
  record ParameterSite(String parameter, Table table, Column column) {}
}
