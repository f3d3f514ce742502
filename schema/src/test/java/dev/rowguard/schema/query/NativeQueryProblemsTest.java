package dev.rowguard.schema.query;

import static com.google.common.truth.Truth.assertThat;
import static dev.rowguard.schema.query.NativeQueryModel.ANALYZER;
import static dev.rowguard.schema.query.NativeQueryModel.ASSET;
import static dev.rowguard.schema.query.NativeQueryModel.parameter;

import dev.rowguard.schema.query.NativeQueryProblem.Kind;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each kind of problem, and that correct SQL has none. */
final class NativeQueryProblemsTest {
  private static final ResultShape ASSETS = new ResultShape.Rows(ASSET);
  private static final ResultShape COUNT = new ResultShape.UpdateCount();

  @Test
  void theExamplesOfTheAnnotationAreCorrect() {
    assertThat(analyze("SELECT a.* FROM asset a WHERE rowguard_tenant(a) AND a.hostname LIKE :pattern"
        + " ORDER BY a.hostname", ASSETS, parameter("pattern", "java.lang.String")).problems()).isEmpty();
    assertThat(analyze("SELECT a.hostname, count(*) AS dependency_count FROM asset a JOIN asset_dependency d"
        + " ON rowguard_tenant(d) AND d.dependent_asset_id = a.id WHERE rowguard_tenant(a) GROUP BY a.hostname",
        new ResultShape.Projection("dev.x.HostDependencies", List.of(
            new ResultShape.Projection.Component("hostname", "java.lang.String"),
            new ResultShape.Projection.Component("dependencyCount", "long")))).problems()).isEmpty();
    assertThat(analyze("UPDATE asset SET mapping_status = :status WHERE rowguard_tenant() AND id = :id", COUNT,
        parameter("id", "java.util.UUID"), parameter("status", "dev.x.Asset.MappingStatus")).problems()).isEmpty();
  }

  @Test
  void syntaxErrorsStopTheAnalysisAndSayWhere() {
    NativeQueryAnalysis analysis = analyze("SELECT * FROM asset WHERE rowguard_tenant() AND hostname = = :h",
        ASSETS, parameter("unused", "int"));
    assertThat(analysis.problems()).hasSize(1);
    assertThat(analysis.problems().get(0).kind()).isEqualTo(Kind.SYNTAX);
    assertThat(analysis.problems().get(0).detail()).contains("line 1, column 60");
    assertThat(analysis.kind()).isEqualTo(StatementKind.OTHER);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "CREATE TABLE x (id int)",
      "SHOW search_path",
      "SELECT * FROM country; DELETE FROM country",
      " ",
  })
  void onlyOneSelectUpdateDeleteOrInsertIsSupported(String sql) {
    NativeQueryAnalysis analysis = analyze(sql, COUNT);
    assertThat(kinds(analysis)).containsExactly(Kind.UNSUPPORTED_STATEMENT);
    assertThat(analysis.problems().get(0).detail()).contains("@SqlQuery");
  }

  @Test
  void anInsertIntoATenantedTableIsLeftToInsertMethods() {
    NativeQueryAnalysis analysis = analyze("INSERT INTO asset (id, hostname) VALUES (:id, :hostname)", COUNT,
        parameter("id", "java.util.UUID"), parameter("hostname", "java.lang.String"));
    assertThat(kinds(analysis)).containsExactly(Kind.UNSUPPORTED_STATEMENT);
    assertThat(analysis.problems().get(0).detail()).contains("use an @Insert method");
  }

  @Test
  void anInsertIntoASharedTableIsSupported() {
    NativeQueryAnalysis analysis = analyze("INSERT INTO country (id, code, name) VALUES (:id, :code, :name)"
        + " ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name", COUNT,
        parameter("id", "long"), parameter("code", "java.lang.String"), parameter("name", "java.lang.String"));
    assertThat(analysis.problems()).isEmpty();
    assertThat(analysis.kind()).isEqualTo(StatementKind.INSERT);
  }

  @Test
  void unknownTablesAreReportedWithTheClosestName() {
    NativeQueryAnalysis analysis = analyze("SELECT * FROM asets a WHERE rowguard_tenant(a)", ASSETS);
    assertThat(kinds(analysis)).containsExactly(Kind.UNKNOWN_TABLE);
    assertThat(analysis.problems().get(0).detail())
        .isEqualTo("the table 'asets' is not in the schema model (tables: asset, asset_dependency, country);"
            + " did you mean 'asset'?");
  }

  @Test
  void anUnknownQualifierIsAnUnknownTable() {
    NativeQueryAnalysis analysis = analyze("SELECT a.* FROM asset a WHERE rowguard_tenant(a) AND b.hostname = 'x'",
        ASSETS);
    assertThat(kinds(analysis)).containsExactly(Kind.UNKNOWN_TABLE);
    assertThat(analysis.problems().get(0).detail()).contains("'b' in b.hostname is not a table or alias");
  }

  @Test
  void unknownColumnsAreReportedWithTheClosestName() {
    NativeQueryAnalysis analysis = analyze(
        "SELECT a.* FROM asset a WHERE rowguard_tenant(a) AND a.hostnme = 'x' AND ipAddress IS NULL", ASSETS);
    assertThat(kinds(analysis)).containsExactly(Kind.UNKNOWN_COLUMN, Kind.UNKNOWN_COLUMN);
    assertThat(analysis.problems().get(0).detail()).isEqualTo("'hostnme' is not a column of asset a (its columns:"
        + " id, client_account_id, engagement_id, hostname, ip_address, mapping_status, cpu_cores, created_at);"
        + " did you mean 'hostname'?");
    // A Java field name, folded by PostgreSQL, points to its column.
    assertThat(analysis.problems().get(1).detail()).endsWith("did you mean 'ip_address'?");
  }

  @Test
  void unknownColumnsAreFoundInEveryClause() {
    NativeQueryAnalysis analysis = analyze("SELECT lower(hostnam) FROM asset WHERE rowguard_tenant()"
        + " AND EXISTS (SELECT 1 FROM country c WHERE c.nme = hostname) GROUP BY cpu_core", new ResultShape.Scalar(
            "java.lang.String"));
    assertThat(kinds(analysis)).containsExactly(Kind.UNKNOWN_COLUMN, Kind.UNKNOWN_COLUMN, Kind.UNKNOWN_COLUMN);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      // output aliases in ORDER BY and GROUP BY
      "SELECT a.hostname AS host FROM asset a WHERE rowguard_tenant(a) GROUP BY host ORDER BY host",
      // columns of a subquery, a CTE, a table function
      "SELECT x FROM (SELECT hostname AS x FROM asset WHERE rowguard_tenant()) s WHERE x LIKE 'a%'",
      "WITH h AS (SELECT hostname FROM asset WHERE rowguard_tenant()) SELECT hostname FROM h WHERE hostname <> ''",
      "SELECT n FROM generate_series(1, 3) AS g(n) WHERE n > 1",
      // a correlated subquery's outer column, values that look like columns
      "SELECT 1 FROM asset a WHERE rowguard_tenant(a) AND EXISTS (SELECT 1 FROM country WHERE name = hostname)",
      "SELECT hostname FROM asset WHERE rowguard_tenant() AND current_user <> 'x' AND created_at < current_date"
          + " AND true AND localtimestamp IS NOT NULL",
      // a whole-row reference, a set operation's ORDER BY
      "SELECT to_json(a) FROM asset a WHERE rowguard_tenant(a)",
      "SELECT id FROM asset WHERE rowguard_tenant() UNION SELECT id FROM country ORDER BY id",
  })
  void namesThatCannotBeResolvedAreNotReported(String sql) {
    NativeQueryAnalysis analysis = analyze(sql, new ResultShape.Scalar("java.lang.Object"));
    assertThat(analysis.problems()).isEmpty();
  }

  @Test
  void aNamedParameterWithoutMethodParameterIsUndeclared() {
    NativeQueryAnalysis analysis = analyze("SELECT * FROM asset WHERE rowguard_tenant() AND hostname = :hostnme",
        ASSETS, parameter("hostname", "java.lang.String"));
    assertThat(kinds(analysis)).containsExactly(Kind.UNDECLARED_PARAMETER, Kind.UNUSED_PARAMETER);
    assertThat(analysis.problems().get(0).detail())
        .isEqualTo(":hostnme is not a parameter of the method (its parameters: hostname); did you mean 'hostname'?");
    assertThat(analysis.problems().get(1).detail())
        .isEqualTo("the method parameter hostname is not used in the SQL; refer to it as :hostname, or remove it");
  }

  @Test
  void positionalParametersAreRejected() {
    NativeQueryAnalysis analysis = analyze("SELECT * FROM asset WHERE rowguard_tenant() AND hostname = ?", ASSETS);
    assertThat(kinds(analysis)).containsExactly(Kind.UNDECLARED_PARAMETER);
    assertThat(analysis.problems().get(0).detail()).contains("positional parameter ? at offset 59");
    assertThat(analysis.problems().get(0).detail()).contains(":name");
    assertThat(kinds(analyze("SELECT * FROM asset WHERE rowguard_tenant() AND hostname = $1", ASSETS)))
        .containsExactly(Kind.UNDECLARED_PARAMETER);
  }

  @Test
  void aTrailingSemicolonEndsTheOneStatement() {
    assertThat(analyze("SELECT * FROM asset WHERE rowguard_tenant();", ASSETS).problems()).isEmpty();
  }

  @Test
  void aParameterUsedTwiceIsBoundTwice() {
    NativeQueryAnalysis analysis = analyze("SELECT * FROM asset WHERE rowguard_tenant() AND (hostname = :h OR"
        + " ip_address = :h)", ASSETS, parameter("h", "java.lang.String"));
    assertThat(analysis.problems()).isEmpty();
    assertThat(analysis.bindings().subList(2, 4))
        .containsExactly(new BoundValue.Parameter("h"), new BoundValue.Parameter("h"));
  }

  @Test
  void aParameterMustFitTheColumnItIsComparedWith() {
    NativeQueryAnalysis analysis = analyze("SELECT * FROM asset a WHERE rowguard_tenant(a) AND a.id = :id",
        ASSETS, parameter("id", "java.lang.String"));
    assertThat(kinds(analysis)).containsExactly(Kind.PARAMETER_TYPE);
    assertThat(analysis.problems().get(0).detail()).isEqualTo(":id (java.lang.String) does not fit asset.id, a uuid"
        + " column; declare the parameter as java.util.UUID (the type of Asset.id), or cast it in the SQL"
        + " (:id::uuid) if the conversion is meant");
  }

  @Test
  void parameterTypesAreCheckedInEveryKindOfComparisonAndAssignment() {
    NativeQueryAnalysis analysis = analyze("UPDATE asset SET cpu_cores = :cores, hostname = :hostname"
        + " WHERE rowguard_tenant() AND created_at BETWEEN :from AND :to AND mapping_status IN (:status)"
        + " AND ip_address LIKE :pattern", COUNT,
        parameter("cores", "java.lang.String"), parameter("hostname", "int"),
        parameter("from", "java.time.LocalDateTime"), parameter("to", "java.time.Instant"),
        parameter("status", "dev.x.Other.Status"), parameter("pattern", "java.util.UUID"));
    assertThat(analysis.problems().stream().map(NativeQueryProblem::detail).map(d -> d.substring(0, d.indexOf(' '))))
        .containsExactly(":cores", ":hostname", ":from", ":pattern");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "id = :uuid", "cpu_cores = :primitiveLong", "cpu_cores > :boxedInt", "mapping_status = :status",
      "created_at >= :instant", "hostname ILIKE :string", "id = :text::uuid", "id = ANY(:ids)",
      "mapping_status = :text", "cpu_cores IN (:primitiveLong, :boxedInt)",
  })
  void parametersOfFittingTypesAreAccepted(String condition) {
    List<QueryParameter> all = List.of(parameter("uuid", "java.util.UUID"), parameter("primitiveLong", "long"),
        parameter("boxedInt", "java.lang.Integer"), parameter("status", "dev.x.Asset.MappingStatus"),
        parameter("instant", "java.time.Instant"), parameter("string", "java.lang.String"),
        parameter("text", "java.lang.String"), parameter("ids", "java.util.List<java.util.UUID>"));
    List<QueryParameter> used = all.stream()
        .filter(p -> Pattern.compile("(?<!:):" + p.name() + "\\b").matcher(condition).find())
        .toList();
    NativeQueryAnalysis analysis = ANALYZER.analyze(
        "SELECT * FROM asset WHERE rowguard_tenant() AND " + condition, used, ASSETS);
    assertThat(analysis.problems()).isEmpty();
  }

  @Test
  void anEntityResultNeedsEveryColumnOfItsTable() {
    NativeQueryAnalysis analysis = analyze("SELECT a.id, a.hostname FROM asset a WHERE rowguard_tenant(a)", ASSETS);
    assertThat(kinds(analysis)).containsExactly(Kind.RESULT_MAPPING);
    assertThat(analysis.problems().get(0).detail()).isEqualTo("the result has no column client_account_id,"
        + " engagement_id, ip_address, mapping_status, cpu_cores, created_at of asset, which Asset needs to be read;"
        + " select a.*, or add the missing columns to the select list");
  }

  @Test
  void aRecordComponentNeedsAColumnLabelledWithItsSnakeCaseName() {
    NativeQueryAnalysis analysis = analyze("SELECT a.hostname, count(*) FROM asset a WHERE rowguard_tenant(a)"
        + " GROUP BY a.hostname", new ResultShape.Projection("dev.x.HostDependencies", List.of(
            new ResultShape.Projection.Component("hostname", "java.lang.String"),
            new ResultShape.Projection.Component("dependencyCount", "long"))));
    assertThat(kinds(analysis)).containsExactly(Kind.RESULT_MAPPING);
    assertThat(analysis.problems().get(0).detail()).isEqualTo("HostDependencies.dependencyCount has no result"
        + " column labelled dependency_count (the result's labels: hostname, and 1 without a known name);"
        + " add AS dependency_count to the select item that computes it");
  }

  @Test
  void aRecordComponentMustFitItsColumn() {
    NativeQueryAnalysis analysis = analyze("SELECT a.id, a.created_at FROM asset a WHERE rowguard_tenant(a)",
        new ResultShape.Projection("dev.x.Row", List.of(
            new ResultShape.Projection.Component("id", "java.lang.Long"),
            new ResultShape.Projection.Component("createdAt", "java.time.Instant"))));
    assertThat(kinds(analysis)).containsExactly(Kind.RESULT_MAPPING);
    assertThat(analysis.problems().get(0).detail()).contains("Row.id (java.lang.Long) cannot be read from the"
        + " result column id, a uuid; declare it as java.util.UUID");
  }

  @Test
  void aScalarResultNeedsExactlyOneColumn() {
    NativeQueryAnalysis analysis = analyze("SELECT * FROM country", new ResultShape.Scalar("java.lang.String"));
    assertThat(kinds(analysis)).containsExactly(Kind.RESULT_MAPPING);
    assertThat(analysis.problems().get(0).detail()).contains("the result has 3 columns (id, code, name)");
    assertThat(analyze("SELECT count(*) FROM country", new ResultShape.Scalar("long")).problems()).isEmpty();
    assertThat(kinds(analyze("SELECT count(*) FROM country", new ResultShape.Scalar("java.util.UUID"))))
        .containsExactly(Kind.RESULT_MAPPING);
  }

  @Test
  void anUpdateCountNeedsAWrite() {
    assertThat(analyze("SELECT * FROM country", COUNT).problems().get(0).detail())
        .contains("the statement is a SELECT");
    assertThat(analyze("DELETE FROM country RETURNING id", COUNT).problems().get(0).detail())
        .contains("remove RETURNING");
    assertThat(analyze("DELETE FROM country WHERE code = 'XX'", new ResultShape.Scalar("long"))
        .problems().get(0).detail()).contains("add RETURNING");
  }

  @Test
  void aWriteWithReturningYieldsRows() {
    NativeQueryAnalysis analysis = analyze("UPDATE asset SET hostname = lower(hostname) WHERE rowguard_tenant()"
        + " RETURNING *", ASSETS);
    assertThat(analysis.problems()).isEmpty();
    assertThat(analysis.resultColumns()).hasSize(ASSET.columns().size());
  }

  @Test
  void anUnrestrictedTenantedTableIsReported() {
    NativeQueryAnalysis analysis = analyze("SELECT a.* FROM asset a WHERE a.hostname = :h", ASSETS,
        parameter("h", "java.lang.String"));
    assertThat(kinds(analysis)).containsExactly(Kind.TENANT_FILTER);
    assertThat(analysis.problems().get(0).detail()).isEqualTo("asset a does not restrict its tenant keys"
        + " (client_account_id, engagement_id) to the bound tenant; add rowguard_tenant(a) to the WHERE clause"
        + " (or, for a table joined by an inner or LEFT JOIN, to its JOIN's ON; the ON of a RIGHT or FULL JOIN does"
        + " not restrict the side it preserves)");
  }

  @Test
  void aTenantKeyComparedWithAParameterIsNotRestricted() {
    NativeQueryAnalysis analysis = analyze("DELETE FROM asset WHERE client_account_id = :account"
        + " AND engagement_id = current_setting('rowguard.engagement_id')::uuid", COUNT,
        parameter("account", "java.util.UUID"));
    assertThat(kinds(analysis)).containsExactly(Kind.TENANT_FILTER);
    assertThat(analysis.problems().get(0).detail()).isEqualTo("asset does not restrict its tenant key"
        + " client_account_id to the bound tenant; add rowguard_tenant(asset) to the WHERE clause; comparing a"
        + " tenant key with a method parameter does not count, since a caller could pass another tenant's key");
  }

  @Test
  void theSessionSettingsRestrictATable() {
    assertThat(analyze("SELECT * FROM asset WHERE client_account_id = current_setting('rowguard.client_account_id')"
        + "::uuid AND engagement_id = current_setting('rowguard.engagement_id', true)::uuid", ASSETS).problems())
        .isEmpty();
  }

  @Test
  void aPlaceholderUnderOrDoesNotRestrict() {
    NativeQueryAnalysis analysis = analyze("SELECT * FROM asset WHERE rowguard_tenant() OR hostname = 'x'", ASSETS);
    assertThat(kinds(analysis)).containsExactly(Kind.TENANT_FILTER);
  }

  @Test
  void misusedPlaceholdersAreReported() {
    assertThat(detail("SELECT * FROM asset a JOIN asset_dependency d ON d.id = a.id"
        + " WHERE rowguard_tenant() AND rowguard_tenant(d)"))
        .isEqualTo("rowguard_tenant() is ambiguous where the query block reads asset a, asset_dependency d;"
            + " name the table it restricts, e.g. rowguard_tenant(a)");
    assertThat(detail("SELECT * FROM asset a WHERE rowguard_tenant(b)"))
        .isEqualTo("rowguard_tenant(b): 'b' is not a table or alias of the query block it is in (asset a);"
            + " pass the alias of the tenanted table to restrict");
    assertThat(detail("SELECT * FROM asset a WHERE rowguard_tenant(asset)"))
        .isEqualTo("rowguard_tenant(asset) names asset, which this query block calls a; write rowguard_tenant(a)");
    assertThat(detail("SELECT * FROM country WHERE rowguard_tenant()"))
        .isEqualTo("rowguard_tenant() refers to country, which is shared by all tenants (it has no tenant keys);"
            + " remove it");
    assertThat(detail("SELECT * FROM asset WHERE rowguard_tenant(asset, x)"))
        .startsWith("rowguard_tenant(asset, x) takes the alias or name of one table");
    assertThat(detail("SELECT * FROM asset WHERE rowguard_tenant() LIMIT rowguard_tenant()"))
        .startsWith("rowguard_tenant() is not a condition");
  }

  @Test
  void anUpdateMustNotMoveRowsToAnotherTenant() {
    NativeQueryAnalysis analysis = analyze("UPDATE asset SET engagement_id = :engagement WHERE rowguard_tenant()",
        COUNT, parameter("engagement", "java.util.UUID"));
    assertThat(kinds(analysis)).containsExactly(Kind.TENANT_KEY_WRITE);
    assertThat(analysis.problems().get(0).detail()).isEqualTo("UPDATE of asset sets the tenant key engagement_id,"
        + " which would move rows to another tenant; remove engagement_id from the SET list (tenant keys are fixed"
        + " when a row is inserted)");
  }

  @Test
  void everyProblemIsReported() {
    NativeQueryAnalysis analysis = analyze("UPDATE asset SET hostnme = :h, client_account_id = :c"
        + " WHERE id = :id", new ResultShape.Scalar("long"), parameter("h", "java.lang.String"),
        parameter("unused", "int"));
    assertThat(kinds(analysis)).containsExactly(Kind.UNKNOWN_COLUMN, Kind.TENANT_KEY_WRITE,
        Kind.UNDECLARED_PARAMETER, Kind.UNDECLARED_PARAMETER, Kind.UNUSED_PARAMETER, Kind.TENANT_FILTER,
        Kind.RESULT_MAPPING);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "WITH RECURSIVE tree AS (SELECT id, dependency_asset_id FROM asset_dependency WHERE rowguard_tenant()"
          + " UNION ALL SELECT d.id, d.dependency_asset_id FROM asset_dependency d JOIN tree t"
          + " ON t.dependency_asset_id = d.dependent_asset_id AND rowguard_tenant(d)) SELECT count(*) FROM tree",
      "SELECT a.id FROM asset a WHERE rowguard_tenant(a) AND (a.id, a.hostname) IN (SELECT id, name FROM country)",
      "SELECT a.id FROM asset a CROSS JOIN LATERAL unnest(ARRAY[a.hostname]) AS h(name) WHERE rowguard_tenant(a)",
      "SELECT id FROM (VALUES (1), (2)) AS v(id)",
      "VALUES (1)",
      "SELECT string_agg(hostname, ',' ORDER BY hostname) FROM asset WHERE rowguard_tenant()",
      "SELECT hostname FROM asset WHERE rowguard_tenant() AND created_at AT TIME ZONE 'UTC' > now() - interval '1 day'",
      "SELECT hostname FROM asset WHERE rowguard_tenant() ORDER BY hostname DESC NULLS LAST LIMIT 10 OFFSET 5",
      "UPDATE asset a SET hostname = d.id::text FROM asset_dependency d"
          + " WHERE rowguard_tenant(a) AND rowguard_tenant(d) AND d.dependent_asset_id = a.id",
      "DELETE FROM asset a USING asset_dependency d WHERE rowguard_tenant(a) AND rowguard_tenant(d) AND d.id = a.id",
      "WITH gone AS (DELETE FROM asset WHERE rowguard_tenant() RETURNING id) SELECT count(*) FROM gone",
      "SELECT rowguard_t00009(1) FROM country",
      "SELECT * FROM asset WHERE rowguard_tenant(",
      "SELECT 1",
  })
  void unusualStatementsAreAnalysedWithoutInternalFailure(String sql) {
    NativeQueryAnalysis analysis = analyze(sql, new ResultShape.Scalar("long"));
    assertThat(analysis.problems().stream().map(NativeQueryProblem::detail).filter(d -> d.contains("could not")))
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      // the tenant switch: the sub-select writes the setting before the policies read it
      "SELECT a.* FROM asset a, (SELECT set_config('rowguard.client_account_id', :other, false) AS c) s"
          + " WHERE rowguard_tenant(a)",
      "SELECT set_config('rowguard.client_account_id', :other, false)",
      "SELECT pg_cancel_backend(:other)",
      "SELECT pg_terminate_backend(:other) FROM country",
      "SELECT lo_export(:other, '/tmp/x')",
      "SELECT pg_advisory_lock(:other)",
      "SELECT * FROM dblink('dbname=app', 'SELECT 1') AS t(x int) WHERE t.x = :other",
      "SELECT * FROM asset WHERE rowguard_tenant() AND cpu_cores = :other; RESET rowguard.client_account_id",
      "SET rowguard.client_account_id = :other",
      "UPDATE pg_settings SET setting = :other WHERE name = 'rowguard.client_account_id'",
  })
  void sqlThatChangesSessionStateOrReachesTheServerIsRejected(String sql) {
    NativeQueryAnalysis analysis = analyze(sql, new ResultShape.Scalar("java.lang.Object"),
        parameter("other", "java.lang.String"));
    assertThat(kinds(analysis)).contains(Kind.FORBIDDEN_OPERATION);
    assertThat(analysis.problems().get(0).detail()).startsWith("the SQL runs ");
    assertThat(analysis.ok()).isFalse();
  }

  @Test
  void theForbiddenOperationIsNamed() {
    assertThat(detail("SELECT set_config('rowguard.client_account_id', 'x', false), pg_cancel_backend(1)"))
        .isEqualTo("the SQL runs set_config(…), pg_cancel_backend(…), which application SQL may not: it writes"
            + " session state (the bound tenant lives in the session's settings), changes roles, or reaches the"
            + " server, its files or other sessions; remove it (Rowguard binds the tenant; administration belongs"
            + " in a migration or an operator's session)");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT a.* FROM asset a WHERE a.client_account_id = COALESCE(NULLIF(current_setting("
          + "'rowguard.client_account_id', true), '')::uuid, a.client_account_id) AND rowguard_tenant(a) IS NOT NULL",
      "SELECT * FROM asset WHERE client_account_id = COALESCE(:other, current_setting('rowguard.client_account_id'))"
          + "::uuid AND engagement_id = current_setting('rowguard.engagement_id')::uuid",
      "SELECT * FROM asset WHERE client_account_id = CASE WHEN :other IS NULL"
          + " THEN current_setting('rowguard.client_account_id')::uuid ELSE :other::uuid END"
          + " AND engagement_id = current_setting('rowguard.engagement_id')::uuid",
      "SELECT * FROM asset a, (SELECT :other AS c) s WHERE a.client_account_id"
          + " = COALESCE(s.c, current_setting('rowguard.client_account_id'))::uuid"
          + " AND a.engagement_id = current_setting('rowguard.engagement_id')::uuid",
      // the preserved side of a RIGHT or FULL JOIN is not restricted by its ON
      "SELECT a.id FROM country c RIGHT JOIN asset a ON rowguard_tenant(a) WHERE c.name = :other",
      "SELECT a.id FROM asset d FULL JOIN asset a ON rowguard_tenant(a) AND rowguard_tenant(d)"
          + " WHERE a.hostname = :other",
      // the preserved side of a LEFT JOIN is not restricted by its ON either
      "SELECT a.id FROM asset a LEFT JOIN asset_dependency d ON rowguard_tenant(d) AND rowguard_tenant(a)"
          + " WHERE a.hostname = :other",
  })
  void fallbacksAndOuterJoinOnClausesDoNotRestrict(String sql) {
    NativeQueryAnalysis analysis = analyze(sql, new ResultShape.Scalar("java.lang.Object"),
        parameter("other", "java.lang.String"));
    assertThat(kinds(analysis)).contains(Kind.TENANT_FILTER);
  }

  @Test
  void theJoinedSideOfALeftJoinIsRestrictedByItsOn() {
    assertThat(analyze("SELECT a.id FROM asset a LEFT JOIN asset_dependency d ON rowguard_tenant(d)"
        + " AND d.dependent_asset_id = a.id WHERE rowguard_tenant(a)", new ResultShape.Scalar("java.util.UUID"))
        .problems()).isEmpty();
  }

  private static NativeQueryAnalysis analyze(String sql, ResultShape result, QueryParameter... parameters) {
    return ANALYZER.analyze(sql, List.of(parameters), result);
  }

  /** The detail of the first problem of SQL that returns asset rows. */
  private static String detail(String sql) {
    return analyze(sql, new ResultShape.Scalar("java.lang.Object")).problems().get(0).detail();
  }

  private static List<Kind> kinds(NativeQueryAnalysis analysis) {
    return analysis.problems().stream().map(NativeQueryProblem::kind).toList();
  }
}
