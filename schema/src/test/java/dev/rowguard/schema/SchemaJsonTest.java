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
  void theTextIsWhatJacksonsObjectMapperWrites() throws Exception {
    Table invoice = new Table(new QualifiedName("billing", "invoice"), "com.example.Invoice", null,
        new Tenancy(List.of(new TenantKeyColumn("tenant_id", "rowguard.tenant_id", "uuid", null),
            new TenantKeyColumn("account_id", "rowguard.account_id", "bigint",
                new QualifiedName("billing", "account")))),
        List.of(new Column("id", "id", "long", "bigint", false, null, true, false, List.of(), null),
            new Column("note", "note", "java.lang.String", "varchar(200)", true, "'n/a \\ \"quoted\"'", false,
                false, List.of(), "Free text: ünïcode and \ttabs")),
        new Key("pk_invoice", List.of("tenant_id", "id")), List.of(new Key("uq_invoice_note", List.of("note"))),
        List.of(new ForeignKey("fk_invoice_asset", List.of("tenant_id", "id"),
            new QualifiedName("migration", "asset"), List.of("tenant_id", "id"), "asset")),
        List.of(), List.of(new Index("ix_invoice_note", List.of("note"), true)));
    Schema schema = Schema.of(List.of(ASSET, invoice));
    String expected = com.fasterxml.jackson.databind.json.JsonMapper.builder()
        .serializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
        .build()
        .writeValueAsString(schema) + "\n";
    assertThat(SchemaJson.write(schema)).isEqualTo(expected);
  }

  @Test
  void aCitusDistributionSurvivesTheRoundTrip() {
    Table distributed = ASSET.withDistribution(
        Distribution.distributed("client_account_id", new QualifiedName("migration", "engagement")));
    Table reference = ASSET.withDistribution(Distribution.reference());
    for (Table table : List.of(distributed, reference)) {
      Schema schema = Schema.of(List.of(table));
      assertThat(SchemaJson.read(SchemaJson.write(schema))).isEqualTo(schema);
    }
    assertThat(SchemaJson.write(Schema.of(List.of(reference)))).contains("\"distribution\" : {\n      \"kind\" : "
        + "\"REFERENCE\"\n    }");
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
