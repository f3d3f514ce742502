package dev.rowguard.spring;

import dev.rowguard.runtime.TenantKeyLevel;
import dev.rowguard.runtime.TenantKeys;
import dev.rowguard.runtime.verify.Model;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The tenancy of the model the application was built with ({@code schema.json}): its tenant keys, outermost first,
 * and its tenanted tables; and the check that {@code rowguard.*} properties restating them do not contradict it.
 */
final class ModelTenancy {
  private final Model model;

  ModelTenancy(Model model) {
    this.model = model;
  }

  /** Whether the model has a tenanted table; a model of shared tables only leaves tenancy to the properties. */
  boolean tenanted() {
    return model.tables().stream().anyMatch(Model.Table::tenanted);
  }

  /**
   * The project's keys: each tenanted table is keyed by the outermost levels, so the table with the most keys has
   * them all, and every other table's keys are a prefix of them.
   */
  TenantKeys keys() {
    List<Model.TenantKey> levels = List.of();
    String widest = null;
    for (Model.Table table : model.tables()) {
      if (table.tenantKeys().size() > levels.size()) {
        levels = table.tenantKeys();
        widest = table.qualifiedName();
      }
    }
    for (Model.Table table : model.tables()) {
      if (!table.tenantKeys().equals(levels.subList(0, table.tenantKeys().size()))) {
        throw new IllegalStateException(ApplicationModel.RESOURCE + ": the tenant keys of " + table.qualifiedName()
            + " " + table.tenantKeys() + " are not the outermost levels of those of " + widest + " " + levels
            + "; rebuild the application with the Rowguard processor of the starter's version");
      }
    }
    return new TenantKeys(levels.stream().map(ModelTenancy::level).toList());
  }

  /** The tenanted tables, as SQL names them ({@code "migration"."asset"}), for {@code RlsRoleCheck.forTables}. */
  String[] tenantedTables() {
    return model.tables().stream().filter(Model.Table::tenanted)
        .map(t -> quote(t.schema()) + "." + quote(t.name())).toArray(String[]::new);
  }

  /** The schemas that hold a tenanted table. */
  Set<String> tenantedSchemas() {
    Set<String> schemas = new LinkedHashSet<>();
    model.tables().stream().filter(Model.Table::tenanted).forEach(t -> schemas.add(t.schema()));
    return schemas;
  }

  /**
   * Refuses {@code rowguard.tenant.keys} that say otherwise than the model: another number of levels, another
   * column, type or setting. An unset type or setting takes the model's.
   */
  void requireAgreement(TenantKeys keys, List<RowguardProperties.KeyLevel> configured) {
    List<String> problems = new ArrayList<>();
    if (configured.size() != keys.levels().size()) {
      problems.add("they declare " + configured.size() + " level(s), the model " + keys.levels().size() + ": "
          + keys.columns());
    } else {
      for (int i = 0; i < configured.size(); i++) {
        RowguardProperties.KeyLevel level = configured.get(i);
        ConfiguredTenantKeys.requireColumn(level);
        TenantKeyLevel expected = keys.levels().get(i);
        String at = "rowguard.tenant.keys[" + i + "]";
        if (!level.column().equals(expected.column())) {
          problems.add(at + ".column is " + level.column() + ", the model's level " + i + " is " + expected.column());
        }
        if (level.type() != null && ConfiguredTenantKeys.javaType(level.type()) != expected.type()) {
          problems.add(at + ".type is " + level.type().name().toLowerCase(Locale.ROOT) + ", the model's "
              + expected.column() + " is " + expected.sqlType());
        }
        if (level.setting() != null && !level.setting().isBlank() && !level.setting().equals(expected.setting())) {
          problems.add(at + ".setting is " + level.setting() + ", the model's " + expected.column() + " is carried by "
              + expected.setting());
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("rowguard.tenant.keys contradicts the model the application was built with ("
          + ApplicationModel.RESOURCE + "): " + String.join("; ", problems) + ". Remove rowguard.tenant.keys (the"
          + " keys come from the model), or rebuild the application from the entities that declare these keys");
    }
  }

  /** Refuses {@code rowguard.role-check.schemas} that leave out a schema of the model's tenanted tables. */
  void requireCoverage(List<String> schemas) {
    Set<String> missing = new LinkedHashSet<>(tenantedSchemas());
    missing.removeAll(schemas);
    if (!missing.isEmpty()) {
      List<String> tables = model.tables().stream().filter(t -> t.tenanted() && missing.contains(t.schema()))
          .map(Model.Table::qualifiedName).toList();
      throw new IllegalStateException("rowguard.role-check.schemas=" + String.join(",", schemas) + " leaves out "
          + String.join(", ", missing) + ", where the model (" + ApplicationModel.RESOURCE + ") has tenanted tables "
          + tables + ". Remove the property (the check then covers the model's tenanted tables), or add "
          + String.join(",", missing) + " to it");
    }
  }

  private static TenantKeyLevel level(Model.TenantKey key) {
    try {
      return TenantKeyLevel.ofSqlType(key.column(), key.sqlType(), key.setting());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(ApplicationModel.RESOURCE + ": " + e.getMessage(), e);
    }
  }


  private static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
