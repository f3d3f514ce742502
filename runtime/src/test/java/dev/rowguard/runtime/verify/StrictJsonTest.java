package dev.rowguard.runtime.verify;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StrictJsonTest {
  @Test
  void readsEveryKindOfValueInDocumentOrder() {
    Object value = StrictJson.parse(" {\"b\": [1, -2.5e1, true, false, null], \"a\": \"x\\u00e9\\n\\\"\"} ");

    assertThat(value).isEqualTo(Map.of("b", Arrays.asList(1L, -25.0, true, false, null), "a", "xé\n\""));
    assertThat(((Map<?, ?>) value).keySet()).containsExactly("b", "a").inOrder();
  }

  @Test
  void readsEmptyContainers() {
    assertThat(StrictJson.parse("{\"a\": {}, \"b\": []}")).isEqualTo(Map.of("a", Map.of(), "b", List.of()));
  }

  @Test
  void refusesWhatJsonDoesNotAllowWithLineAndColumn() {
    assertThat(error("{\"a\": 1,}")).isEqualTo("not valid JSON at line 1, column 9: a property name in double quotes"
        + " expected");
    assertThat(error("{\n  \"a\": 1,\n  \"a\": 2\n}")).isEqualTo("not valid JSON at line 3, column 3: property \"a\""
        + " appears twice");
    assertThat(error("[1] x")).isEqualTo("not valid JSON at line 1, column 5: text after the JSON value");
    assertThat(error("{'a': 1}")).isEqualTo("not valid JSON at line 1, column 2: a property name in double quotes"
        + " expected");
    assertThat(error("[01]")).isEqualTo("not valid JSON at line 1, column 3: ']' expected, found '1'");
    assertThat(error("\"tab\there\"")).isEqualTo("not valid JSON at line 1, column 6: control character in a string;"
        + " escape it");
    assertThat(error("[tru]")).isEqualTo("not valid JSON at line 1, column 2: unexpected character 't'");
    assertThat(error("[\"\\x\"]")).isEqualTo("not valid JSON at line 1, column 4: unknown escape \\x");
    assertThat(error("")).isEqualTo("not valid JSON at line 1, column 1: a value expected, found the end of the text");
  }

  private static String error(String json) {
    return assertThrows(IllegalArgumentException.class, () -> StrictJson.parse(json)).getMessage();
  }
}
