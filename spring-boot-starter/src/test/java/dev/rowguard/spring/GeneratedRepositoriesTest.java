package dev.rowguard.spring;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the processor's repository index: its entries, and a clear refusal of a file it did not write. */
class GeneratedRepositoriesTest {
  @TempDir Path directory;

  @Test
  void readsEachEntry() throws IOException {
    URL index = write("""
        rowguard-repositories 1
        # Written by Rowguard: each generated repository, as <interface> <implementation> tenanted|shared. Do not edit.
        shop.AssetRepository shop.AssetRepositoryJdbc tenanted
        shop.Outer$CountryRepository shop.Outer_CountryRepositoryJdbc shared
        """);
    assertThat(GeneratedRepositories.read(index)).containsExactly(
        new GeneratedRepositories.Entry("shop.AssetRepository", "shop.AssetRepositoryJdbc", true, index),
        new GeneratedRepositories.Entry("shop.Outer$CountryRepository", "shop.Outer_CountryRepositoryJdbc", false,
            index));
  }

  @Test
  void refusesAnotherFormatSayingWhatToDo() throws IOException {
    URL index = write("rowguard-repositories 2\nshop.A shop.AJdbc tenanted\n");
    IllegalStateException refused = assertThrows(IllegalStateException.class, () -> GeneratedRepositories.read(index));
    assertThat(refused).hasMessageThat().contains("expected the first line \"rowguard-repositories 1\"");
    assertThat(refused).hasMessageThat().contains("build that module with the Rowguard processor");
  }

  @Test
  void refusesAnEditedLineNamingIt() throws IOException {
    URL index = write("rowguard-repositories 1\nshop.A shop.AJdbc\n");
    IllegalStateException refused = assertThrows(IllegalStateException.class, () -> GeneratedRepositories.read(index));
    assertThat(refused).hasMessageThat().contains("line 2 of");
    assertThat(refused).hasMessageThat().contains(": shop.A shop.AJdbc;");
  }

  private URL write(String text) throws IOException {
    Path file = directory.resolve("repositories");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file.toUri().toURL();
  }

  @Test
  void noIndexOnTheClassPathMeansNoRepositories() {
    ClassLoader empty = new ClassLoader(null) {};
    assertThat(GeneratedRepositories.find(empty)).isEqualTo(List.of());
  }
}
