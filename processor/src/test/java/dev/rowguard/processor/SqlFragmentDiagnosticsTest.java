package dev.rowguard.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.rowguard.processor.Compilations.compile;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code @Check} and {@code @ColumnDefault} text is pasted into schema.sql, so anything but one expression that
 * PostgreSQL allows there is refused on its annotation, with file and line.
 */
class SqlFragmentDiagnosticsTest {
  /** The DDL injection of the issue: it closes the CHECK, adds a permissive policy and reopens a CHECK. */
  private static final String ATTACK =
      "id > 0)); CREATE POLICY open ON app.victim USING (true); CREATE TABLE x (y int, CHECK (true";
  private static final String CHECK_ADVICE = ". Write exactly one boolean SQL expression over the columns of "
      + "table public.asset, e.g. @Check(\"quantity >= 0\"); no ';', comments, dollar quotes or backslashes outside "
      + "string literals, balanced parentheses, no subquery, no aggregate, window or set-returning function and no "
      + "function with side effects such as set_config";
  private static final String DEFAULT_ADVICE = ". Write exactly one SQL expression that names no column, e.g. "
      + "@ColumnDefault(\"0\"), @ColumnDefault(\"now()\") or @ColumnDefault(\"'{}'::jsonb\"); no ';', comments, "
      + "dollar quotes or backslashes outside string literals, balanced parentheses, no subquery, no aggregate, "
      + "window or set-returning function and no function with side effects such as set_config";

  private static JavaFileObject asset(String annotatedField) {
    return Compilations.source("Asset",
        "@Entity public class Asset {",
        "  @Id UUID id;",
        "  String label;",
        annotatedField,
        "}");
  }

  @Test
  void theInjectionOnACheckIsRefusedOnItsAnnotation() {
    JavaFileObject asset = asset("  @Check(\"" + ATTACK + "\") int quantity;");
    Compilation compilation = compile(asset);
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining("[RowguardCheckExpression] @Check(\"" + ATTACK + "\") on field 'quantity' of Asset "
            + "cannot go into a CHECK constraint: the ')' at column 7 closes nothing it opened" + CHECK_ADVICE)
        .inFile(asset)
        .onLineContaining("int quantity;");
  }

  @Test
  void theInjectionOnAColumnDefaultIsRefusedOnItsAnnotation() {
    JavaFileObject asset = asset("  @ColumnDefault(\"" + ATTACK + "\") Integer quantity;");
    assertThat(compile(asset))
        .hadErrorContaining("[RowguardDefaultExpression] @ColumnDefault(\"" + ATTACK + "\") on 'quantity' cannot "
            + "go into a DEFAULT clause: the ')' at column 7 closes nothing it opened" + DEFAULT_ADVICE)
        .inFile(asset)
        .onLineContaining("Integer quantity;");
  }

  @Test
  void aStatementAfterACompleteCheckIsRefused() {
    JavaFileObject asset = asset("  @Check(\"quantity > 0; DROP TABLE app.victim\") int quantity;");
    assertThat(compile(asset))
        .hadErrorContaining("[RowguardCheckExpression] @Check(\"quantity > 0; DROP TABLE app.victim\") on field "
            + "'quantity' of Asset cannot go into a CHECK constraint: it contains ';' at column 13, which would end "
            + "the statement")
        .inFile(asset)
        .onLineContaining("int quantity;");
  }

  @Test
  void aSubqueryInACheckIsRefused() {
    JavaFileObject asset = asset("  @Check(\"quantity <= (select max(quantity) from app.victim)\") int quantity;");
    assertThat(compile(asset))
        .hadErrorContaining("[RowguardCheckExpression] @Check(\"quantity <= (select max(quantity) from "
            + "app.victim)\") on field 'quantity' of Asset cannot go into a CHECK constraint: it contains a subquery "
            + "(SELECT at column 14)")
        .inFile(asset)
        .onLineContaining("int quantity;");
  }

  @Test
  void aSubqueryInAColumnDefaultIsRefused() {
    JavaFileObject asset = asset("  @ColumnDefault(\"(SELECT count(*) FROM app.victim)\") Integer quantity;");
    assertThat(compile(asset))
        .hadErrorContaining("[RowguardDefaultExpression] @ColumnDefault(\"(SELECT count(*) FROM app.victim)\") on "
            + "'quantity' cannot go into a DEFAULT clause: it contains a subquery (SELECT at column 2)")
        .inFile(asset)
        .onLineContaining("Integer quantity;");
  }

  @Test
  void anUnbalancedParenthesisIsRefused() {
    JavaFileObject asset = asset("  @Check(\"(quantity > 0\") int quantity;");
    assertThat(compile(asset))
        .hadErrorContaining("[RowguardCheckExpression] @Check(\"(quantity > 0\") on field 'quantity' of Asset "
            + "cannot go into a CHECK constraint: it opens 1 '(' that it does not close" + CHECK_ADVICE)
        .inFile(asset)
        .onLineContaining("int quantity;");
  }

  @Test
  void aCommentIsRefusedInBothPlaces() {
    JavaFileObject check = asset("  @Check(\"quantity > 0 /* ok */\") int quantity;");
    assertThat(compile(check))
        .hadErrorContaining("[RowguardCheckExpression] @Check(\"quantity > 0 /* ok */\") on field 'quantity' of "
            + "Asset cannot go into a CHECK constraint: it contains the comment marker '/*' at column 14; comments can "
            + "hide text from the reader of schema.sql")
        .inFile(check)
        .onLineContaining("int quantity;");
    JavaFileObject columnDefault = asset("  @ColumnDefault(\"0 -- zero\") Integer quantity;");
    assertThat(compile(columnDefault))
        .hadErrorContaining("[RowguardDefaultExpression] @ColumnDefault(\"0 -- zero\") on 'quantity' cannot go into "
            + "a DEFAULT clause: it contains the comment marker '--' at column 3")
        .inFile(columnDefault)
        .onLineContaining("Integer quantity;");
  }

  @Test
  void aColumnDefaultThatSwitchesTheTenantIsRefused() {
    JavaFileObject asset = asset("  @ColumnDefault(\"set_config('rowguard.tenant_id', 'other', true)\") String owner;");
    assertThat(compile(asset))
        .hadErrorContaining("[RowguardDefaultExpression] @ColumnDefault(\"set_config('rowguard.tenant_id', 'other', "
            + "true)\") on 'owner' cannot go into a DEFAULT clause: it calls set_config(), which changes the session or "
            + "the server instead of computing a value (set_config could switch the bound tenant)" + DEFAULT_ADVICE)
        .inFile(asset)
        .onLineContaining("String owner;");
  }

  @Test
  void aColumnDefaultThatNamesAColumnIsRefused() {
    JavaFileObject asset = asset("  @ColumnDefault(\"length(label)\") Integer quantity;");
    assertThat(compile(asset))
        .hadErrorContaining("[RowguardDefaultExpression] @ColumnDefault(\"length(label)\") on 'quantity' cannot go "
            + "into a DEFAULT clause: it refers to column 'label'; a DEFAULT expression cannot refer to columns")
        .inFile(asset)
        .onLineContaining("Integer quantity;");
  }

  @Test
  void anEntityCheckMayNameOnlyColumnsOfItsTable() {
    JavaFileObject asset = Compilations.source("Asset",
        "@Entity",
        "@Check(name = \"sized\", value = \"quantity > size\")",
        "public class Asset {",
        "  @Id UUID id;",
        "  int quantity;",
        "}");
    assertThat(compile(asset))
        .hadErrorContaining("[RowguardCheckExpression] @Check(\"quantity > size\") on entity Asset cannot go into a "
            + "CHECK constraint: 'size' is not a column of this table (columns: [id, quantity])")
        .inFile(asset)
        .onLineContaining("@Check(name = \"sized\"");
  }

  @Test
  void aRepeatedCheckIsReportedOnItsField() {
    JavaFileObject asset = asset("  @Check(\"quantity >= 0\") @Check(\"sum(quantity) > 0\") int quantity;");
    assertThat(compile(asset))
        .hadErrorContaining("[RowguardCheckExpression] @Check(\"sum(quantity) > 0\") on field 'quantity' of Asset "
            + "cannot go into a CHECK constraint: it calls the aggregate or window function sum()")
        .inFile(asset)
        .onLineContaining("int quantity;");
  }

  @Test
  void validFragmentsAreWrittenAsWrittenOrInParentheses() {
    JavaFileObject asset = Compilations.source("Asset",
        "@Entity",
        "@Check(name = \"labelled\", value = \"length(label) > 0 OR quantity = 0\")",
        "public class Asset {",
        "  @Id UUID id;",
        "  @ColumnDefault(\"'none'\") String label;",
        "  @Check(\"quantity >= 0\") @ColumnDefault(\"1 + 2\") Integer quantity;",
        "}");
    Compilation compilation = compile(asset);
    assertThat(compilation).succeededWithoutWarnings();
    String sql = Compilations.schemaSql(compilation);
    assertThat(sql).contains("label    text DEFAULT 'none',");
    assertThat(sql).contains("quantity integer DEFAULT (1 + 2),");
    assertThat(sql).contains("CHECK (quantity >= 0)");
    assertThat(sql).contains("CHECK (length(label) > 0 OR quantity = 0)");
  }
}
