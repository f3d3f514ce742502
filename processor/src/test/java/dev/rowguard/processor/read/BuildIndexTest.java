package dev.rowguard.processor.read;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class BuildIndexTest {
  @Test
  void readsBackWhatItWritesJavadocLineBreaksAndBackslashesIncluded() {
    BuildIndex index = new BuildIndex(List.of("b.Second", "a.First"), List.of("package:a"),
        Map.of("a.First", " A first entity.\n @see \\d+\r\n", "a.First#name", " The name. "));

    String text = index.render();

    assertThat(text).startsWith("rowguard-index 1\n");
    assertThat(text.indexOf("entity a.First")).isLessThan(text.indexOf("entity b.Second"));
    assertThat(BuildIndex.parse(text)).hasValue(new BuildIndex(List.of("a.First", "b.Second"), List.of("package:a"),
        index.docComments()));
  }

  @Test
  void anIndexOfAnotherVersionOrWithUnknownLinesIsNotRead() {
    assertThat(BuildIndex.parse("rowguard-index 2\nentity a.First\n")).isEmpty();
    assertThat(BuildIndex.parse("rowguard-index 1\nentity a.First\ntable a\n")).isEmpty();
    assertThat(BuildIndex.parse("")).isEmpty();
  }
}
