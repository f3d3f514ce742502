package dev.rowguard.runtime.verify;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

class SqlTypeNamesTest {
  @Test
  void writesTheCatalogsTypesAsRowguardsDdlDoes() {
    assertThat(SqlTypeNames.normalized("character varying(45)")).isEqualTo("varchar(45)");
    assertThat(SqlTypeNames.normalized("timestamp with time zone")).isEqualTo("timestamptz");
    assertThat(SqlTypeNames.normalized("timestamp(3) without time zone")).isEqualTo("timestamp(3)");
    assertThat(SqlTypeNames.normalized("numeric(12, 2)")).isEqualTo("numeric(12,2)");
    assertThat(SqlTypeNames.normalized("double precision")).isEqualTo("double precision");
    assertThat(SqlTypeNames.normalized("integer[]")).isEqualTo("integer[]");
    assertThat(SqlTypeNames.normalized("INT8")).isEqualTo("bigint");
  }

  @Test
  void baseDropsTheModifiers() {
    assertThat(SqlTypeNames.base("varchar(45)")).isEqualTo("varchar");
    assertThat(SqlTypeNames.base("numeric(12,2)")).isEqualTo("numeric");
    assertThat(SqlTypeNames.base("timestamp(3) with time zone")).isEqualTo("timestamptz");
  }
}
