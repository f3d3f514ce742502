package dev.rowguard.processor;

import static com.google.common.truth.Truth.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one way tests compare generated output with a committed golden file. After an intended change, run with
 * {@code -Drowguard.updateGoldens=true} and review the diff; a golden file that does not exist yet is written and
 * the test fails, so that it is reviewed before it is trusted.
 */
final class Goldens {
  private static final boolean UPDATE = Boolean.getBoolean("rowguard.updateGoldens");

  private Goldens() {}

  static void assertMatches(Path golden, String actual) throws IOException {
    if (UPDATE || !Files.exists(golden)) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
      if (!UPDATE) {
        throw new AssertionError("golden file " + golden + " did not exist and was written; review and commit it");
      }
    }
    assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }
}
