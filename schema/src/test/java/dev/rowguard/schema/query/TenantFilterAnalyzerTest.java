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

  private static final String ACCOUNT_IS = " = current_setting('rowguard.client_account_id')::uuid";
  private static final String ENGAGEMENT_IS = " = current_setting('rowguard.engagement_id')::uuid";

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT * FROM app.asset WHERE client_account_id" + ACCOUNT_IS + " AND engagement_id" + ENGAGEMENT_IS
          + " AND hostname = ?",
      "SELECT * FROM asset a WHERE a.client_account_id" + ACCOUNT_IS + " AND a.engagement_id" + ENGAGEMENT_IS,
      "SELECT * FROM asset WHERE engagement_id = (current_setting('rowguard.engagement_id'))::uuid"
          + " AND (client_account_id = CAST(current_setting('rowguard.client_account_id') AS uuid) AND id = ?)",
      "SELECT * FROM asset WHERE client_account_id = current_setting('rowguard.client_account_id')::uuid"
          + " AND engagement_id = pg_catalog.current_setting('rowguard.engagement_id', true)::uuid",
      "SELECT a.* FROM asset a JOIN engagement e ON e.id = a.engagement_id AND e.client_account_id" + ACCOUNT_IS
          + " WHERE a.client_account_id" + ACCOUNT_IS + " AND a.engagement_id" + ENGAGEMENT_IS,
      // the ON of a LEFT JOIN restricts the side it joins
      "SELECT * FROM engagement e LEFT JOIN asset a ON a.client_account_id" + ACCOUNT_IS + " AND a.engagement_id"
          + ENGAGEMENT_IS + " WHERE e.client_account_id" + ACCOUNT_IS,
      "SELECT * FROM app.country WHERE code = 'DE'",
      "SELECT id FROM asset WHERE current_setting('rowguard.client_account_id')::uuid = client_account_id"
          + " AND engagement_id" + ENGAGEMENT_IS + " AND id IN (SELECT asset_id FROM app.country WHERE code = ?)",
      "INSERT INTO asset (id, client_account_id, engagement_id, hostname) VALUES (?, ?, ?, ?)",
      "UPDATE asset SET hostname = ? WHERE id = ? AND client_account_id" + ACCOUNT_IS + " AND engagement_id"
          + ENGAGEMENT_IS,
      "DELETE FROM app.engagement WHERE id = ? AND client_account_id" + ACCOUNT_IS,
      "WITH asset AS (SELECT 1 AS id) SELECT id FROM asset",
      // PostgreSQL syntax that must parse
      "SELECT * FROM app.engagement WHERE client_account_id" + ACCOUNT_IS + " AND name ILIKE :n LIMIT :l",
      "SELECT * FROM engagement WHERE client_account_id" + ACCOUNT_IS + " AND id = ANY(?) FOR UPDATE SKIP LOCKED",
      "INSERT INTO engagement (id, client_account_id, name) VALUES (?, ?, ?)"
          + " ON CONFLICT (client_account_id, id) DO UPDATE SET name = EXCLUDED.name RETURNING id",
      "UPDATE engagement e SET name = ? FROM engagement o"
          + " WHERE e.client_account_id" + ACCOUNT_IS + " AND o.client_account_id" + ACCOUNT_IS
          + " AND e.id = o.id RETURNING e.id",
      "SELECT count(*) FILTER (WHERE name IS NULL) FROM engagement"
          + " WHERE client_account_id = current_setting('rowguard.client_account_id', true)::uuid",
  })
  void acceptsQueriesThatRestrictEveryTenantKey(String sql) {
    TenantFilterReport report = ANALYZER.analyze(sql);
    assertThat(report.problems()).isEmpty();
    assertThat(report.forbidden()).isEmpty();
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
            + " client_account_id, engagement_id; add `client_account_id ="
            + " current_setting('rowguard.client_account_id')::uuid` and `engagement_id"
            + " = current_setting('rowguard.engagement_id')::uuid` to the WHERE clause (or to the ON of an inner"
            + " join, or of the LEFT JOIN that joins it); a bind parameter, COALESCE, NULLIF, CASE or OR does not"
            + " restrict it");
  }

  @Test
  void reportsAMissingInnerKeyOfAHierarchy() {
    assertThat(ANALYZER.analyze("SELECT * FROM asset WHERE client_account_id" + ACCOUNT_IS).problems())
        .containsExactly(new TenantFilterProblem(
            "SELECT", new QualifiedName("app", "asset"), "asset", List.of(ENGAGEMENT)));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      // OR does not restrict
      "SELECT * FROM engagement WHERE client_account_id" + ACCOUNT_IS + " OR id = ?",
      // a literal is not the bound tenant
      "SELECT * FROM engagement WHERE client_account_id = '42'",
      // nor is a bind parameter: the caller could bind any tenant's key
      "SELECT * FROM engagement WHERE client_account_id = ?",
      "SELECT * FROM engagement WHERE client_account_id = :account::uuid",
      "DELETE FROM engagement WHERE client_account_id = $1",
      // a different setting, or the right one under another type
      "SELECT * FROM engagement WHERE client_account_id = current_setting('rowguard.engagement_id')::uuid",
      "SELECT * FROM engagement WHERE client_account_id = current_setting('rowguard.client_account_id')::text",
      // fail-open fallbacks: with no tenant bound they compare the key with itself, or with the caller's value
      "SELECT * FROM engagement WHERE client_account_id"
          + " = COALESCE(NULLIF(current_setting('rowguard.client_account_id', true), '')::uuid, client_account_id)",
      "SELECT * FROM engagement WHERE client_account_id = COALESCE(:p, current_setting('rowguard.client_account_id'))",
      "SELECT * FROM engagement WHERE client_account_id = CASE WHEN :all THEN client_account_id"
          + " ELSE current_setting('rowguard.client_account_id')::uuid END",
      "SELECT * FROM engagement WHERE client_account_id = (SELECT current_setting('rowguard.client_account_id')::uuid)",
      // the tenant switch: a sub-select writes the setting, the filter reads it through COALESCE
      "SELECT e.* FROM engagement e, (SELECT set_config('rowguard.client_account_id', :other, false) AS c) s"
          + " WHERE e.client_account_id = COALESCE(s.c, current_setting('rowguard.client_account_id'))::uuid",
      // a filter on another table's key
      "SELECT * FROM engagement e JOIN app.country c ON c.id = e.id WHERE c.client_account_id" + ACCOUNT_IS,
      // the joined table is unrestricted
      "SELECT * FROM engagement e JOIN asset a ON a.engagement_id = e.id WHERE e.client_account_id" + ACCOUNT_IS,
      // the filter on a LEFT JOIN's ON does not restrict the left table
      "SELECT * FROM engagement e LEFT JOIN engagement o ON o.client_account_id" + ACCOUNT_IS
          + " AND e.client_account_id" + ACCOUNT_IS,
      // the ON of a RIGHT or FULL JOIN never restricts the side it preserves
      "SELECT * FROM app.country c RIGHT JOIN engagement e ON e.client_account_id" + ACCOUNT_IS,
      "SELECT * FROM engagement o RIGHT JOIN engagement e ON e.client_account_id" + ACCOUNT_IS
          + " WHERE o.client_account_id" + ACCOUNT_IS,
      "SELECT * FROM engagement o FULL JOIN engagement e ON e.client_account_id" + ACCOUNT_IS
          + " AND o.client_account_id" + ACCOUNT_IS,
      // a table inside a parenthesised join is still a table of the query
      "SELECT * FROM (app.country c JOIN engagement e ON e.id = c.id)",
      // subquery without filter
      "SELECT * FROM app.country WHERE id IN (SELECT id FROM engagement)",
      "SELECT * FROM (SELECT * FROM engagement) x WHERE x.client_account_id" + ACCOUNT_IS,
      "SELECT * FROM engagement e WHERE EXISTS (SELECT 1 FROM engagement o WHERE o.id = e.id)"
          + " AND e.client_account_id" + ACCOUNT_IS,
      "SELECT id FROM engagement WHERE client_account_id" + ACCOUNT_IS + " UNION SELECT id FROM engagement",
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
    TenantFilterReport report = ANALYZER.analyze("SELECT (((( FROM app.country");
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
        "DELETE FROM engagement WHERE client_account_id" + ACCOUNT_IS + "; DELETE FROM engagement WHERE id = ?");
    assertThat(report.problems()).hasSize(1);
    assertThat(report.problems().get(0).missingColumns()).containsExactly("client_account_id");
  }

  @Test
  void aModelWithoutTenantedTablesAcceptsEverything() {
    TenantFilterAnalyzer shared = TenantFilterAnalyzer.of(List.of(table("app", "country")));
    assertThat(shared.hasTenantedTables()).isFalse();
    assertThat(shared.analyze("SELECT * FROM country").status()).isEqualTo(Status.SAFE);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT set_config('rowguard.client_account_id', ?, false)",
      "SELECT pg_catalog.set_config('rowguard.client_account_id', ?, false) FROM app.country",
      "SELECT \"set_config\"('rowguard.client_account_id', ?, false)",
      "SET rowguard.client_account_id = '42'",
      "SET LOCAL statement_timeout = 1000",
      "select 1; reset all",
      "DISCARD ALL",
      "SET ROLE postgres",
      "SET SESSION AUTHORIZATION postgres",
      "ALTER ROLE app SET rowguard.client_account_id = '42'",
      "UPDATE pg_settings SET setting = '42' WHERE name = 'rowguard.client_account_id'",
      "SELECT pg_cancel_backend(?)",
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity",
      "SELECT pg_read_file('/etc/passwd')",
      "SELECT lo_import('/etc/passwd')",
      "SELECT * FROM dblink('host=x', 'SELECT 1') AS t(x int)",
      "SELECT pg_advisory_lock(1)",
      "LOCK TABLE app.country",
      "DO $$ BEGIN PERFORM set_config('rowguard.client_account_id', '42', false); END $$",
      "COPY app.country TO '/tmp/x'",
      "SELECT * FROM engagement WHERE client_account_id = ?; SET rowguard.client_account_id = 'x' ((( unparseable",
      // A carriage return ends a line comment for PostgreSQL: the call after it runs.
      "SELECT 1 --\r, set_config('rowguard.client_account_id', 'x', false)",
      "SELECT $1set_config('rowguard.client_account_id', 'x', false)",
      // However the call is spelled: spaced, commented, quoted or schema-qualified.
      "SELECT set_config ('rowguard.client_account_id', 'x', false)",
      "SELECT set_config/* */('rowguard.client_account_id', 'x', false)",
      "SELECT \"set_config\"('rowguard.client_account_id', 'x', false)",
      "SELECT pg_catalog.set_config('rowguard.client_account_id', 'x', false)",
      "SELECT PG_CATALOG.SET_CONFIG('rowguard.client_account_id', 'x', false)",
      "UPDATE pg_settings SET setting = 'x' WHERE name = 'rowguard.client_account_id'",
  })
  void reportsOperationsThatChangeSessionStateOrReachTheServer(String sql) {
    TenantFilterReport report = ANALYZER.analyze(sql);
    assertThat(report.forbidden()).isNotEmpty();
    assertThat(report.reportable()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT 'set_config(' FROM app.country",
      "SELECT 1 FROM app.country -- set_config(x)",
      "SELECT $$ pg_read_file( $$",
      "UPDATE app.country SET name = ? WHERE code = ?",
      "SELECT current_setting('rowguard.client_account_id')",
      "SELECT * FROM app.country c WHERE c.lock = 1 AND c.setting = 2",
  })
  void wordsInLiteralsCommentsOrOtherRolesAreNotOperations(String sql) {
    assertThat(ANALYZER.analyze(sql).forbidden()).isEmpty();
  }

  @Test
  void forbiddenOperationsAreFoundWhereNoTenantedTableIsNamed() {
    TenantFilterAnalyzer shared = TenantFilterAnalyzer.of(List.of(table("app", "country")));
    assertThat(shared.analyze("SELECT set_config('rowguard.client_account_id', ?, false)").forbidden())
        .containsExactly("set_config(…)");
  }
}
