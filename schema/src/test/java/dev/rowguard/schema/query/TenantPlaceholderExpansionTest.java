package dev.rowguard.schema.query;

import static com.google.common.truth.Truth.assertThat;
import static dev.rowguard.schema.query.NativeQueryModel.ACCOUNT;
import static dev.rowguard.schema.query.NativeQueryModel.ANALYZER;
import static dev.rowguard.schema.query.NativeQueryModel.ENGAGEMENT;
import static dev.rowguard.schema.query.NativeQueryModel.parameter;

import dev.rowguard.schema.Column;
import dev.rowguard.schema.Key;
import dev.rowguard.schema.QualifiedName;
import dev.rowguard.schema.Schema;
import dev.rowguard.schema.Table;
import dev.rowguard.schema.Tenancy;
import dev.rowguard.schema.TenantKeyColumn;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SQL to prepare: placeholders expanded, parameters replaced, everything else as written. */
final class TenantPlaceholderExpansionTest {
  private static final BoundValue ACCOUNT_KEY = new BoundValue.TenantKey(ACCOUNT);
  private static final BoundValue ENGAGEMENT_KEY = new BoundValue.TenantKey(ENGAGEMENT);
  private static final ResultShape ANY_ROW = new ResultShape.Scalar("java.lang.Object");

  @Test
  void aPlaceholderWithoutArgumentRestrictsTheOnlyTableUnqualified() {
    NativeQueryAnalysis analysis = ANALYZER.analyze(
        "UPDATE asset SET mapping_status = :status WHERE rowguard_tenant() AND id = :id",
        List.of(parameter("id", "java.util.UUID"), parameter("status", "dev.x.Asset.MappingStatus")),
        new ResultShape.UpdateCount());
    assertThat(analysis.problems()).isEmpty();
    assertThat(analysis.jdbcSql()).isEqualTo(
        "UPDATE app.asset SET mapping_status = ? WHERE (client_account_id = ? AND engagement_id = ?) AND id = ?");
    assertThat(analysis.bindings()).containsExactly(new BoundValue.Parameter("status"), ACCOUNT_KEY, ENGAGEMENT_KEY,
        new BoundValue.Parameter("id")).inOrder();
    assertThat(analysis.kind()).isEqualTo(StatementKind.UPDATE);
  }

  @Test
  void aPlaceholderWithoutArgumentUsesTheAliasOfTheOnlyTable() {
    assertThat(jdbcSql("SELECT a.id FROM asset a WHERE rowguard_tenant()"))
        .isEqualTo("SELECT a.id FROM app.asset a WHERE (a.client_account_id = ? AND a.engagement_id = ?)");
  }

  @Test
  void aPlaceholderQualifiesTheKeysWithItsArgument() {
    NativeQueryAnalysis analysis = ANALYZER.analyze(
        "SELECT a.* FROM asset a WHERE rowguard_tenant(a) AND a.hostname LIKE :pattern ORDER BY a.hostname",
        List.of(parameter("pattern", "java.lang.String")), new ResultShape.Rows(NativeQueryModel.ASSET));
    assertThat(analysis.problems()).isEmpty();
    assertThat(analysis.jdbcSql()).isEqualTo("SELECT a.* FROM app.asset a WHERE (a.client_account_id = ? AND"
        + " a.engagement_id = ?) AND a.hostname LIKE ? ORDER BY a.hostname");
    assertThat(analysis.bindings())
        .containsExactly(ACCOUNT_KEY, ENGAGEMENT_KEY, new BoundValue.Parameter("pattern")).inOrder();
    assertThat(jdbcSql("SELECT 1 FROM app.asset WHERE rowguard_tenant(ASSET)"))
        .isEqualTo("SELECT 1 FROM app.asset WHERE (ASSET.client_account_id = ? AND ASSET.engagement_id = ?)");
  }

  @Test
  void eachJoinedTableHasAPlaceholderOfItsOwn() {
    NativeQueryAnalysis analysis = ANALYZER.analyze("SELECT a.hostname, count(*) AS dependency_count\n"
        + "FROM asset a\n"
        + "JOIN asset_dependency d ON rowguard_tenant(d) AND d.dependent_asset_id = a.id\n"
        + "WHERE rowguard_tenant(a) AND a.cpu_cores > :cores\n"
        + "GROUP BY a.hostname", List.of(parameter("cores", "int")), ANY_ROW);
    assertThat(analysis.jdbcSql()).isEqualTo("SELECT a.hostname, count(*) AS dependency_count\n"
        + "FROM app.asset a\n"
        + "JOIN app.asset_dependency d ON (d.client_account_id = ? AND d.engagement_id = ?) AND d.dependent_asset_id"
        + " = a.id\n"
        + "WHERE (a.client_account_id = ? AND a.engagement_id = ?) AND a.cpu_cores > ?\n"
        + "GROUP BY a.hostname");
    assertThat(analysis.bindings()).containsExactly(ACCOUNT_KEY, ENGAGEMENT_KEY, ACCOUNT_KEY, ENGAGEMENT_KEY,
        new BoundValue.Parameter("cores")).inOrder();
  }

  @Test
  void aSubqueryRestrictsItsOwnTables() {
    assertThat(jdbcSql("SELECT a.id FROM asset a WHERE rowguard_tenant(a) AND NOT EXISTS"
        + " (SELECT 1 FROM asset_dependency WHERE rowguard_tenant() AND dependent_asset_id = a.id)"))
        .isEqualTo("SELECT a.id FROM app.asset a WHERE (a.client_account_id = ? AND a.engagement_id = ?) AND NOT EXISTS"
            + " (SELECT 1 FROM app.asset_dependency WHERE (client_account_id = ? AND engagement_id = ?)"
            + " AND dependent_asset_id = a.id)");
  }

  @Test
  void literalsCommentsQuotedNamesAndCastsAreLeftAlone() {
    String sql = "SELECT a.id, 'rowguard_tenant(a) :x' AS s, $$ :z rowguard_tenant() $$,"
        + " $tag$ :w $tag$, a.hostname AS \"odd:name\"\n"
        + "FROM asset a -- rowguard_tenant(a) :comment\n"
        + "WHERE /* :block /* nested :n */ rowguard_tenant(x) */ rowguard_tenant(a)"
        + " AND a.created_at > :since::timestamptz AND a.id = :id::uuid AND a.hostname::text <> '::'";
    NativeQueryAnalysis analysis = ANALYZER.analyze(sql,
        List.of(parameter("since", "java.lang.String"), parameter("id", "java.lang.String")), ANY_ROW);
    assertThat(analysis.jdbcSql()).isEqualTo("SELECT a.id, 'rowguard_tenant(a) :x' AS s,"
        + " $$ :z rowguard_tenant() $$, $tag$ :w $tag$, a.hostname AS \"odd:name\"\n"
        + "FROM app.asset a -- rowguard_tenant(a) :comment\n"
        + "WHERE /* :block /* nested :n */ rowguard_tenant(x) */ (a.client_account_id = ? AND a.engagement_id = ?)"
        + " AND a.created_at > ?::timestamptz AND a.id = ?::uuid AND a.hostname::text <> '::'");
    assertThat(analysis.bindings()).containsExactly(ACCOUNT_KEY, ENGAGEMENT_KEY, new BoundValue.Parameter("since"),
        new BoundValue.Parameter("id")).inOrder();
    // The parameters are cast, so their Java types are not compared with the columns.
    assertThat(analysis.problems().stream().map(NativeQueryProblem::kind))
        .containsExactly(NativeQueryProblem.Kind.RESULT_MAPPING); // five columns for one value
  }

  @Test
  void aKeyOfAnotherTypeIsCastSoThatItsBoundValueCompares() {
    TenantKeyColumn region = new TenantKeyColumn("region", "rowguard.region", "citext", null);
    Table shop = new Table(new QualifiedName("app", "shop"), "dev.x.Shop", null, new Tenancy(List.of(region)),
        List.of(new Column("region", "region", "java.lang.String", "citext", false, null, false, false, List.of(),
            null)),
        new Key(null, List.of("region")), List.of(), List.of(), List.of(), List.of());
    NativeQueryAnalysis analysis = NativeQueryAnalyzer.of(Schema.of(List.of(shop)))
        .analyze("DELETE FROM shop WHERE rowguard_tenant()", List.of(), new ResultShape.UpdateCount());
    assertThat(analysis.problems()).isEmpty();
    assertThat(analysis.jdbcSql()).isEqualTo("DELETE FROM app.shop WHERE (region = CAST(? AS citext))");
  }

  @Test
  void unparseableSqlStillHasItsParametersReplaced() {
    // JSqlParser does not read E'…\'…', PostgreSQL does.
    NativeQueryAnalysis analysis = ANALYZER.analyze("SELECT E'it\\'s :y' FROM country WHERE code = :a",
        List.of(parameter("a", "java.lang.String")), ANY_ROW);
    assertThat(analysis.problems().get(0).kind()).isEqualTo(NativeQueryProblem.Kind.SYNTAX);
    assertThat(analysis.jdbcSql()).isEqualTo("SELECT E'it\\'s :y' FROM country WHERE code = ?");
    assertThat(analysis.bindings()).containsExactly(new BoundValue.Parameter("a"));
  }

  @Test
  void everyModelTableIsSchemaQualifiedAsResolved() {
    assertThat(jdbcSql("WITH recent AS (SELECT id FROM asset WHERE rowguard_tenant())\n"
        + "UPDATE\tasset SET hostname = c.name FROM \"country\" c, recent\n"
        + "WHERE rowguard_tenant(asset) AND asset.id IN (SELECT id FROM recent) AND c.id = 1 RETURNING asset.id"))
        .isEqualTo("WITH recent AS (SELECT id FROM app.asset WHERE (client_account_id = ? AND engagement_id = ?))\n"
            + "UPDATE\tapp.asset SET hostname = c.name FROM app.\"country\" c, recent\n"
            + "WHERE (asset.client_account_id = ? AND asset.engagement_id = ?) AND asset.id IN (SELECT id FROM recent)"
            + " AND c.id = 1 RETURNING asset.id");
    assertThat(jdbcSql("SELECT 1 FROM\t\tapp.asset a JOIN\r\n  asset_dependency d ON rowguard_tenant(d) WHERE rowguard_tenant(a)"))
        .isEqualTo("SELECT 1 FROM\t\tapp.asset a JOIN\r\n  app.asset_dependency d ON (d.client_account_id = ? AND"
            + " d.engagement_id = ?) WHERE (a.client_account_id = ? AND a.engagement_id = ?)");
  }

  private static String jdbcSql(String sql) {
    NativeQueryAnalysis analysis = ANALYZER.analyze(sql, List.of(), ANY_ROW);
    assertThat(analysis.problems()).isEmpty();
    return analysis.jdbcSql();
  }
}
