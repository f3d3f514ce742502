package dev.rowguard.schema.migrate;

import static com.google.common.truth.Truth.assertThat;

import dev.rowguard.schema.Column;
import dev.rowguard.schema.Key;
import dev.rowguard.schema.QualifiedName;
import dev.rowguard.schema.Schema;
import dev.rowguard.schema.Table;
import dev.rowguard.schema.Tenancy;
import dev.rowguard.schema.TenantKeyColumn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The differ on its own, for the kinds that the end-to-end tests do not reach: identity added and dropped, a
 * changed primary key, a changed tenant key type. Each plan is rendered as the migration file and compared with
 * its golden file under {@code src/test/resources/migrate}.
 */
class SchemaDiffTest {
  private static final boolean UPDATE = Boolean.getBoolean("rowguard.updateGoldens");
  private static final QualifiedName ASSET = new QualifiedName("app", "asset");

  @Test
  void anIdentityAddedStartsAfterTheLargestStoredValueAndOneDroppedKeepsTheValues() throws IOException {
    Plan plan = plan(table(null, List.of(column("id", "bigint", true), column("seq", "bigint", false))),
        table(null, List.of(column("id", "bigint", false), column("seq", "bigint", true))));
    assertThat(plan.refusals()).isEmpty();
    assertGolden("identity_changed", plan);
  }

  @Test
  void aPrimaryKeyOnOtherColumnsIsDroppedAndAdded() throws IOException {
    Plan plan = plan(table(null, List.of(column("id", "uuid", false), column("code", "text", false))),
        tableKeyed(null, List.of(column("id", "uuid", false), column("code", "text", false)), List.of("code", "id")));
    assertThat(plan.refusals()).isEmpty();
    assertGolden("primary_key_changed", plan);
  }

  @Test
  void aTenantKeyRetypedIsATypeChangeThatTheNarrowingRulesGovern() throws IOException {
    Tenancy before = new Tenancy(List.of(new TenantKeyColumn("tenant_id", "rowguard.tenant_id", "integer", null)));
    Tenancy after = new Tenancy(List.of(new TenantKeyColumn("tenant_id", "rowguard.tenant_id", "bigint", null)));
    Plan widened = plan(table(before, List.of(column("id", "uuid", false), column("tenant_id", "integer", false))),
        table(after, List.of(column("id", "uuid", false), column("tenant_id", "bigint", false))));
    assertThat(widened.refusals()).isEmpty();
    assertGolden("tenant_key_retyped", widened);
    Plan narrowed = plan(table(after, List.of(column("id", "uuid", false), column("tenant_id", "bigint", false))),
        table(before, List.of(column("id", "uuid", false), column("tenant_id", "integer", false))));
    assertThat(narrowed.refusals().stream().map(Refusal::describe).toList()).containsExactly(
        "app.asset.tenant_id: changing its type from bigint to integer may change or reject stored values; "
            + "acknowledge it with -Arowguard.migrations.allowDataLoss=app.asset.tenant_id");
  }

  private static Plan plan(Table before, Table after) {
    return SchemaDiff.plan(Schema.of(List.of(before)), Schema.of(List.of(after)), Renames.NONE, MigrationRules.NONE,
        "rowguard_app");
  }

  private static Column column(String name, String type, boolean identity) {
    return new Column(name, name, "java.lang.Object", type, false, null, identity, false, List.of(), null);
  }

  private static Table table(Tenancy tenancy, List<Column> columns) {
    return tableKeyed(tenancy, columns, tenancy == null ? List.of("id") : List.of("tenant_id", "id"));
  }

  private static Table tableKeyed(Tenancy tenancy, List<Column> columns, List<String> key) {
    return new Table(ASSET, "test.Asset", null, tenancy, columns, new Key("pk_asset", key), List.of(), List.of(),
        List.of(), List.of());
  }

  private static void assertGolden(String name, Plan plan) throws IOException {
    String actual = MigrationScript.render(2, name.replace('_', ' '), plan).stream()
        .map(f -> "==> " + f.name() + "\n" + f.content()).collect(Collectors.joining());
    Path golden = Path.of("src/test/resources/migrate", name + ".sql");
    if (UPDATE) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }
}
