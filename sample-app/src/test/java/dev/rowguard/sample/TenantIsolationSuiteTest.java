package dev.rowguard.sample;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static dev.rowguard.sample.Violation.Kind.DELETE_OTHER_TENANT;
import static dev.rowguard.sample.Violation.Kind.INSERT_WITH_OTHER_TENANT_KEY;
import static dev.rowguard.sample.Violation.Kind.NULL_TENANT_KEY;
import static dev.rowguard.sample.Violation.Kind.READ_OTHER_TENANT;
import static dev.rowguard.sample.Violation.Kind.READ_WITHOUT_TENANT;
import static dev.rowguard.sample.Violation.Kind.REFERENCE_OTHER_TENANT_ROW;
import static dev.rowguard.sample.Violation.Kind.UPDATE_OTHER_TENANT;
import static dev.rowguard.sample.Violation.Kind.UPDATE_TO_OTHER_TENANT_KEY;
import static dev.rowguard.sample.Violation.Kind.WRITE_WITHOUT_TENANT;

import dev.rowguard.postgres.Database;
import dev.rowguard.postgres.PostgresExtension;
import dev.rowguard.schema.Schema;
import dev.rowguard.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The generated schema isolates tenants, and the suite that says so has teeth: each deliberate weakening of the
 * generated script is reported as the violation it causes. Every test gets a database of its own.
 */
@ExtendWith(PostgresExtension.class)
class TenantIsolationSuiteTest {
  private static final Schema MODEL = GeneratedSchema.model();
  private static final String SCRIPT = GeneratedSchema.script();
  private static final TenantIsolationSuite SUITE = TenantIsolationSuite.forModel(MODEL);
  private static final List<Table> TENANTED = SUITE.tenantedTables();

  /** The model (schema.json) and the script (schema.sql) agree on which tables row-level security guards. */
  @Test
  void theSuiteChecksEveryTableThatTheScriptPutsUnderRowLevelSecurity() {
    Matcher enabled = Pattern.compile("(?m)^ALTER TABLE (\\S+) ENABLE ROW LEVEL SECURITY;$").matcher(SCRIPT);
    List<String> guarded = new ArrayList<>();
    while (enabled.find()) {
      guarded.add(enabled.group(1));
    }

    assertThat(TENANTED.stream().map(t -> t.name().sql()).toList()).containsExactlyElementsIn(guarded);
    assertThat(guarded).contains("migration.asset_dependency");
  }

  @Test
  void generatedSchemaIsolatesTenants(Database database) {
    List<Violation> violations = SUITE.check(database, SCRIPT);

    assertWithMessage(describe(violations)).that(violations).isEmpty();
  }

  /** The control for (a): ownership alone is harmless while row-level security is forced. */
  @Test
  void forcedRowLevelSecurityHoldsEvenWhenTheLoginOwnsTheTables(Database database) {
    List<Violation> violations = SUITE.check(database, SCRIPT, TenantIsolationSuiteTest::ownTenantedTables);

    assertWithMessage(describe(violations)).that(violations).isEmpty();
  }

  @Test
  void withoutForceTheOwningLoginReachesOtherTenantsRows(Database database) {
    String weakened = SchemaWeakenings.withoutForceRowLevelSecurity(SCRIPT, TENANTED.size());
    assertThat(weakened).isNotEqualTo(SCRIPT);

    List<Violation> violations = SUITE.check(database, weakened, TenantIsolationSuiteTest::ownTenantedTables);

    assertReportedOnEveryTenantedTable(violations, READ_OTHER_TENANT, UPDATE_OTHER_TENANT, DELETE_OTHER_TENANT,
        INSERT_WITH_OTHER_TENANT_KEY, UPDATE_TO_OTHER_TENANT_KEY, READ_WITHOUT_TENANT, WRITE_WITHOUT_TENANT);
  }

  @Test
  void nullableTenantKeysAreReported(Database database) {
    List<String> keyColumns = MODEL.tables().stream().filter(Table::tenanted)
        .flatMap(t -> t.tenancy().columns().stream()).distinct().toList();
    int keyColumnsOfAllTables = TENANTED.stream().mapToInt(t -> t.tenancy().columns().size()).sum();
    String weakened = SchemaWeakenings.withNullableTenantKeys(SCRIPT, keyColumns, keyColumnsOfAllTables);
    assertThat(weakened).isNotEqualTo(SCRIPT);

    List<Violation> violations = SUITE.check(database, weakened);

    assertReportedOnEveryTenantedTable(violations, NULL_TENANT_KEY);
    assertOnlyKinds(violations, NULL_TENANT_KEY);
  }

  @Test
  void aPolicyThatOpensWhenTheSettingIsUnsetIsReported(Database database) {
    String outermost = TENANTED.get(0).tenancy().keys().get(0).setting();
    String weakened = SchemaWeakenings.withPoliciesOpenWhenUnset(SCRIPT, outermost, TENANTED.size());
    assertThat(weakened).isNotEqualTo(SCRIPT);

    List<Violation> violations = SUITE.check(database, weakened);

    assertReportedOnEveryTenantedTable(violations, READ_WITHOUT_TENANT, WRITE_WITHOUT_TENANT);
    assertOnlyKinds(violations, READ_WITHOUT_TENANT, WRITE_WITHOUT_TENANT);
  }

  @Test
  void aPolicyThatCoalescesAMissingSettingToTheRowsKeyIsReported(Database database) {
    // Two comparisons (USING and WITH CHECK) per key of each table.
    int comparisons = 2 * TENANTED.stream().mapToInt(t -> t.tenancy().columns().size()).sum();
    String weakened = SchemaWeakenings.withPoliciesCoalescingToTheRowsKey(SCRIPT, comparisons);
    assertThat(weakened).isNotEqualTo(SCRIPT);

    List<Violation> violations = SUITE.check(database, weakened);

    assertReportedOnEveryTenantedTable(violations, READ_WITHOUT_TENANT, WRITE_WITHOUT_TENANT);
    assertOnlyKinds(violations, READ_WITHOUT_TENANT, WRITE_WITHOUT_TENANT);
  }

  @Test
  void plainForeignKeysToAssetsLetADependencyPointAtAnotherTenantsAsset(Database database) {
    String weakened = SchemaWeakenings.withPlainForeignKeysTo(SCRIPT, "migration.asset",
        compositeForeignKeysTo("asset"));
    assertThat(weakened).isNotEqualTo(SCRIPT);

    List<Violation> violations = SUITE.check(database, weakened);

    assertOnlyKinds(violations, REFERENCE_OTHER_TENANT_ROW);
    assertThat(tables(violations)).containsExactly("migration.asset_dependency");
    // Both references, each on insert and on update.
    assertThat(violations).hasSize(4);
  }

  @Test
  void plainForeignKeysToEngagementsLetRowsJoinAnotherClientsEngagement(Database database) {
    String weakened = SchemaWeakenings.withPlainForeignKeysTo(SCRIPT, "migration.engagement",
        compositeForeignKeysTo("engagement"));
    assertThat(weakened).isNotEqualTo(SCRIPT);

    List<Violation> violations = SUITE.check(database, weakened);

    assertOnlyKinds(violations, REFERENCE_OTHER_TENANT_ROW);
    // asset_dependency is not among them: its composite keys to asset still refuse a foreign engagement.
    assertThat(tables(violations)).containsExactly(
        "migration.asset", "migration.data_import", "migration.discovery_flow");
  }

  private static String ownTenantedTables(String login) {
    return TENANTED.stream().map(t -> "ALTER TABLE " + t.name().sql() + " OWNER TO " + login + ";\n")
        .collect(Collectors.joining());
  }

  private static int compositeForeignKeysTo(String table) {
    return (int) MODEL.tables().stream().flatMap(t -> t.foreignKeys().stream())
        .filter(fk -> fk.target().name().equals(table) && fk.columns().size() > 1)
        .count();
  }

  private static void assertReportedOnEveryTenantedTable(List<Violation> violations, Violation.Kind... kinds) {
    Set<String> expected = TENANTED.stream().map(t -> t.name().toString()).collect(Collectors.toSet());
    for (Violation.Kind kind : kinds) {
      Set<String> reported = violations.stream().filter(v -> v.kind() == kind).map(Violation::table)
          .collect(Collectors.toSet());
      assertWithMessage(kind + " on every tenanted table; got:\n" + describe(violations))
          .that(reported).containsExactlyElementsIn(expected);
    }
  }

  private static void assertOnlyKinds(List<Violation> violations, Violation.Kind... kinds) {
    assertWithMessage(describe(violations))
        .that(violations.stream().map(Violation::kind).collect(Collectors.toSet()))
        .containsExactlyElementsIn(List.of(kinds));
  }

  private static Set<String> tables(List<Violation> violations) {
    return violations.stream().map(Violation::table).collect(Collectors.toCollection(TreeSet::new));
  }

  private static String describe(List<Violation> violations) {
    return violations.size() + " violations:\n" + violations.stream().map(v -> "  " + v)
        .collect(Collectors.joining("\n"));
  }
}
