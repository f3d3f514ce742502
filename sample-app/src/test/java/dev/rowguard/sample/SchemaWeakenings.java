package dev.rowguard.sample;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deliberate weakenings of the generated script, each a mistake that hand-written or badly generated DDL makes,
 * for proving that {@link TenantIsolationSuite} notices it. Each one fails unless it changes exactly the
 * expected number of places, so that a change to the generator cannot silently turn its test into a no-op.
 */
final class SchemaWeakenings {
  private SchemaWeakenings() {}

  /** (a) Row-level security enabled but not forced: the tables' owner bypasses every policy. */
  static String withoutForceRowLevelSecurity(String script, int tables) {
    return replace("drop FORCE ROW LEVEL SECURITY", script,
        Pattern.compile("(?m)^ALTER TABLE \\S+ FORCE ROW LEVEL SECURITY;\\n"), "", tables);
  }

  /** (b) Tenant key columns declared without NOT NULL. */
  static String withNullableTenantKeys(String script, List<String> keyColumns, int columns) {
    String names = String.join("|", keyColumns.stream().map(Pattern::quote).toList());
    return replace("drop NOT NULL from tenant keys", script,
        Pattern.compile("(?m)^(\\s+(?:" + names + ")\\s+\\S+) NOT NULL,$"), "$1,", columns);
  }

  /**
   * (c) A policy that is not fail-closed: {@code USING (<setting> IS NULL OR …)}, the "admin sees everything"
   * shortcut. With no tenant bound every row is visible (and deletable); WITH CHECK is left strict.
   */
  static String withPoliciesOpenWhenUnset(String script, String outermostSetting, int policies) {
    String unset = "(SELECT NULLIF(current_setting('" + outermostSetting + "', true), '')) IS NULL OR ";
    return replace("USING (… IS NULL OR …)", script,
        Pattern.compile("(?m)^(    USING \\()"), "$1" + Matcher.quoteReplacement(unset), policies);
  }

  /**
   * (c') Another policy that is not fail-closed: {@code key = COALESCE(<setting>, key)}, true for every row when
   * the setting is missing, in USING and WITH CHECK alike.
   */
  static String withPoliciesCoalescingToTheRowsKey(String script, int comparisons) {
    return replace("COALESCE(setting, key)", script,
        Pattern.compile("(\\w+) = (\\(SELECT NULLIF\\(current_setting\\('[^']+', true\\), ''\\)::\\w+\\))"),
        "$1 = COALESCE($2, $1)", comparisons);
  }

  /**
   * (d) Foreign keys to {@code target} on its id alone, {@code FOREIGN KEY (x_id) REFERENCES t (id)}, instead
   * of {@code (tenant keys…, x_id) REFERENCES t (tenant keys…, id)}. The primary key makes {@code id} a valid
   * target, and the foreign-key check sees past row-level security, so another tenant's row is accepted.
   */
  static String withPlainForeignKeysTo(String script, String target, int foreignKeys) {
    return replace("plain foreign keys to " + target, script,
        Pattern.compile("FOREIGN KEY \\(((?:\\w+, )+)(\\w+)\\) REFERENCES " + Pattern.quote(target)
            + " \\(\\1(\\w+)\\)"),
        "FOREIGN KEY ($2) REFERENCES " + Matcher.quoteReplacement(target) + " ($3)", foreignKeys);
  }

  private static String replace(String weakening, String script, Pattern pattern, String replacement, int expected) {
    Matcher matcher = pattern.matcher(script);
    StringBuilder result = new StringBuilder();
    int changed = 0;
    while (matcher.find()) {
      matcher.appendReplacement(result, replacement);
      changed++;
    }
    matcher.appendTail(result);
    if (changed != expected) {
      throw new IllegalStateException("weakening \"" + weakening + "\" changed " + changed + " places of the"
          + " generated script instead of " + expected + ": the generated DDL has changed; update the weakening so"
          + " that its test still tests something");
    }
    return result.toString();
  }
}
