package dev.rowguard.schema.sql;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class ConstraintNamesTest {
  @Test
  void shortNamesFollowThePrefixTableColumnsScheme() {
    assertThat(ConstraintNames.primaryKey("asset")).isEqualTo("pk_asset");
    assertThat(ConstraintNames.foreignKey("asset", List.of("engagement_id"))).isEqualTo("fk_asset_engagement_id");
    assertThat(ConstraintNames.unique("asset", List.of("hostname", "ip_address"))).isEqualTo("uq_asset_hostname_ip_address");
    assertThat(ConstraintNames.check("asset", "status")).isEqualTo("ck_asset_status");
    assertThat(ConstraintNames.index("asset", List.of("hostname"))).isEqualTo("ix_asset_hostname");
  }

  @Test
  void aNameOfExactly63BytesIsKept() {
    String name = "ix_" + "a".repeat(60);
    assertThat(ConstraintNames.shorten(name)).isEqualTo(name);
  }

  @Test
  void aLongerNameKeepsItsStartAndEndsInAStableHash() {
    String name = "fk_" + "warehouse_replenishment_forecast_adjustment_history" + "_responsible_warehouse_id";
    String shortened = ConstraintNames.shorten(name);
    assertThat(shortened).hasLength(63);
    assertThat(shortened).startsWith(name.substring(0, 54) + "_");
    assertThat(shortened).matches(".*_[0-9a-f]{8}");
    assertThat(ConstraintNames.shorten(name)).isEqualTo(shortened);
  }

  @Test
  void aShortenedNameCutsTheTableFirstSoItsColumnsStayReadable() {
    String table = "usage_meter_reading_for_large_language_model_invocation";
    String byRequest = ConstraintNames.foreignKey(table, List.of("request_id"));
    String byModel = ConstraintNames.foreignKey(table, List.of("model_id"));
    assertThat(byRequest).matches("fk_usage_meter_reading_for_large_language_m_request_id_[0-9a-f]{8}");
    assertThat(byModel).matches("fk_usage_meter_reading_for_large_language_mod_model_id_[0-9a-f]{8}");
    assertThat(byRequest).hasLength(63);
    assertThat(byModel).hasLength(63);
  }

  @Test
  void manyColumnsKeepTheLastWholeOnesAndTheTableKeepsItsStart() {
    String name = ConstraintNames.unique("warehouse_replenishment_forecast",
        List.of("forecasting_model_identifier", "adjustment_sequence_number", "responsible_warehouse_id"));
    assertThat(name).matches("uq_warehouse_replenishment_fo_responsible_warehouse_id_[0-9a-f]{8}");
  }

  @Test
  void shorteningNeverSplitsAMultiByteCharacter() {
    String name = "ix_" + "é".repeat(40);
    String shortened = ConstraintNames.shorten(name);
    assertThat(Identifiers.byteLength(shortened)).isAtMost(63);
    assertThat(shortened.substring(0, shortened.length() - 9)).doesNotContain("\uFFFD");
    assertThat(shortened.substring(0, shortened.length() - 9)).matches("ix_é+");
  }

  @Property(tries = 500)
  void everyStructuredNameFitsAndDistinctColumnsStayDistinct(
      @ForAll @StringLength(min = 1, max = 80) String table, @ForAll @StringLength(min = 1, max = 80) String a,
      @ForAll @StringLength(min = 1, max = 80) String b) {
    String first = ConstraintNames.index(table, List.of(a));
    String second = ConstraintNames.index(table, List.of(b));
    assertThat(Identifiers.byteLength(first)).isAtMost(63);
    if (!a.equals(b)) {
      assertThat(first).isNotEqualTo(second);
    }
  }

  @Property(tries = 500)
  void everyShortenedNameFitsAndDistinctNamesStayDistinct(
      @ForAll @StringLength(min = 1, max = 120) String a, @ForAll @StringLength(min = 1, max = 120) String b) {
    String first = ConstraintNames.shorten("ix_" + a);
    String second = ConstraintNames.shorten("ix_" + b);
    assertThat(Identifiers.byteLength(first)).isAtMost(63);
    if (!a.equals(b)) {
      assertThat(first).isNotEqualTo(second);
    }
  }
}
