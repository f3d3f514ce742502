package dev.rowguard.processor.repository;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JavaTypeTest {
  private static final JavaType.Declared STRING = JavaType.Declared.of(String.class);

  @Test
  void declaredTypesNameTheirPackageAndEnclosingClasses() {
    JavaType.Declared entry = JavaType.Declared.of(Map.Entry.class);
    assertThat(entry.packageName()).isEqualTo("java.util");
    assertThat(entry.simpleNames()).containsExactly("Map", "Entry").inOrder();
    assertThat(entry.simpleName()).isEqualTo("Entry");
    assertThat(entry.qualifiedName()).isEqualTo("java.util.Map.Entry");
  }

  @Test
  void toStringIsTheSourceForm() {
    JavaType.Declared list = JavaType.Declared.of(List.class);
    assertThat(list.withArguments(List.of(STRING)).toString()).isEqualTo("java.util.List<java.lang.String>");
    assertThat(list.withArguments(List.of(new JavaType.Wildcard(STRING, null))).toString())
        .isEqualTo("java.util.List<? extends java.lang.String>");
    assertThat(new JavaType.Wildcard(null, new JavaType.Variable("T")).toString()).isEqualTo("? super T");
    assertThat(new JavaType.Wildcard(null, null).toString()).isEqualTo("?");
    assertThat(new JavaType.ArrayOf(JavaType.INT).toString()).isEqualTo("int[]");
    assertThat(new JavaType.Declared("", List.of("Top"), List.of()).toString()).isEqualTo("Top");
  }

  @Test
  void boxingComparesPrimitivesWithTheirWrappers() {
    assertThat(JavaType.LONG.boxed()).isEqualTo(JavaType.Declared.of(Long.class));
    assertThat(JavaType.INT.sameBoxed(JavaType.Declared.of(Integer.class))).isTrue();
    assertThat(JavaType.INT.sameBoxed(JavaType.LONG)).isFalse();
    assertThat(JavaType.VOID.boxed()).isEqualTo(JavaType.VOID);
    assertThat(JavaType.VOID.isPrimitive()).isFalse();
    assertThat(JavaType.BOOLEAN.isPrimitive()).isTrue();
    assertThat(STRING.isPrimitive()).isFalse();
  }

  @Test
  void namesAreChecked() {
    assertThrows(IllegalArgumentException.class, () -> new JavaType.Primitive("integer"));
    assertThrows(IllegalArgumentException.class, () -> new JavaType.Declared("java.lang", List.of(), List.of()));
    assertThrows(IllegalArgumentException.class, () -> JavaType.Declared.of(int.class));
  }
}
