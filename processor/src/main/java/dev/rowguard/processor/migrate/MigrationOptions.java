package dev.rowguard.processor.migrate;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The migration options ({@code -A<name>=<value>}); without {@value #DIR} nothing of this package runs.
 *
 * @param dir {@code rowguard.migrations.dir}: the committed migrations folder, an absolute path, or {@code null}
 * @param generate {@code rowguard.migrations.generate}: the description of the migration to write, or {@code null}
 * @param allowDataLoss {@code rowguard.migrations.allowDataLoss}: qualified names, comma-separated, whose
 *     destructive steps are acknowledged
 * @param backfills {@code rowguard.migrations.backfill}: {@code schema.table.column=<SQL expression>} entries,
 *     separated by {@code ;}, that fill existing rows of a NOT NULL column added or made NOT NULL
 */
public record MigrationOptions(String dir, String generate, Set<String> allowDataLoss, Map<String, String> backfills) {
  public static final String DIR = "rowguard.migrations.dir";
  public static final String GENERATE = "rowguard.migrations.generate";
  public static final String ALLOW_DATA_LOSS = "rowguard.migrations.allowDataLoss";
  public static final String BACKFILL = "rowguard.migrations.backfill";
  public static final Set<String> NAMES = Set.of(DIR, GENERATE, ALLOW_DATA_LOSS, BACKFILL);

  public static MigrationOptions from(Map<String, String> options) {
    Set<String> allowed = new LinkedHashSet<>();
    for (String name : blankToEmpty(options.get(ALLOW_DATA_LOSS)).split(",")) {
      if (!name.isBlank()) {
        allowed.add(name.trim());
      }
    }
    Map<String, String> backfills = new LinkedHashMap<>();
    for (String entry : blankToEmpty(options.get(BACKFILL)).split(";")) {
      int equals = entry.indexOf('=');
      if (equals > 0 && !entry.substring(equals + 1).isBlank()) {
        backfills.put(entry.substring(0, equals).trim(), entry.substring(equals + 1).trim());
      }
    }
    return new MigrationOptions(nullIfBlank(options.get(DIR)), nullIfBlank(options.get(GENERATE)), allowed, backfills);
  }

  public boolean enabled() {
    return dir != null;
  }

  private static String blankToEmpty(String value) {
    return value == null ? "" : value;
  }

  /** Maven passes an unset property as its literal {@code ${…}} or as empty: both mean "not given". */
  private static String nullIfBlank(String value) {
    return value == null || value.isBlank() || value.startsWith("${") ? null : value.trim();
  }
}
