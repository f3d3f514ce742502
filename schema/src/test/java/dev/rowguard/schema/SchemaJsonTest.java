package dev.rowguard.schema;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaJsonTest {
  private static final Table ASSET = new Table(new QualifiedName("migration", "asset"), "com.example.Asset",
      "An asset.", new Tenancy(List.of(new TenantKeyColumn("tenant_id", "rowguard.tenant_id", "uuid", null))),
      List.of(new Column("id", "id", "java.util.UUID", "uuid", false, null, false, false, List.of(), null),
          new Column("status", "status", "com.example.Status", "text", true, null, false, false,
              List.of("new", "done"), "Lifecycle state")),
      new Key("pk_asset", List.of("id")), List.of(), List.of(),
      List.of(new CheckConstraint("ck_asset_status", "status", "status IN ('new', 'done')")),
      List.of(new Index("ix_asset_status", List.of("status"), false)));

  @Test
  void aSchemaSurvivesTheRoundTrip() {
    Schema schema = Schema.of(List.of(ASSET));
    assertThat(SchemaJson.read(SchemaJson.write(schema))).isEqualTo(schema);
  }

  @Test
  void nullValuesAreLeftOut() {
    assertThat(SchemaJson.write(Schema.of(List.of(ASSET)))).doesNotContain(": null");
  }

  @Test
  void anUnknownFormatVersionIsRefusedWithAReason() {
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> SchemaJson.read("{\"formatVersion\": 99, \"tables\": []}"));
    assertThat(refused).hasMessageThat().contains("format version 99 is not supported");
  }

  @Test
  void absentArraysAreReadAsEmpty() {
    Schema schema = SchemaJson.read("{\"formatVersion\": 1, \"tables\": [{\"name\": {\"name\": \"t\"},"
        + " \"primaryKey\": {}, \"indexes\": [{}]}]}");
    Table table = schema.tables().get(0);
    assertThat(table.columns()).isEmpty();
    assertThat(table.uniqueKeys()).isEmpty();
    assertThat(table.primaryKey().columns()).isEmpty();
    assertThat(table.indexes().get(0).columns()).isEmpty();
    assertThat(SchemaJson.read("{\"formatVersion\": 1}").tables()).isEmpty();
  }

  @Test
  void aMalformedFileIsRefusedWithTheField() {
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> SchemaJson.read("{\"formatVersion\": 1, \"tables\": [{\"name\": {\"name\": \"t\"}, \"columns\": 3}]}"));
    assertThat(refused).hasMessageThat().contains("field tables[0].columns: ");
  }
}
