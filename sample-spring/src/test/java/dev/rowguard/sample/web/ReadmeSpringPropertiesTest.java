package dev.rowguard.sample.web;

import static com.google.common.truth.Truth.assertWithMessage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every {@code rowguard.*} property the README's "Spring Boot" properties block names, in its lines and its comments,
 * is one the starter declares (its {@code spring-configuration-metadata.json}): a renamed or removed property cannot
 * stay documented.
 */
class ReadmeSpringPropertiesTest {
  private static final Pattern PROPERTY = Pattern.compile("rowguard\\.[a-z][a-z0-9.-]*[a-z0-9]");

  @Test
  void everyPropertyTheReadmeNamesIsDeclared() throws IOException {
    Map<String, String> declared = declaredProperties();
    List<String> unknown = new ArrayList<>();
    String block = springPropertiesBlock();
    Matcher named = PROPERTY.matcher(block);
    int count = 0;
    while (named.find()) {
      count++;
      if (!isDeclared(named.group(), declared)) {
        unknown.add(named.group());
      }
    }
    assertWithMessage("rowguard.* properties in the README's Spring Boot block").that(count).isAtLeast(10);
    assertWithMessage("README properties the starter does not declare").that(unknown).isEmpty();
  }

  /** Declared as is, or an entry of a declared map ({@code rowguard.tenant.headers.<key>}). */
  private static boolean isDeclared(String name, Map<String, String> declared) {
    if (declared.containsKey(name)) {
      return true;
    }
    return declared.entrySet().stream().anyMatch(p -> name.startsWith(p.getKey() + ".")
        && p.getValue().startsWith("java.util.Map"));
  }

  private static String springPropertiesBlock() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    String section = readme.substring(readme.indexOf("\n## Spring Boot\n"));
    section = section.substring(0, section.indexOf("\n## ", 1));
    int start = section.indexOf("```properties\n");
    return section.substring(start, section.indexOf("\n```", start + 1));
  }

  private static Map<String, String> declaredProperties() throws IOException {
    Map<String, String> types = new HashMap<>();
    ClassLoader loader = ReadmeSpringPropertiesTest.class.getClassLoader();
    for (URL url : Collections.list(loader.getResources("META-INF/spring-configuration-metadata.json"))) {
      try (InputStream in = url.openStream()) {
        for (JsonNode property : Http.JSON.readTree(in).get("properties")) {
          types.put(property.get("name").asString(), property.has("type") ? property.get("type").asString() : "");
        }
      }
    }
    return types;
  }
}
