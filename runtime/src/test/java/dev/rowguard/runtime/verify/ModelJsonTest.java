package dev.rowguard.runtime.verify;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelJsonTest {
  private static final String TABLE = "{\"name\": {\"schema\": \"app\", \"name\": \"asset\"},"
      + " \"tenancy\": {\"keys\": [{\"column\": \"tenant_id\", \"setting\": \"rowguard.tenant_id\", \"sqlType\": \"uuid\"}]},"
      + " \"columns\": [{\"name\": \"id\", \"field\": \"id\", \"sqlType\": \"uuid\", \"nullable\": false},"
      + " {\"name\": \"status\", \"sqlType\": \"text\", \"nullable\": true, \"defaultSql\": \"'new'\","
      + " \"allowedValues\": [\"new\", \"old\"]}],"
      + " \"primaryKey\": {\"name\": \"pk_asset\", \"columns\": [\"id\"]},"
      + " \"checks\": [{\"name\": \"ck_asset_status\", \"nameHint\": \"status\", \"expression\": \"status IN ('new', 'old')\"}]}";

  @Test
  void readsTheModelAsTheProcessorWritesIt() {
    Model model = ModelJson.read("{\"formatVersion\": 1, \"tables\": [" + TABLE + "]}");

    Model.Table table = model.table("app", "asset").orElseThrow();
    assertThat(table.tenantKeys()).containsExactly(new Model.TenantKey("tenant_id", "rowguard.tenant_id", "uuid"));
    assertThat(table.columns()).containsExactly(new Model.Column("id", "uuid", false, null, false, List.of()),
        new Model.Column("status", "text", true, "'new'", false, List.of("new", "old")));
    assertThat(table.primaryKey()).isEqualTo(new Model.Key("pk_asset", List.of("id")));
    assertThat(table.checks()).containsExactly(new Model.Check("ck_asset_status", "status IN ('new', 'old')"));
    assertThat(table.uniqueKeys()).isEmpty();
  }

  @Test
  void readsAFile(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("schema.json"), "{\"formatVersion\": 1, \"tables\": [" + TABLE + "]}");

    assertThat(ModelJson.read(file).tables()).hasSize(1);
  }

  @Test
  void refusesAnotherFormatVersion() {
    assertThat(error("{\"formatVersion\": 2, \"tables\": []}")).isEqualTo("not a Rowguard schema.json: field"
        + " formatVersion is 2, but this Rowguard reads version 1; use the same Rowguard version to build and to verify");
  }

  @Test
  void namesTheFieldAtFault() {
    assertThat(error("{\"formatVersion\": 1, \"tables\": [{\"name\": {\"schema\": \"app\", \"name\": \"a\"},"
        + " \"columns\": [{\"name\": \"id\", \"sqlType\": 5}]}]}"))
        .isEqualTo("not a Rowguard schema.json: field tables[0].columns[0].sqlType must be a string");
    assertThat(error("{\"formatVersion\": 1, \"tables\": [{\"columns\": []}]}"))
        .isEqualTo("not a Rowguard schema.json: field tables[0].name is missing");
    assertThat(error("{\"formatVersion\": 1, \"tables\": [{\"name\": {\"schema\": \"app\", \"name\": \"a\"},"
        + " \"tenancy\": {\"keys\": []}}]}"))
        .isEqualTo("not a Rowguard schema.json: field tables[0].tenancy.keys a tenanted table needs at least one"
            + " tenant key");
  }

  private static String error(String json) {
    return assertThrows(IllegalArgumentException.class, () -> ModelJson.read(json)).getMessage();
  }
}
