package dev.rowguard.schema.query;

import static com.google.common.truth.Truth.assertThat;

import dev.rowguard.schema.Key;
import dev.rowguard.schema.QualifiedName;
import dev.rowguard.schema.Schema;
import dev.rowguard.schema.Table;
import dev.rowguard.schema.Tenancy;
import dev.rowguard.schema.TenantKeyColumn;
import dev.rowguard.schema.query.TenantFilterReport.Status;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

final class TenantFilterAnalyzerTest {
  private static final TenantKeyColumn ACCOUNT =
      new TenantKeyColumn("client_account_id", "rowguard.client_account_id", "uuid", null);
  private static final TenantKeyColumn ENGAGEMENT =
      new TenantKeyColumn("engagement_id", "rowguard.engagement_id", "uuid", null);

  private static final TenantFilterAnalyzer ANALYZER =
      TenantFilterAnalyzer.of(
          Schema.of(
              List.of(
                  table("app", "asset", ACCOUNT, ENGAGEMENT),
                  table("app", "engagement", ACCOUNT),
                  table("app", "country"))));

  private static Table table(String schema, String name, TenantKeyColumn... keys) {
    return new Table(
        new QualifiedName(schema, name), "com.example." + name, null,
        keys.length == 0 ? null : new Tenancy(List.of(keys)),
        List.of(), new Key(null, List.of("id")), List.of(), List.of(), List.of(), List.of());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT * FROM app.asset WHERE client_account_id = ? AND engagement_id = ? AND hostname = ?",
      "SELECT * FROM asset a WHERE a.client_account_id = :account AND a.engagement_id = :engagement",
      "SELECT * FROM asset WHERE engagement_id = ?::uuid AND (client_account_id = ? AND id = ?)",
      "SELECT * FROM asset WHERE client_account_id = current_setting('rowguard.client_account_id')::uuid"
          + " AND engagement_id = current_setting('rowguard.engagement_id', true)::uuid",
      "SELECT a.* FROM asset a JOIN engagement e ON e.id = a.engagement_id AND e.client_account_id = ?"
          + " WHERE a.client_account_id = ? AND a.engagement_id = ?",
      "SELECT * FROM app.country WHERE code = 'DE'",
      "SELECT id FROM asset WHERE ? = client_account_id AND engagement_id = ?"
          + " AND id IN (SELECT asset_id FROM app.country WHERE code = ?)",
      "INSERT INTO asset (id, client_account_id, engagement_id, hostname) VALUES (?, ?, ?, ?)",
      "UPDATE asset SET hostname = ? WHERE id = ? AND client_account_id = ? AND engagement_id = ?",
      "DELETE FROM app.engagement WHERE id = ? AND client_account_id = ?",
      "WITH asset AS (SELECT 1 AS id) SELECT id FROM asset",
      // PostgreSQL syntax that must parse
      "SELECT * FROM app.engagement WHERE client_account_id = :account::uuid AND name ILIKE :n LIMIT :l",
      "SELECT * FROM engagement WHERE client_account_id = $1 AND id = ANY(?) FOR UPDATE SKIP LOCKED",
      "INSERT INTO engagement (id, client_account_id, name) VALUES (?, ?, ?)"
          + " ON CONFLICT (client_account_id, id) DO UPDATE SET name = EXCLUDED.name RETURNING id",
      "UPDATE engagement e SET name = ? FROM engagement o"
          + " WHERE e.client_account_id = ? AND o.client_account_id = ? AND e.id = o.id RETURNING e.id",
      "SELECT count(*) FILTER (WHERE name IS NULL) FROM engagement"
          + " WHERE client_account_id = current_setting('rowguard.client_account_id', true)::uuid",
      "SET LOCAL rowguard.client_account_id = '00000000-0000-0000-0000-000000000000'",
  })
  void acceptsQueriesThatRestrictEveryTenantKey(String sql) {
    TenantFilterReport report = ANALYZER.analyze(sql);
    assertThat(report.problems()).isEmpty();
    assertThat(report.status()).isEqualTo(Status.SAFE);
  }

  @Test
  void reportsATableWithoutAnyTenantFilter() {
    TenantFilterReport report = ANALYZER.analyze("SELECT * FROM asset WHERE hostname = ?");
    assertThat(report.status()).isEqualTo(Status.UNFILTERED);
    assertThat(report.problems())
        .containsExactly(new TenantFilterProblem(
            "SELECT", new QualifiedName("app", "asset"), "asset", List.of(ACCOUNT, ENGAGEMENT)));
    assertThat(report.problems().get(0).message())
        .isEqualTo("SELECT on tenanted table app.asset (as `asset`) does not restrict tenant key"
            + " client_account_id, engagement_id; add `client_account_id = ?` or `client_account_id ="
            + " current_setting('rowguard.client_account_id')::uuid`, and `engagement_id = ?` or `engagement_id"
            + " = current_setting('rowguard.engagement_id')::uuid` to the WHERE clause or to the JOIN's ON");
  }

  @Test
  void reportsAMissingInnerKeyOfAHierarchy() {
    assertThat(ANALYZER.analyze("SELECT * FROM asset WHERE client_account_id = ?").problems())
        .containsExactly(new TenantFilterProblem(
            "SELECT", new QualifiedName("app", "asset"), "asset", List.of(ENGAGEMENT)));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      // OR does not restrict
      "SELECT * FROM engagement WHERE client_account_id = ? OR id = ?",
      // a literal is not the bound tenant
      "SELECT * FROM engagement WHERE client_account_id = '42'",
      // a different setting
      "SELECT * FROM engagement WHERE client_account_id = current_setting('rowguard.engagement_id')::uuid",
      // a filter on another table's key
      "SELECT * FROM engagement e JOIN app.country c ON c.id = e.id WHERE c.client_account_id = ?",
      // the joined table is unrestricted
      "SELECT * FROM engagement e JOIN asset a ON a.engagement_id = e.id WHERE e.client_account_id = ?",
      // the filter on a LEFT JOIN's ON does not restrict the left table
      "SELECT * FROM engagement e LEFT JOIN asset a ON a.client_account_id = ? AND a.engagement_id = ?"
          + " AND e.client_account_id = ?",
      // subquery without filter
      "SELECT * FROM app.country WHERE id IN (SELECT id FROM engagement)",
      "SELECT * FROM (SELECT * FROM engagement) x WHERE x.client_account_id = ?",
      "SELECT * FROM engagement e WHERE EXISTS (SELECT 1 FROM engagement o WHERE o.id = e.id)"
          + " AND e.client_account_id = ?",
      "SELECT id FROM engagement WHERE client_account_id = ? UNION SELECT id FROM engagement",
      "WITH e AS (SELECT * FROM engagement) SELECT * FROM e",
      "UPDATE engagement SET name = ? WHERE id = ?",
      "DELETE FROM app.engagement",
      "INSERT INTO engagement (id, name) VALUES (?, ?)",
      "INSERT INTO engagement VALUES (?, ?, ?)",
      "UPDATE app.country SET name = ? WHERE id IN (SELECT country_id FROM engagement WHERE id = ?)",
  })
  void rejectsQueriesThatLeaveATenantKeyUnrestricted(String sql) {
    TenantFilterReport report = ANALYZER.analyze(sql);
    assertThat(report.status()).isEqualTo(Status.UNFILTERED);
    assertThat(report.problems()).isNotEmpty();
  }

  @Test
  void unparseableSqlNamingATenantedTableCannotBeProvedSafe() {
    TenantFilterReport report = ANALYZER.analyze("SELECT * FROM asset WHERE hostname ~~~ ??? ((");
    assertThat(report.status()).isEqualTo(Status.UNPARSEABLE);
    assertThat(report.reportable()).isTrue();
    assertThat(report.detail()).isNotEmpty();
  }

  @Test
  void sqlNamingNoTenantedTableIsSafeWithoutBeingParsed() {
    TenantFilterReport report = ANALYZER.analyze("VACUUM (((( app.country");
    assertThat(report.status()).isEqualTo(Status.SAFE);
    assertThat(report.reportable()).isFalse();
  }

  @Test
  void anUnqualifiedNameSharedByATenantedTableIsTreatedAsTenanted() {
    TenantFilterAnalyzer analyzer = TenantFilterAnalyzer.of(
        List.of(table("app", "asset", ACCOUNT), table("archive", "asset")));
    assertThat(analyzer.analyze("SELECT * FROM asset").status()).isEqualTo(Status.UNFILTERED);
    assertThat(analyzer.analyze("SELECT * FROM archive.asset").status()).isEqualTo(Status.SAFE);
    assertThat(analyzer.analyze("SELECT * FROM app.asset").status()).isEqualTo(Status.UNFILTERED);
  }

  @Test
  void everyStatementOfAScriptIsChecked() {
    TenantFilterReport report = ANALYZER.analyze(
        "DELETE FROM engagement WHERE client_account_id = ?; DELETE FROM engagement WHERE id = ?");
    assertThat(report.problems()).hasSize(1);
    assertThat(report.problems().get(0).missingColumns()).containsExactly("client_account_id");
  }

  @Test
  void aModelWithoutTenantedTablesAcceptsEverything() {
    TenantFilterAnalyzer shared = TenantFilterAnalyzer.of(List.of(table("app", "country")));
    assertThat(shared.hasTenantedTables()).isFalse();
    assertThat(shared.analyze("SELECT * FROM country").status()).isEqualTo(Status.SAFE);
  }

  @Test
  void strictModeCountsOnlyTheChosenParametersAsTheTenant() {
    String sql = "SELECT * FROM app.engagement WHERE client_account_id = :account AND name = :name";
    assertThat(ANALYZER.analyze(sql).status()).isEqualTo(Status.SAFE);
    assertThat(ANALYZER.analyze(sql, name -> name.equals("account")).status()).isEqualTo(Status.SAFE);
    assertThat(ANALYZER.analyze(sql, name -> false).problems())
        .containsExactly(new TenantFilterProblem(
            "SELECT", new QualifiedName("app", "engagement"), "app.engagement", List.of(ACCOUNT)));
  }

  @Test
  void strictModeNeverCountsPositionalParameters() {
    String sql = "DELETE FROM engagement WHERE client_account_id = ?";
    assertThat(ANALYZER.analyze(sql).status()).isEqualTo(Status.SAFE);
    assertThat(ANALYZER.analyze(sql, name -> true).status()).isEqualTo(Status.UNFILTERED);
  }

  @Test
  void strictModeAcceptsTheSessionSetting() {
    assertThat(ANALYZER.analyze("SELECT * FROM engagement WHERE client_account_id ="
        + " current_setting('rowguard.client_account_id')::uuid", name -> false).status()).isEqualTo(Status.SAFE);
  }
}
