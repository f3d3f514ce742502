package dev.rowguard.schema.sql;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

class IdentifiersTest {
  @Test
  void javaNamesBecomeSnakeCase() {
    assertThat(Identifiers.snakeCase("ipAddress")).isEqualTo("ip_address");
    assertThat(Identifiers.snakeCase("AssetDependency")).isEqualTo("asset_dependency");
    assertThat(Identifiers.snakeCase("cpuCores2")).isEqualTo("cpu_cores2");
    assertThat(Identifiers.snakeCase("HTTPServer")).isEqualTo("http_server");
    assertThat(Identifiers.snakeCase("sixRStrategy")).isEqualTo("six_r_strategy");
    assertThat(Identifiers.snakeCase("already_snake")).isEqualTo("already_snake");
  }

  @Test
  void onlyNamesThatNeedItAreQuoted() {
    assertThat(Identifiers.quote("asset")).isEqualTo("asset");
    assertThat(Identifiers.quote("name")).isEqualTo("name");
    assertThat(Identifiers.quote("time")).isEqualTo("time");
    assertThat(Identifiers.quote("order")).isEqualTo("\"order\"");
    assertThat(Identifiers.quote("Asset")).isEqualTo("\"Asset\"");
    assertThat(Identifiers.quote("we\"ird")).isEqualTo("\"we\"\"ird\"");
  }

  @Test
  void reservedWordsAndOrmNamesAreProblemsButUnreservedKeywordsAreNot() {
    assertThat(NameProblem.of("user").orElseThrow().kind()).isEqualTo(NameProblem.Kind.RESERVED_KEYWORD);
    assertThat(NameProblem.of("like").orElseThrow().kind()).isEqualTo(NameProblem.Kind.RESERVED_KEYWORD);
    assertThat(NameProblem.of("metadata").orElseThrow().kind()).isEqualTo(NameProblem.Kind.ORM_RESERVED);
    assertThat(NameProblem.of("x".repeat(64)).orElseThrow().kind()).isEqualTo(NameProblem.Kind.TOO_LONG);
    for (String legal : new String[] {"name", "type", "value", "key", "position", "time"}) {
      assertThat(NameProblem.of(legal)).isEmpty();
    }
  }

  @Test
  void suggestionsAreThemselvesLegal() {
    assertThat(NameProblem.suggestColumnName("asset", "order")).isEqualTo("asset_order");
    assertThat(NameProblem.suggestTableName("user")).isEqualTo("users");
    assertThat(NameProblem.of(NameProblem.suggestTableName("order"))).isEmpty();
  }
}
