package dev.rowguard.readme;

import static com.google.common.truth.Truth.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Writes the project that README.md's "Using it in a build" spells out, file by file, to {@code
 * target/it/readme-project}, where the invoker plugin then builds it against this build's artifacts and runs its
 * tests (integration-test phase). Each file is a fenced block preceded by {@code <!-- readme-project: <path> -->}.
 */
class ReadmeProjectTest {
  private static final Path README = Path.of("..", "README.md");
  private static final Path PROJECT = Path.of("target", "it", "readme-project");
  private static final Pattern MARKER = Pattern.compile("<!-- readme-project: (\\S+) -->");

  @Test
  void theReadmeSpellsOutEveryFileOfTheProject() throws IOException {
    Map<String, String> files = files(Files.readAllLines(README, StandardCharsets.UTF_8));

    assertThat(files.keySet()).containsExactly("pom.xml", ".mvn/jvm.config",
        "src/main/java/com/example/tasks/Task.java", "src/main/java/com/example/tasks/TaskRepository.java",
        "src/test/java/com/example/tasks/TaskRepositoryTest.java");
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path target = PROJECT.resolve(file.getKey());
      Files.createDirectories(target.getParent());
      Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void theBomManagesTheVersionsThisBuildUses() throws IOException {
    String parent = Files.readString(Path.of("..", "pom.xml"), StandardCharsets.UTF_8);
    String bom = Files.readString(Path.of("..", "bom", "pom.xml"), StandardCharsets.UTF_8);
    for (String[] managed : new String[][] {
        {"jakarta.data-api", "jakarta-data.version"},
        {"jakarta.persistence-api", "jakarta-persistence.version"},
        {"error_prone_core", "errorprone.version"},
        {"error_prone_annotations", "errorprone.version"}}) {
      assertThat(version(bom, managed[0])).isEqualTo(property(parent, managed[1]));
    }
    assertThat(property(bom, "version")).isEqualTo(property(parent, "version"));
  }

  /** Each marked block's text, by path, in the README's order. */
  private static Map<String, String> files(List<String> lines) {
    Map<String, String> files = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher marker = MARKER.matcher(lines.get(i).strip());
      if (marker.matches()) {
        assertThat(lines.get(i + 1)).startsWith("```");
        List<String> body = new ArrayList<>();
        for (int j = i + 2; !lines.get(j).equals("```"); j++) {
          body.add(lines.get(j));
        }
        assertThat(files.put(marker.group(1), String.join("\n", body) + "\n")).isNull();
      }
    }
    return files;
  }

  private static String version(String pom, String artifactId) {
    Matcher matcher = Pattern.compile("<artifactId>" + Pattern.quote(artifactId)
        + "</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
    assertThat(matcher.find()).isTrue();
    String version = matcher.group(1);
    // A version written as a property of the same POM, such as the BOM's ${errorprone.version}.
    return version.startsWith("${") ? property(pom, version.substring(2, version.length() - 1)) : version;
  }

  /** A {@code <name>value</name>} element's first value (a property, or the project's version). */
  private static String property(String pom, String name) {
    Matcher matcher = Pattern.compile("<" + Pattern.quote(name) + ">([^<$]+)</" + Pattern.quote(name) + ">")
        .matcher(pom);
    assertThat(matcher.find()).isTrue();
    return matcher.group(1);
  }
}
