package dev.rowguard.schema.migrate;

import dev.rowguard.schema.QualifiedName;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a live database has that a model cannot say, for planning from a hand-kept schema (its catalog read as
 * the old model) to the model: native ENUM columns, the stored values already checked to convert, the policies
 * and privileges to replace. {@link #NONE} for a plan between two models.
 *
 * @param enumColumns the ENUM type of each column that has one, by {@code schema.table.column}: converted to the
 *     model's type with {@code USING col::text}, the type dropped once no column uses it
 * @param checkedColumns the columns ({@code schema.table.column}) whose stored values were counted and all
 *     convert: no NULL where the column becomes NOT NULL, every text a timestamp where it becomes one
 * @param policiesToReplace the tables whose row-level security is not the model's, with the policies they have:
 *     those are dropped, then RLS is enabled and forced and the model's policy created
 * @param privilegesToReset the tables on which the application role's privileges are not the model's
 * @param roleExists whether the application role exists
 * @param schemasWithoutUsage the model's schemas on which the role lacks USAGE
 * @param unusedEnumTypes the ENUM types of those schemas that nothing uses: dropped (they hold no data)
 */
public record LiveDatabase(Map<String, String> enumColumns, Set<String> checkedColumns,
    Map<QualifiedName, List<String>> policiesToReplace, Set<QualifiedName> privilegesToReset, boolean roleExists,
    Set<String> schemasWithoutUsage, Set<String> unusedEnumTypes) {
  public static final LiveDatabase NONE =
      new LiveDatabase(Map.of(), Set.of(), Map.of(), Set.of(), true, Set.of(), Set.of());

  public LiveDatabase {
    enumColumns = Map.copyOf(enumColumns);
    checkedColumns = Set.copyOf(checkedColumns);
    policiesToReplace = Map.copyOf(policiesToReplace);
    privilegesToReset = Set.copyOf(privilegesToReset);
    schemasWithoutUsage = Set.copyOf(schemasWithoutUsage);
    unusedEnumTypes = Set.copyOf(unusedEnumTypes);
  }

  boolean live() {
    return this != NONE;
  }
}
