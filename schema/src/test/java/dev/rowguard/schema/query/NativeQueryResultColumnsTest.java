package dev.rowguard.schema.query;

import static com.google.common.truth.Truth.assertThat;
import static dev.rowguard.schema.query.NativeQueryModel.ANALYZER;
import static dev.rowguard.schema.query.NativeQueryModel.ASSET;
import static dev.rowguard.schema.query.NativeQueryModel.COUNTRY;
import static dev.rowguard.schema.query.NativeQueryModel.DEPENDENCY;

import dev.rowguard.schema.Column;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The result columns of a statement: labels, types and model columns, with {@code *} expanded from the model. */
final class NativeQueryResultColumnsTest {
  @Test
  void aStarIsEveryColumnOfEveryTableInFromOrder() {
    List<ResultColumn> columns = resultColumns("SELECT * FROM asset a JOIN asset_dependency d"
        + " ON rowguard_tenant(d) AND d.dependent_asset_id = a.id WHERE rowguard_tenant(a)");
    List<Column> expected = new ArrayList<>(ASSET.columns());
    expected.addAll(DEPENDENCY.columns());
    assertThat(columns.stream().map(ResultColumn::column).toList()).containsExactlyElementsIn(expected).inOrder();
    assertThat(columns.get(0)).isEqualTo(new ResultColumn("id", "uuid", ASSET.columns().get(0)));
  }

  @Test
  void aQualifiedStarIsEveryColumnOfThatTable() {
    List<ResultColumn> columns = resultColumns("SELECT c.*, a.hostname FROM asset a, country c"
        + " WHERE rowguard_tenant(a)");
    assertThat(columns.stream().map(ResultColumn::label).toList())
        .containsExactly("id", "code", "name", "hostname").inOrder();
    assertThat(columns.get(1).column()).isEqualTo(COUNTRY.column("code").get());
  }

  @Test
  void labelsAreAliasesOrColumnNamesAsPostgresFoldsThem() {
    List<ResultColumn> columns = resultColumns("SELECT a.HostName, a.id AS Key, a.cpu_cores AS \"Cores\","
        + " count(*), a.created_at::date AS day, lower(a.hostname) FROM asset a WHERE rowguard_tenant(a)"
        + " GROUP BY 1, 2, 3, 5, 6");
    assertThat(columns).containsExactly(
        new ResultColumn("hostname", "varchar(255)", ASSET.column("hostname").get()),
        new ResultColumn("key", "uuid", ASSET.column("id").get()),
        new ResultColumn("Cores", "integer", ASSET.column("cpu_cores").get()),
        new ResultColumn(null, "bigint", null),
        new ResultColumn("day", "date", null),
        new ResultColumn(null, null, null)).inOrder();
  }

  @Test
  void aStarOverASubqueryIsNotExpanded() {
    NativeQueryAnalysis analysis = ANALYZER.analyze("SELECT * FROM (SELECT hostname FROM asset"
        + " WHERE rowguard_tenant()) h", List.of(), new ResultShape.Rows(ASSET));
    assertThat(analysis.resultColumns()).containsExactly(new ResultColumn(null, null, null));
    // Its columns are not known, so they are not reported missing.
    assertThat(analysis.problems()).isEmpty();
  }

  @Test
  void returningListsTheColumnsOfAWrite() {
    assertThat(resultColumns("DELETE FROM asset WHERE rowguard_tenant() RETURNING id, hostname AS host"))
        .containsExactly(new ResultColumn("id", "uuid", ASSET.column("id").get()),
            new ResultColumn("host", "varchar(255)", ASSET.column("hostname").get()))
        .inOrder();
  }

  @Test
  void aWriteWithoutReturningHasNoResultColumns() {
    NativeQueryAnalysis analysis = ANALYZER.analyze("DELETE FROM asset WHERE rowguard_tenant()", List.of(),
        new ResultShape.UpdateCount());
    assertThat(analysis.resultColumns()).isEmpty();
    assertThat(analysis.kind()).isEqualTo(StatementKind.DELETE);
  }

  private static List<ResultColumn> resultColumns(String sql) {
    NativeQueryAnalysis analysis = ANALYZER.analyze(sql, List.of(), new ResultShape.Scalar("java.lang.Object"));
    assertThat(analysis.problems().stream().filter(p -> p.kind() != NativeQueryProblem.Kind.RESULT_MAPPING))
        .isEmpty();
    return analysis.resultColumns();
  }
}
